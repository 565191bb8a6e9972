import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceId } from '../model/ids';
import { createSearchIndex, type SearchIndex, type SearchIndexStats } from './search-index';
import type { AliasGroup, SearchOptions, SearchResult } from './search-types';

/** The bundled sources, read as plain text (their blocks come from the parser, not needed here). */
const directory = new URL('../../../resources/sources/', import.meta.url);
const corpus = readdirSync(directory)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => ({ id: sourceId(file), text: readFileSync(new URL(file, directory), 'utf8') }));
const textOf = new Map(corpus.map((source) => [source.id, source.text]));

const khorasan: AliasGroup = {
  id: 'is-khorasan',
  aliases: ['IS-Khorasan', 'ISKP', 'ISIS-K', 'IS-K', 'ISIS-Khorasan', 'Islamic State Khorasan Province'],
};

function build(): SearchIndex {
  const index = createSearchIndex();
  for (const source of corpus) index.addSource(source.id, source.text);
  return index;
}

/** The text of every hit of every returned passage, with its source. */
function hitTexts(result: SearchResult): { source: string; text: string }[] {
  return result.sources.flatMap((source) =>
    source.passages.flatMap((passage) => passage.hits.map((hit) => ({ source: source.sourceId, text: textOf.get(source.sourceId)?.slice(hit.start, hit.end) ?? '' }))),
  );
}

describe('search over the bundled sources', () => {
  const index = build();

  it('finds the other names of IS-Khorasan in at least three sources when searching "ISKP" with its alias group', () => {
    const plain = index.search('ISKP', { prefixLastWord: false });
    expect(plain.sources.map((s) => s.sourceId)).toEqual([sourceId('004_22ba044b9207139b.txt')]);

    const result = index.search('ISKP', { aliasGroups: [khorasan], limit: 500 });
    expect(result.expansions).toEqual([{ groupId: 'is-khorasan', matched: 'ISKP', aliases: khorasan.aliases, applied: true }]);
    const hits = hitTexts(result);
    const spellings = new Set(hits.map((hit) => hit.text));
    for (const written of ['IS-Khorasan', 'ISIS-K', 'IS-K', 'ISKP']) expect(spellings).toContain(written);
    const sourcesWithOtherNames = new Set(hits.filter((hit) => hit.text !== 'ISKP').map((hit) => hit.source));
    expect(sourcesWithOtherNames.size).toBeGreaterThanOrEqual(3);
    expect(result.total).toBe(result.sources.reduce((sum, s) => sum + s.hitCount, 0));

    const off = index.search('ISKP', { aliasGroups: [khorasan], disabledAliasGroups: new Set(['is-khorasan']) });
    expect(off.total).toBe(plain.total);
    expect(off.expansions.map((e) => e.applied)).toEqual([false]);
  });

  it('marks in every snippet exactly the original text of its hits, curly quotes and diacritics included', () => {
    const options: SearchOptions = { aliasGroups: [khorasan], limit: 200 };
    for (const query of ['naive', 'Taliban', '"al Qaeda"', 'ISIS-K', 'incubator', 'Doha agreement', 'khor*']) {
      const result = index.search(query, options);
      expect(result.total, query).toBeGreaterThan(0);
      for (const source of result.sources) {
        const text = textOf.get(source.sourceId) ?? '';
        for (const passage of source.passages) {
          const { snippet } = passage;
          expect(text.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
          expect(snippet.text.length).toBeLessThanOrEqual(Math.max(160, ...passage.hits.map((h) => h.end - h.start)));
          expect(snippet.highlights.length).toBeGreaterThan(0);
          for (const [from, to] of snippet.highlights) {
            const original = text.slice(snippet.start + from, snippet.start + to);
            expect(snippet.text.slice(from, to)).toBe(original);
            expect(passage.hits.some((hit) => hit.start === snippet.start + from && hit.end === snippet.start + to)).toBe(true);
          }
        }
      }
    }
    const naive = hitTexts(index.search('naive', { prefixLastWord: false }));
    expect(naive.map((hit) => hit.text)).toEqual(['naïve']);
    const possessive = hitTexts(index.search('"Taliban pledge"', { limit: 5 }));
    expect(possessive.map((hit) => hit.text)).toContain('Taliban’s Pledge');
  });

  it('maps hits back exactly in a text full of diacritics and curly quotes', () => {
    const text = '“Kābul’s” naïve ﬁghters — the Qa’eda of Zürich; ISIS–K and Straße.';
    const small = createSearchIndex();
    small.addSource(sourceId('x'), text);
    const expectations: [string, string[]][] = [
      ['kabul', ['Kābul']],
      ['naive fighters', ['naïve', 'ﬁghters']],
      ['qaeda', ['Qa’eda']],
      ['zurich', ['Zürich']],
      ['"isis-k"', ['ISIS–K']],
      ['strasse', ['Straße']],
    ];
    for (const [query, expected] of expectations) {
      const passage = small.search(query, { prefixLastWord: false }).sources[0]?.passages[0];
      expect(passage?.hits.map((hit) => text.slice(hit.start, hit.end)), query).toEqual(expected);
      const snippet = passage?.snippet;
      expect(snippet?.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(expected);
    }
  });

  it('gives identical results from two independently built indexes', () => {
    const other = createSearchIndex();
    // A different history (other terms first, then removed) gives other term ids, same results.
    other.addSource(sourceId('scratch'), 'Unrelated words: zebra, quokka, Taliban, Khorasani, al-Qaeda.');
    for (const source of [...corpus].reverse()) other.addSource(sourceId(`tmp-${source.id}`), source.text);
    for (const source of corpus) other.removeSource(sourceId(`tmp-${source.id}`));
    for (const source of corpus) other.addSource(source.id, source.text);
    other.removeSource(sourceId('scratch'));
    // The same sizes, except the dictionary estimate (freed term ids still count there).
    const sizes = (stats: SearchIndexStats): unknown => ({ ...stats, bytes: { ...stats.bytes, dictionary: 0 } });
    expect(sizes(other.stats())).toEqual(sizes(index.stats()));

    const queries = ['taliban', 'ISKP', '"al qaeda" OR ttp', 'pakistan -taliban', 'khor', 'doha agr', 'us counter-terrorism', 'isis-k attacks'];
    for (const query of queries) {
      expect(other.search(query, { aliasGroups: [khorasan] }), query).toEqual(index.search(query, { aliasGroups: [khorasan] }));
    }
  });
});
