import { describe, expect, it } from 'vitest';
import { bundledSources } from '../../../tests/unit/support/bundled-sources';
import { charOffset, sourceId, type SourceId } from '../model/ids';
import type { Block } from '../model/source';
import { tokenize } from '../search/tokenize';
import { createSharedTextIndex, MAX_PARTNERS } from './shared-text-index';

const bundled = bundledSources().map((source) => ({ id: sourceId(source.file), ...source.parsed }));
const textOf = (id: SourceId): string => bundled.find((source) => source.id === id)?.text ?? '';
const FIRST_CAPTURE = sourceId('000_e96dcd9e244dc96f.txt');
const SECOND_CAPTURE = sourceId('001_faa72e42c67dfc2a.txt');
const NEWS = sourceId('002_9354d1a30852f093.txt');
const REPORT = sourceId('004_22ba044b9207139b.txt');

const terms = (text: string): string[] => tokenize(text).map((token) => token.term);
const paragraph = (start: number, end: number, trailer = false): Block => ({
  kind: 'paragraph',
  range: { start: charOffset(start), end: charOffset(end) },
  marks: [],
  ...(trailer ? { trailer } : {}),
});

describe('shared text between the bundled sources', () => {
  const index = createSharedTextIndex();
  for (const source of bundled) index.addSource(source.id, source.text, source.blocks);
  const pairs = index.twins();

  it('finds that the two captures of the Foreign Policy article share all of their text, trailers aside', () => {
    const captures = pairs.find((pair) => pair.a === FIRST_CAPTURE && pair.b === SECOND_CAPTURE);
    expect(captures?.twins).toBe(true);
    expect(captures?.shareOfA).toBeGreaterThan(0.95);
    expect(captures?.shareOfB).toBeGreaterThan(0.95);
    // 000's trailer (82 links) and 001's (its footer) are not shared, yet do not count against them.
    const article = captures?.passages ?? [];
    expect(article.length).toBeGreaterThan(20);
    for (const passage of article) {
      expect(terms(textOf(SECOND_CAPTURE).slice(passage.b.start, passage.b.end))).toEqual(terms(textOf(FIRST_CAPTURE).slice(passage.a.start, passage.a.end)));
    }
    expect(article.map((passage) => passage.a.start)).toEqual([...article.map((passage) => passage.a.start)].sort((x, y) => x - y));
  });

  it('pairs no other sources: the news report and the think-tank report share no passage', () => {
    expect(pairs.map((pair) => [pair.a, pair.b])).toEqual([[FIRST_CAPTURE, SECOND_CAPTURE]]);
    expect(index.pairsOf(SECOND_CAPTURE)).toEqual(pairs);
    expect(index.pairsOf(NEWS)).toEqual([]);
    expect(index.pairsOf(REPORT)).toEqual([]);
  });

  it('maps a passage of one capture to the same words in the other', () => {
    const quote = 'IS-Khorasan Province, or IS-K, as a common enemy.';
    const start = textOf(FIRST_CAPTURE).indexOf(quote);
    const twin = index.twinRange(FIRST_CAPTURE, SECOND_CAPTURE, { start: charOffset(start), end: charOffset(start + quote.length) });
    expect(twin && textOf(SECOND_CAPTURE).slice(twin.start, twin.end)).toBe(quote);
    const back = twin && index.twinRange(SECOND_CAPTURE, FIRST_CAPTURE, twin);
    expect(back).toEqual({ start, end: start + quote.length });
    const inReport = 'The Taliban’s strategy towards IS-Khorasan';
    const reportStart = textOf(REPORT).indexOf(inReport);
    expect(index.twinRange(REPORT, NEWS, { start: charOffset(reportStart), end: charOffset(reportStart + inReport.length) })).toBeNull();
  });
});

