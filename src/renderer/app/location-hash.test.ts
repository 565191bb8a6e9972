import { describe, expect, it } from 'vitest';
import { charOffset, memoId, sourceId, tagId } from '../../core/model/ids';
import type { PaneView } from '../../shared/api-contract';
import { hashFor, hashForSource, hashForView, locationFromHash, paneViewOf, sourceIdFromHash, type AppLocation } from './location-hash';

describe('location hash', () => {
  it('round-trips a source id, including characters that need escaping', () => {
    for (const id of ['004_22ba044b9207139b', 'a b&c=d#e', 'Ünïcode']) {
      expect(sourceIdFromHash(hashForSource(sourceId(id)))).toBe(id);
    }
  });

  it('reads the id with or without the leading #', () => {
    expect(sourceIdFromHash('#source=abc')).toBe('abc');
    expect(sourceIdFromHash('source=abc')).toBe('abc');
  });

  it('is null when no source is named', () => {
    expect(sourceIdFromHash('')).toBeNull();
    expect(sourceIdFromHash('#')).toBeNull();
    expect(sourceIdFromHash('#source=')).toBeNull();
    expect(sourceIdFromHash('#other=1')).toBeNull();
    expect(sourceIdFromHash('#view=tags')).toBeNull();
  });

  it('round-trips every view, with the passage a source is opened at', () => {
    const locations: AppLocation[] = [
      { view: 'source', sourceId: sourceId('004'), at: null },
      { view: 'source', sourceId: sourceId('004'), at: { start: charOffset(120), end: charOffset(180) } },
      { view: 'source', sourceId: null, at: null },
      { view: 'tag', tagId: tagId('group:is-khorasan') },
      { view: 'tag', tagId: null },
      { view: 'mentions', tagId: tagId('group:ttp') },
      { view: 'mentions', tagId: null },
      { view: 'tags' },
      { view: 'help' },
      { view: 'memo', memoId: memoId('memo-1 & more') },
      { view: 'memo', memoId: null },
      { view: 'search', query: '"IS-K" OR ISKP & more' },
      { view: 'search', query: '' },
    ];
    for (const location of locations) expect(locationFromHash(hashFor(location))).toEqual(location);
  });

  it('ignores a passage that is not a range of offsets', () => {
    for (const at of ['10', '20-10', '5-5', 'a-b', '-1-4']) {
      expect(locationFromHash(`#source=x&at=${at}`)).toEqual({ view: 'source', sourceId: 'x', at: null });
    }
  });

  it('names each view a pane keeps, and keeps none for the others', () => {
    const views: PaneView[] = [
      { kind: 'source', sourceId: sourceId('004'), offset: null },
      { kind: 'memo', memoId: memoId('m1') },
      { kind: 'memo', memoId: null },
      { kind: 'tag', tagId: tagId('group:ttp') },
      { kind: 'tag', tagId: null },
      { kind: 'search', query: 'ISKP NOT Kabul' },
    ];
    for (const view of views) expect(paneViewOf(locationFromHash(hashForView(view)))).toEqual(view);
    expect(locationFromHash(hashForView(views[0] as PaneView, { start: charOffset(3), end: charOffset(9) }))).toMatchObject({ at: { start: 3, end: 9 } });
    expect(paneViewOf(locationFromHash('#view=mentions&tag=group:ttp'))).toBeNull();
    expect(paneViewOf(locationFromHash('#view=tags'))).toBeNull();
    expect(paneViewOf(locationFromHash('#'))).toBeNull();
  });
});
