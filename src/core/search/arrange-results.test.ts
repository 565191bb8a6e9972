import { describe, expect, it } from 'vitest';
import { cappedWarning, listPage, MAX_LISTED_PASSAGES, PassageList, type ListingPage } from './arrange-results';

interface Passage {
  readonly start: number;
  readonly score: number;
  readonly role?: 'references';
}

// The index found the article first: its one passage scores best. The report's passage at 900 is
// in its reference list.
const article: Passage[] = [{ start: 0, score: 9 }];
const report: Passage[] = [
  { start: 100, score: 5 },
  { start: 200, score: 8 },
  { start: 300, score: 4 },
  { start: 900, score: 7, role: 'references' },
];

function listOf(sources: readonly (readonly Passage[])[]): PassageList {
  const list = new PassageList();
  for (const passages of sources) {
    passages.forEach((passage, p) => list.add(passage.score, passage.start, p, passage.role !== undefined));
    list.closeSource();
  }
  return list;
}

const names = ['article', 'report'];
/** Each source in listing order with the starts of its passages on the page. */
function listing(sources: readonly (readonly Passage[])[], page: ListingPage): string[] {
  const list = listOf(sources);
  const arranged = listPage(list, [0, 1], [0, 1], page);
  return arranged.sources.map((s) => `${names[s]}: ${(arranged.chosen.get(s) ?? []).map((entry) => `${list.start[entry]}${list.apparatus[entry] === 1 ? ' (apparatus)' : ''}`).join(' ')}`);
}

describe('listPage', () => {
  it('lists the source with the most relevant passages first, body text before references, best first', () => {
    expect(listing([article, report], { limit: 50 })).toEqual(['report: 200 100 300 900 (apparatus)', 'article: 0']);
  });

  it('without an offset, keeps the best passages overall, every source still listed', () => {
    expect(listing([article, report], { limit: 2 })).toEqual(['report: 200', 'article: 0']);
    expect(listing([article, report], { limit: 5 })).toEqual(['report: 200 100 300 900 (apparatus)', 'article: 0']);
  });

  it('with an offset, pages through the passages source by source', () => {
    const pages = [0, 2, 4].map((offset) => listing([article, report], { limit: 2, offset }));
    expect(pages).toEqual([['report: 200 100', 'article: '], ['report: 300 900 (apparatus)', 'article: '], ['report: ', 'article: 0']]);
    expect(listing([article, report], { limit: 2, offset: 9 })).toEqual(['report: ', 'article: ']);
  });

  it('counts an apparatus passage at a quarter of its score when ranking sources', () => {
    const onlyReferences = report.map((passage) => ({ ...passage, role: 'references' as const }));
    expect(listing([article, onlyReferences], { limit: 50 })[0]).toBe('article: 0');
  });

  it('lists at most MAX_LISTED_PASSAGES, the best by score, ties going to the earlier source', () => {
    const many = Array.from({ length: MAX_LISTED_PASSAGES }, (_, i) => ({ start: i, score: i === 0 ? 1 : 2 }));
    const list = listOf([many, [{ start: 0, score: 1 }]]);
    const arranged = listPage(list, [0, 1], [0, 1], { limit: 1, offset: MAX_LISTED_PASSAGES - 1 });
    expect(arranged.listed).toBe(MAX_LISTED_PASSAGES);
    // The first source's passage scoring 1 is kept over the second source's: it comes first in the library.
    expect(arranged.chosen.get(0)?.map((entry) => list.start[entry])).toEqual([0]);
    expect(arranged.chosen.get(1)).toBeUndefined();
  });
});

describe('cappedWarning', () => {
  it('warns when fewer passages were listed than match', () => {
    expect(cappedWarning(1, 12_000)).toEqual({
      code: 'results-capped',
      message: 'Only the 1 best of 12,000 matching passages can be listed; add words or filters to narrow the search.',
    });
    expect(cappedWarning(5, 5)).toBeNull();
  });
});
