import { describe, expect, it } from 'vitest';
import { charOffset, sourceId, tagId } from '../../core/model/ids';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { sampleHighlight } from '../../../tests/unit/support/sample-highlight';
import { sortHighlights, tagsInUse } from './highlight-order';

const source = sourceId('004');
const anchored = (n: number, status: AnchoredHighlight['status'], start: number | null, tags = sampleHighlight(source, n).tags): AnchoredHighlight => ({
  highlight: { ...sampleHighlight(source, n), tags },
  status,
  start: start === null ? null : charOffset(start),
  end: start === null ? null : charOffset(start + 10),
});

const list = [
  anchored(1, 'exact', 500),
  anchored(2, 'orphan', null),
  anchored(3, 'fuzzy', 20),
  anchored(4, 'review', 40),
  anchored(5, 'exact', 300, [{ tagId: tagId('group-isk') }]),
  anchored(0, 'orphan', null),
];
const ids = (hs: readonly AnchoredHighlight[]) => hs.map((h) => h.highlight.id.slice(-1));

describe('sortHighlights', () => {
  it('lists placed highlights in text order and the ones needing attention apart, review before orphans', () => {
    const { placed, problems } = sortHighlights(list, null);
    expect(ids(placed)).toEqual(['3', '5', '1']);
    expect(ids(problems)).toEqual(['4', '0', '2']);
  });

  it('keeps only the highlights with a tag when filtered by it', () => {
    const { placed, problems } = sortHighlights(list, tagId('group-isk'));
    expect(ids(placed)).toEqual(['5']);
    expect(problems).toEqual([]);
  });
});

describe('tagsInUse', () => {
  it('counts each tag’s highlights, most used first', () => {
    expect(tagsInUse(list)).toEqual([
      { tagId: 'group-ttp', count: 5 },
      { tagId: 'rec-3', count: 5 },
      { tagId: 'group-isk', count: 1 },
    ]);
  });
});
