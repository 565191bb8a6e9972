import { describe, expect, it } from 'vitest';
import { bundledSources } from '../../../tests/unit/support/bundled-sources';
import type { Tag } from '../model/highlight';
import { familyId, sourceId, tagId, type SourceId } from '../model/ids';
import { seedTags, GROUPS_FAMILY_ID } from '../tags/seed-tags';
import { createRelatedIndex, type RelatedIndex } from './related-index';
import type { RelatedPassage } from './related-types';

const bundled = bundledSources().map((source) => ({ id: sourceId(source.file), ...source.parsed }));
const textOf = (id: SourceId): string => bundled.find((source) => source.id === id)?.text ?? '';
const groupTags = seedTags().tags.filter((tag) => tag.familyId === GROUPS_FAMILY_ID);
const FIRST_CAPTURE = sourceId('000_e96dcd9e244dc96f.txt');
const SECOND_CAPTURE = sourceId('001_faa72e42c67dfc2a.txt');
const NEWS = sourceId('002_9354d1a30852f093.txt');
const ANALYSIS = sourceId('003_60877fbdee16f22e.txt');
const REPORT = sourceId('004_22ba044b9207139b.txt');

function relatedTo(index: RelatedIndex, source: SourceId, text: string, sentence: string): RelatedPassage[] {
  const start = text.indexOf(sentence);
  if (start < 0) throw new Error(`The test text has no "${sentence}".`);
  return index.related(source, start, start + sentence.length);
}

const group = (key: string, name: string, aliases: readonly string[]): Tag => ({
  id: tagId(`group:${key}`),
  familyId: familyId('family:groups'),
  name,
  color: '#71782b',
  aliases,
  description: '',
  statedAt: null,
});