describe('createSharedTextIndex', () => {
  const article = [
    'The Taliban’s leadership know that any attempt to go against any jihadist organization will cause their own disintegration.',
    'The international community needs allies who aren’t recognized terrorists to help with counterterrorism, Nazary said.',
    'The Taliban are, in fact, battling with IS–K. But not on the battlefield. They are fighting on the recruiting ground.',
  ];
  const retyped = article.map((line) => line.replaceAll('’', "'").replaceAll('–', '-').replaceAll(' ', '  ').toUpperCase());

  it('reads past case, spacing, curly quotes and dashes, and says how much each source shares', () => {
    const own = 'A paragraph of its own, which the first text does not have at all, in twenty words or so.';
    const index = createSharedTextIndex();
    index.addSource(sourceId('a'), article.join('\n'));
    index.addSource(sourceId('b'), [...retyped, own].join('\n\n'));
    const [pair] = index.twins();
    const shared = terms(article.join(' ')).length;
    expect(pair?.shareOfA).toBe(1);
    expect(pair?.shareOfB).toBeCloseTo(shared / (shared + terms(own).length), 10);
    expect(pair?.twins).toBe(true);
    expect(pair?.passages).toHaveLength(3);
  });

  it('counts a short shared heading, but not a common phrase inside paragraphs that differ', () => {
    const heading = 'Ways forward for the international community in Afghanistan today';
    const phrase = 'one of the most dangerous groups in the region today';
    const a = [heading, `Analysts in Kabul called the Haqqani faction ${phrase}, and said so often over the course of the year.`, article[0]];
    const b = [heading, `Officials in Islamabad described the Pakistani Taliban as ${phrase}, without giving any figures for it.`, article[0]];
    const index = createSharedTextIndex();
    index.addSource(sourceId('a'), a.join('\n'));
    index.addSource(sourceId('b'), b.join('\n'));
    const passages = index.pairsOf(sourceId('a'))[0]?.passages ?? [];
    expect(passages.map((passage) => a.join('\n').slice(passage.a.start, passage.a.end))).toEqual([heading, article[0]?.replace(/\.$/, '')]);
  });

  it('leaves a trailer out of the text compared', () => {
    const text = `${article[0]}\n${article[1]}`;
    const trailerStart = article[0]?.length ?? 0;
    const index = createSharedTextIndex();
    index.addSource(sourceId('a'), text, [paragraph(0, trailerStart), paragraph(trailerStart + 1, text.length, true)]);
    index.addSource(sourceId('b'), article[1] ?? '');
    expect(index.pairsOf(sourceId('b'))).toEqual([]);
    index.replaceSource(sourceId('a'), text, [paragraph(0, trailerStart), paragraph(trailerStart + 1, text.length)]);
    expect(index.pairsOf(sourceId('b')).map((pair) => [pair.shareOfA < 0.6, pair.shareOfB])).toEqual([[true, 1]]);
  });

  it('counts a source quoting another as sharing a passage, not as a twin, and aligns a source with its closest partners only', () => {
    const filler = (n: number): string => Array.from({ length: 60 }, (_, i) => `word${n}x${i}`).join(' ');
    const index = createSharedTextIndex();
    index.addSource(sourceId('original'), `${article.join(' ')} ${filler(1000)}`);
    // Source k quotes the first k + 1 sentences: the later ones share more.
    for (let k = 0; k < MAX_PARTNERS + 2; k++) index.addSource(sourceId(`quoting-${k}`), `${filler(k)} ${article.slice(0, 1 + (k % 3)).join(' ')} ${filler(k + 100)}`);
    expect(index.twins()).toEqual([]);
    const partners = index.pairsOf(sourceId('original'));
    expect(partners).toHaveLength(MAX_PARTNERS);
    expect(partners.every((pair) => !pair.twins && pair.passages.length === 1)).toBe(true);
    // Those quoting three sentences first, then two, then two of those quoting one.
    const quoting = partners.map((pair) => Number(pair.b.replace('quoting-', '')) % 3);
    expect(quoting).toEqual([2, 2, 2, 1, 1, 1, 0, 0]);
    // All the others quote the sentence quoting-0 quotes, so it too has as many partners as it may.
    const ofQuoting = index.pairsOf(sourceId('quoting-0'));
    expect(ofQuoting).toHaveLength(MAX_PARTNERS);
    expect(ofQuoting.map((pair) => pair.a)).toContain(sourceId('original'));
  });

  it('follows sources as they are replaced and removed, keeping library order within a pair', () => {
    const index = createSharedTextIndex();
    index.addSource(sourceId('first'), article.join('\n'));
    index.addSource(sourceId('second'), 'Nothing in common yet.');
    expect(index.twins()).toEqual([]);
    index.replaceSource(sourceId('second'), article.slice(0, 2).join('\n'));
    expect(index.twins().map((pair) => [pair.a, pair.b, pair.shareOfB])).toEqual([[sourceId('first'), sourceId('second'), 1]]);
    expect(index.removeSource(sourceId('first'))).toBe(true);
    expect(index.removeSource(sourceId('first'))).toBe(false);
    expect(index.twins()).toEqual([]);
    expect(index.pairsOf(sourceId('second'))).toEqual([]);
    expect(index.pairsOf(sourceId('first'))).toEqual([]);
    expect(index.hasSource(sourceId('second'))).toBe(true);
    expect(() => index.addSource(sourceId('second'), 'again')).toThrow(/already in the shared-text index/);
  });
});
