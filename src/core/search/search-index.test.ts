import { describe, expect, it } from 'vitest';
import { charOffset, sourceId, type SourceId } from '../model/ids';
import type { Block } from '../model/source';
import { MAX_PREFIX_TERMS } from './query-plan';
import { createSearchIndex, type SearchIndex } from './search-index';
import { indexText } from './segment-data';
import type { SearchOptions, SearchResult } from './search-types';

const A = sourceId('a');
const B = sourceId('b');
const C = sourceId('c');

function indexOf(sources: Record<string, string>): SearchIndex {
  const index = createSearchIndex();
  for (const [id, text] of Object.entries(sources)) index.addSource(sourceId(id), text);
  return index;
}

const exact: SearchOptions = { prefixLastWord: false };

/** Each hit as "source: text of the hit". */
function hitTexts(result: SearchResult, texts: Record<string, string>): string[] {
  return result.sources.flatMap((source) =>
    source.passages.flatMap((passage) => passage.hits.map((hit) => `${source.sourceId}: ${texts[source.sourceId]?.slice(hit.start, hit.end)}`)),
  );
}

const ids = (result: SearchResult): SourceId[] => result.sources.map((source) => source.sourceId);

describe('search', () => {
  const texts = {
    a: 'The al Qaeda leader was killed in Kābul.\nQaeda and al-Shabaab are not the same.',
    b: 'Al-Qaeda’s core remains. The Taliban’s pledge.\nKhorasan and Khorasani fighters.',
    c: 'Nothing about them here.\nThe pledge was made in Doha.',
  };
  const index = indexOf(texts);

  it('matches every word anywhere in a passage, and a phrase only as written', () => {
    expect(hitTexts(index.search('al qaeda', exact), texts).sort()).toEqual(
      ['a: Qaeda', 'a: al', 'a: al', 'a: Qaeda', 'b: Al', 'b: Qaeda'].sort(),
    );
    expect(hitTexts(index.search('"al qaeda"', exact), texts).sort()).toEqual(['a: al Qaeda', 'b: Al-Qaeda']);
    expect(hitTexts(index.search('al-Qaeda', exact), texts).sort()).toEqual(['a: al Qaeda', 'b: Al-Qaeda']);
  });

  it('folds case and diacritics, and finds a word in its possessive', () => {
    expect(hitTexts(index.search('KABUL', exact), texts)).toEqual(['a: Kābul']);
    expect(hitTexts(index.search('taliban', exact), texts)).toEqual(['b: Taliban']);
  });

  it('matches prefixes, ranking the word as typed above longer words', () => {
    const result = index.search('khorasan*', exact);
    expect(hitTexts(result, texts)).toEqual(['b: Khorasan', 'b: Khorasani']);
    expect(index.search('khorasan', exact).total).toBe(1);
    const typing = index.search('khorasa');
    expect(typing.total).toBe(2);
    const exactOnly = index.search('khorasan', exact).sources[0]?.passages[0]?.score ?? 0;
    const prefixOnly = index.search('khorasani', exact).sources[0]?.passages[0]?.score ?? 0;
    expect(index.search('khorasan*', exact).sources[0]?.passages[0]?.score).toBeLessThan(exactOnly + prefixOnly);
  });

  it('matches either side of OR and leaves out excluded passages', () => {
    expect(ids(index.search('doha OR kabul', exact)).sort()).toEqual([A, C]);
    expect(hitTexts(index.search('qaeda -shabaab', exact), texts).sort()).toEqual(['a: Qaeda', 'b: Qaeda']);
    expect(index.search('pledge -"taliban"', exact).sources.map((s) => s.sourceId)).toEqual([C]);
  });

  it('scores a phrase hit above a hit of one of its words', () => {
    const phrase = index.search('"al qaeda"', exact).sources.find((s) => s.sourceId === A)?.passages[0]?.score ?? 0;
    const word = index.search('qaeda', exact).sources.find((s) => s.sourceId === A)?.passages[0]?.score ?? 0;
    expect(phrase).toBeGreaterThan(word);
  });

  it('counts hits and matching passages per source, and limits the passages returned', () => {
    const result = index.search('qaeda', { ...exact, limit: 1 });
    expect(result.total).toBe(3);
    expect(result.sources.map((s) => [s.sourceId, s.hitCount, s.passageCount]).sort()).toEqual([
      [A, 2, 2],
      [B, 1, 1],
    ]);
    // The one passage returned is the best one, and its source comes first.
    const best = result.sources[0];
    expect(best?.passages.length).toBe(1);
    expect(result.sources[1]?.passages.length).toBe(0);
    const all = index.search('qaeda', exact).sources.flatMap((s) => s.passages.map((p) => p.score));
    expect(best?.passages[0]?.score).toBe(Math.max(...all));
    expect(index.search('qaeda', { ...exact, limit: 0 }).sources.every((s) => s.passages.length === 0)).toBe(true);
  });

  it('counts overlapping hits of one passage once, and marks them as one range', () => {
    const text = 'IS-Khorasan and Khorasan. La la la.';
    const overlap = createSearchIndex();
    overlap.addSource(A, text);
    const aliasGroups = [{ id: 'isk', aliases: ['IS-Khorasan', 'Khorasan'] }];
    const result = overlap.search('khorasan', { ...exact, aliasGroups });
    expect(result.total).toBe(2);
    expect(result.sources[0]?.passages[0]?.hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['IS-Khorasan', 'Khorasan']);
    const repeated = overlap.search('"la la"', exact);
    expect(repeated.total).toBe(1);
    expect(repeated.sources[0]?.passages[0]?.hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['La la la']);
    expect(overlap.search('"la la" OR khorasan', exact).total).toBe(3);
  });

  it('lets a filter decide which hits count', () => {
    const onlyFirstLines = (source: SourceId, start: number): boolean => source !== A || start < texts.a.indexOf('\n');
    const result = index.search('qaeda', { ...exact, filter: onlyFirstLines });
    expect(result.sources.map((s) => [s.sourceId, s.hitCount]).sort()).toEqual([
      [A, 1],
      [B, 1],
    ]);
    expect(hitTexts(result, texts).sort()).toEqual(['a: Qaeda', 'b: Qaeda']);
    expect(result.sources.find((s) => s.sourceId === A)?.passages[0]?.start).toBe(0);
    const seen: [SourceId, string][] = [];
    index.search('"al qaeda"', { ...exact, filter: (source, start, end) => (seen.push([source, texts[source as 'a'].slice(start, end)]), true) });
    expect(seen).toEqual([
      [A, 'al Qaeda'],
      [B, 'Al-Qaeda'],
    ]);
  });

  it('searches the most frequent words of a prefix that matches too many, and says so', () => {
    const many = createSearchIndex();
    const words = Array.from({ length: MAX_PREFIX_TERMS + 50 }, (_, i) => `w${String(i + 1).padStart(3, '0')}`);
    // w000 occurs in every passage, the others once: w000 and MAX_PREFIX_TERMS - 1 others are searched.
    many.addSource(A, words.map((word) => `w000 ${word}`).join('\n'));
    const result = many.search('w*', exact);
    expect(result.warnings.map((w) => w.code)).toEqual(['prefix-capped']);
    expect(result.warnings[0]?.message).toContain(`${words.length + 1} words`);
    expect(result.total).toBe(words.length + MAX_PREFIX_TERMS - 1);
  });

  it('breaks ties by source order, then by position', () => {
    const twins = createSearchIndex();
    const text = 'Doha talks.\nDoha talks.';
    twins.addSource(B, text);
    twins.addSource(A, text);
    const result = twins.search('doha', exact);
    expect(result.sources.map((s) => [s.sourceId, s.passages.map((p) => p.start)])).toEqual([
      [B, [0, 12]],
      [A, [0, 12]],
    ]);
  });

  it('breaks ties by the library order it is given, whatever order the sources were indexed in', () => {
    const twins = createSearchIndex();
    const text = 'Doha talks.';
    twins.addSource(B, text);
    twins.addSource(C, text);
    twins.putSegment(A, indexText(text, undefined));
    twins.setSourceOrder([A, C]);
    expect(twins.search('doha', exact).sources.map((s) => s.sourceId)).toEqual([A, C, B]);
  });

  it('returns nothing, with the parser’s warnings, when a clause cannot match', () => {
    expect(index.search('qaeda zzzunknown', exact)).toEqual({ sources: [], total: 0, expansions: [], warnings: [] });
    expect(index.search('-qaeda').warnings.map((w) => w.code)).toEqual(['only-exclusions']);
    expect(index.search('"qaeda', exact).warnings.map((w) => w.code)).toEqual(['unclosed-quote']);
  });

  it('uses the blocks as passages, so a phrase does not run across two blocks', () => {
    const text = 'Islamic State\nKhorasan Province';
    const block = (start: number, end: number): Block => ({ kind: 'paragraph', range: { start: charOffset(start), end: charOffset(end) }, marks: [] });
    const lines = createSearchIndex();
    lines.addSource(A, text.replace('\n', ' '), [block(0, 13), block(14, 31)]);
    expect(lines.search('"state khorasan"', exact).total).toBe(0);
    expect(lines.search('state khorasan', exact).total).toBe(0);
    lines.replaceSource(A, text.replace('\n', ' '));
    expect(lines.search('"state khorasan"', exact).total).toBe(1);
  });

  it('lists a page as a results view shows it, with each passage’s role taken from its block when indexed', () => {
    const text = 'Khorasan in the contents\nKhorasan Khorasan in the body\nKhorasan in a note\nKhorasan once more in the body';
    const block = (kind: Block['kind'], start: number, end: number): Block => ({ kind, range: { start: charOffset(start), end: charOffset(end) }, marks: [] });
    const lines = text.split('\n');
    let at = 0;
    const kinds: Block['kind'][] = ['tocEntry', 'paragraph', 'note', 'paragraph'];
    const blocks = lines.map((line, i) => {
      const made = block(kinds[i] ?? 'paragraph', at, at + line.length);
      at += line.length + 1;
      return made;
    });
    const listed = createSearchIndex();
    listed.addSource(A, text, blocks);
    listed.addSource(B, 'Khorasan, just once.');
    const roles = (result: SearchResult): string[] => result.sources.flatMap((source) => source.passages.map((passage) => `${source.sourceId} ${passage.role}`));
    // Source a first (more relevant in all), its body text before its contents and note.
    const all = listed.search('khorasan', { ...exact, limit: 10, page: { offset: 0 } });
    expect(roles(all)).toEqual(['a body', 'a body', 'a contents', 'a notes', 'b body']);
    const second = listed.search('khorasan', { ...exact, limit: 2, page: { offset: 2 } });
    expect(roles(second)).toEqual(['a contents', 'a notes']);
    expect(second.sources.map((source) => source.passageCount)).toEqual([4, 1]);
    expect(second.sources[0]?.passages[0]?.snippet.text).toBe('Khorasan in the contents');
    // Without an offset: the best passages overall, body text first.
    expect(roles(listed.search('khorasan', { ...exact, limit: 3, page: {} }))).toEqual(['a body', 'a body', 'b body']);
  });

  it('adds, replaces and removes sources', () => {
    const live = createSearchIndex();
    live.addSource(A, 'first version');
    expect(() => live.addSource(A, 'again')).toThrow(/already in the search index/);
    live.replaceSource(A, 'second version');
    expect(live.search('first', exact).total).toBe(0);
    expect(live.search('second', exact).total).toBe(1);
    expect(live.hasSource(A)).toBe(true);
    expect(live.removeSource(A)).toBe(true);
    expect(live.removeSource(A)).toBe(false);
    expect(live.search('second', exact).total).toBe(0);
    expect(live.stats()).toMatchObject({ sources: 0, passages: 0, tokens: 0, terms: 0, bytes: { postings: 0, tokenTable: 0 } });
  });
});
