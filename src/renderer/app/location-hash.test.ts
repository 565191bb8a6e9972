import { describe, expect, it } from 'vitest';
import { charOffset, sourceId, tagId } from '../../core/model/ids';
import { hashFor, hashForSource, locationFromHash, sourceIdFromHash, type AppLocation } from './location-hash';

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
    ];
    for (const location of locations) expect(locationFromHash(hashFor(location))).toEqual(location);
  });

  it('ignores a passage that is not a range of offsets', () => {
    for (const at of ['10', '20-10', '5-5', 'a-b', '-1-4']) {
      expect(locationFromHash(`#source=x&at=${at}`)).toEqual({ view: 'source', sourceId: 'x', at: null });
    }
  });
});