describe('related passages in the bundled sources', () => {
  const index = createRelatedIndex();
  for (const source of bundled) index.addSource(source.id, source.text, source.blocks);
  index.setGroupTags(groupTags);

  it('finds, for a sentence on IS-Khorasan attack figures, passages of other sources on its attacks, by any of its names', () => {
    const sentence = 'During the second year of Taliban rule, the number of terrorist attacks carried out by IS-Khorasan in Afghanistan fell by 83%.';
    const related = relatedTo(index, ANALYSIS, textOf(ANALYSIS), sentence);
    expect(related.length).toBeGreaterThanOrEqual(5);
    expect(related.some((passage) => passage.sourceId === ANALYSIS)).toBe(false);
    expect(new Set(related.map((passage) => passage.sourceId)).size).toBeGreaterThanOrEqual(3);
    const [best, next] = related;
    expect(best?.sourceId).toBe(NEWS);
    expect(best?.sharedWords).toEqual(['rule', 'attacks', 'ISIS-K']);
    expect(textOf(NEWS).slice(next?.start, next?.end)).toContain('carried out a series of operations against ISIS-K');
    expect(related.flatMap((passage) => passage.sharedWords)).toContain('attacks');
    const similarities = related.map((passage) => passage.similarity);
    expect(similarities).toEqual([...similarities].sort((x, y) => y - x));
    expect(similarities.every((similarity) => similarity >= 0.1 && similarity < 1)).toBe(true);
  });

  it('relates no passages by function words: “has” and “under” count for nothing', () => {
    const sentence = 'Al Qaeda appears to be reviving and thriving under Taliban rule.';
    const related = relatedTo(index, REPORT, textOf(REPORT), sentence);
    const shared = related.flatMap((passage) => passage.sharedWords.map((word) => word.toLowerCase()));
    expect(shared).not.toContain('under');
    expect(shared).not.toContain('be');
    // The one passage left shares two words that say something.
    expect(related.map((passage) => passage.sharedWords)).toEqual([['reviving', 'rule']]);
    const has = 'The Taliban has not honoured its pledge under the Doha Agreement.';
    const index2 = createRelatedIndex();
    index2.addSource(sourceId('x'), has);
    index2.addSource(sourceId('y'), 'The weather has turned cold under a grey sky over the northern valleys this week.');
    index2.addSource(sourceId('z'), 'Farmers in the south report a good harvest of wheat and of melons this year.');
    expect(index2.related(sourceId('x'), 0, has.length, { minSimilarity: 0 })).toEqual([]);
  });

  it('leaves out passages that only name things: headings, contents lines, notes and references', () => {
    const sentence = 'Since August 2021, IS-Khorasan attacks have killed 1,095 people in Afghanistan.';
    const report = bundled.find((source) => source.id === REPORT);
    for (const passage of relatedTo(index, ANALYSIS, textOf(ANALYSIS), sentence).filter((p) => p.sourceId === REPORT)) {
      const block = report?.blocks.find((b) => b.range.start <= passage.start && passage.start < b.range.end);
      expect(['paragraph', 'listItem', 'quote']).toContain(block?.kind);
    }
    const title = 'Increase in Claimed ISKP Attacks in Afghanistan';
    expect(textOf(REPORT)).toContain(title);
    expect(relatedTo(index, ANALYSIS, textOf(ANALYSIS), sentence).every((p) => !textOf(p.sourceId).slice(p.start, p.end).includes(title))).toBe(true);
  });

  it('marks in each snippet the shared words, as the passage writes them', () => {
    const sentence = 'Since August 2021, IS-Khorasan attacks have killed 1,095 people in Afghanistan.';
    for (const passage of relatedTo(index, ANALYSIS, textOf(ANALYSIS), sentence)) {
      const text = textOf(passage.sourceId);
      const { snippet } = passage;
      expect(text.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
      expect(snippet.start).toBeGreaterThanOrEqual(passage.start);
      const marked = new Set(snippet.highlights.map(([from, to]) => snippet.text.slice(from, to).toLowerCase()));
      expect(marked.size).toBeGreaterThan(0);
      // A group is one word however it is named: a shared group may be marked under another of its names.
      const sameWord = (word: string): string[] => groupTags.map((tag) => [tag.name, ...tag.aliases].map((name) => name.toLowerCase())).find((names) => names.includes(word)) ?? [word];
      const shared = passage.sharedWords.map((word) => word.toLowerCase());
      for (const word of marked) expect(sameWord(word).some((name) => shared.includes(name))).toBe(true);
    }
  });

  it('finds the same sentence in the other capture of the article, as similar as can be', () => {
    const sentence = 'Poachers can be turned into gamekeepers; inmates, though, make poor wardens.';
    const [best] = relatedTo(index, FIRST_CAPTURE, textOf(FIRST_CAPTURE), sentence);
    expect(best?.sourceId).toBe(SECOND_CAPTURE);
    expect(best?.similarity).toBeGreaterThan(0.9);
    expect(textOf(SECOND_CAPTURE).slice(best?.start, best?.end)).toContain(sentence);
  });

  it('finds nothing for an empty selection, and honours the limit and the least similarity', () => {
    const text = textOf(REPORT);
    expect(index.related(REPORT, 0, 0)).toEqual([]);
    expect(relatedTo(index, REPORT, text, 'IS-Khorasan').length).toBe(10);
    const start = text.indexOf('IS-Khorasan');
    expect(index.related(REPORT, start, start + 11, { limit: 3 })).toHaveLength(3);
    expect(index.related(REPORT, start, start + 11, { minSimilarity: 1.01 })).toEqual([]);
    expect(() => index.related(sourceId('nowhere'), 0, 1)).toThrow(/not in the related-passages index/);
  });
});

describe('createRelatedIndex', () => {
  const A = sourceId('a');
  const B = sourceId('b');
  const C = sourceId('c');
  const claim = 'The Islamic State Khorasan Province claimed the bombing of the airport gate in Kabul last week.';
  const claimedByIskp = 'ISKP claimed the bombing of the airport gate in Kabul, a statement on its channels said. Rain fell on the city for days.';
  const dams = 'The ministry of water announced new dams on the Kunar river this week, and farmers welcomed the news of the dams.';
  /** Sentences on other things, so that words have the weights they would have in a library. */
  const others = [
    'Wheat prices rose again in the markets of Herat, traders said on Sunday morning.',
    'The border crossing at Torkham reopened after three days of talks between officials.',
    'A new school for girls opened its doors in Bamiyan despite the ban on their education.',
    'Snow closed the Salang pass for the second time this winter, stranding hundreds of lorries.',
    'The central bank auctioned dollars to steady the afghani, which had fallen against the rupee.',
  ];
  const build = (tags: readonly Tag[]): RelatedIndex => {
    const index = createRelatedIndex();
    index.addSource(A, claim);
    index.addSource(B, claimedByIskp);
    index.addSource(C, dams);
    others.forEach((text, i) => index.addSource(sourceId(`other-${i}`), text));
    index.setGroupTags(tags);
    return index;
  };
  const khorasan = group('is-khorasan', 'IS-Khorasan', ['ISKP', 'Islamic State Khorasan Province']);
  const islamicState = group('islamic-state', 'Islamic State', ['IS']);

  it('counts every name of a group as one word, but not a word that only looks like an acronym', () => {
    const withoutGroups = build([]).related(A, 0, claim.length);
    const withGroups = build([khorasan, islamicState]).related(A, 0, claim.length);
    expect(withoutGroups[0]?.sourceId).toBe(B);
    expect(withGroups[0]?.sourceId).toBe(B);
    expect(withGroups[0]?.similarity).toBeGreaterThan((withoutGroups[0]?.similarity ?? 1) + 0.1);
    expect(withGroups[0]?.sharedWords).toContain('ISKP');
    const sentence = 'This is what it is, they said of the attack on the market in the city.';
    const small = build([khorasan, islamicState]);
    small.addSource(sourceId('d'), sentence);
    small.addSource(sourceId('e'), 'The Islamic State claimed the attack on the market, its channels said.');
    const [found] = small.related(sourceId('d'), 0, sentence.length);
    expect(found?.sourceId).toBe(sourceId('e'));
    expect(found?.sharedWords).not.toContain('Islamic State');
    expect(found?.sharedWords).toContain('market');
  });

  it('reads the sources again when a group gains an alias', () => {
    const index = build([group('is-khorasan', 'IS-Khorasan', [])]);
    const before = index.related(A, 0, claim.length)[0]?.similarity ?? 1;
    index.setGroupTags([khorasan]);
    expect(index.related(A, 0, claim.length)[0]?.similarity).toBeGreaterThan(before);
  });

  it('follows sources as they are replaced and removed', () => {
    const index = build([khorasan]);
    index.replaceSource(C, claimedByIskp);
    expect(index.related(A, 0, claim.length).map((passage) => passage.sourceId)).toEqual([B, C]);
    index.replaceSource(B, 'Nothing of the sort: a recipe for bread, with flour, salt, water and patience for hours on end.');
    expect(index.related(A, 0, claim.length).map((passage) => passage.sourceId)).toEqual([C]);
    expect(index.removeSource(C)).toBe(true);
    expect(index.removeSource(C)).toBe(false);
    expect(index.related(A, 0, claim.length).map((passage) => passage.sourceId)).not.toContain(C);
    expect(index.hasSource(B)).toBe(true);
    expect(() => index.addSource(B, 'again')).toThrow(/already in the related-passages index/);
  });
});
