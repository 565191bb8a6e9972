import { describe, expect, it } from 'vitest';
import { WebAnnotationSuite } from '../../../tests/support/web-annotation-suite';
import { readReport } from '../../../bench/anchoring-workload';
import { describeRange } from '../anchoring/describe-range';
import type { Highlight, HighlightTag, Tag } from '../model/highlight';
import { charOffset, familyId, highlightId, sourceId, tagId, textHash, type SourceId } from '../model/ids';
import type { SourceMeta } from '../model/source';
import { seedTags } from '../tags/seed-tags';
import { toAnnotationCollection, type AnnotationCollection, type AnnotationExportOptions, type ExportedAnnotation } from './w3c-annotations';

const REPORT = sourceId('004_22ba044b9207139b');
const NEWS = sourceId('news-with-emoji');
const report = readReport();
const news = 'Kabul 🌐 — In a statement on X 🇦🇫, the ministry said: “These incidents are the outcome of the violation of the rights of the oppressed.” Officials in Peshawar disagreed.';

const meta = (id: SourceId, link: string | null): SourceMeta => ({
  id,
  file: `${id}.txt`,
  title: id === REPORT ? 'The New Jihadi Sphere Under Taliban’s Rule' : 'A news capture',
  author: null,
  publisher: null,
  date: null,
  isoDate: null,
  kind: id === REPORT ? 'report' : 'news article',
  format: id === REPORT ? 'markdown' : 'news-capture',
  link,
  sha256: textHash('0'.repeat(64)),
  note: null,
});

const { tags, families } = seedTags();
const group = tags.find((t) => t.familyId === families[0]?.id) as Tag;
const recommendation = tags.find((t) => t.familyId === families[1]?.id) as Tag;

function highlight(id: string, source: SourceId, text: string, quote: string, extra: Partial<Highlight> = {}): Highlight {
  const start = text.indexOf(quote);
  const described = describeRange(text, start, start + quote.length);
  if (!described.ok) throw new Error(described.error.message);
  return {
    id: highlightId(id),
    target: { sourceId: source, ...described.value, textHash: textHash('0'.repeat(64)) },
    color: null,
    tags: [],
    comment: '',
    created: '2025-01-13T09:30:00.000Z',
    modified: '2025-01-14T10:00:00+01:00',
    ...extra,
  };
}

const tagged = (...entries: HighlightTag[]): readonly HighlightTag[] => entries;

const highlights: Highlight[] = [
  highlight('h-plain', REPORT, report, 'Al Qaeda appears to be reviving and thriving under Taliban rule.'),
  highlight('h-tags', REPORT, report, 'Accurate and comprehensive intelligence on the Taliban\'s interactions with terrorist groups is crucial.', {
    tags: tagged({ tagId: group.id }, { tagId: recommendation.id, stance: 'supports' }),
  }),
  highlight('h-comment', NEWS, news, 'These incidents are the outcome of the violation of the rights of the oppressed.', {
    tags: tagged({ tagId: recommendation.id, stance: 'contradicts' }),
    comment: 'Compare with the Foreign Ministry’s statement of 7 October.\nQuoted in Dari, Pashto — د طالبانو — and Arabic.',
  }),
  highlight('h-start', NEWS, news, 'Kabul 🌐 — In a statement'),
  highlight('h/odd id?#1', REPORT, report, 'ANDIANA FOUNDATION', { comment: '   ' }),
];

const options: AnnotationExportOptions = {
  sources: [
    { meta: meta(REPORT, null), text: report },
    { meta: meta(NEWS, 'https://example.org/news/kabul statement?lang=ps&q=طالبان'), text: news },
  ],
  tags,
  families,
  exportedAt: '2025-02-01T12:00:00Z',
  baseIri: 'urn:notebook:export:5c1d2e0a-7f53-4d39-9b2f-2b7a1f3c9e10',
};

function exportOf(list: readonly Highlight[], overrides: Partial<AnnotationExportOptions> = {}): AnnotationCollection {
  const result = toAnnotationCollection(list, { ...options, ...overrides });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const collection = exportOf(highlights);
const items = collection.first?.items ?? [];
const byId = (id: string): ExportedAnnotation => items.find((a) => a.id === `urn:notebook:highlight:${encodeURIComponent(id)}`) as ExportedAnnotation;
const suite = new WebAnnotationSuite();
const mustFailures = (annotation: unknown): string[] =>
  suite
    .run('annotations/annotationMusts.test', annotation)
    .filter((o) => o.outcome === 'fail')
    .map((o) => `${o.assertion}: ${o.message ?? ''}`);
const failedAssertions = (annotation: unknown): string[] =>
  suite
    .run('annotations/annotationMusts.test', annotation)
    .filter((o) => o.outcome === 'fail')
    .map((o) => o.assertion.replace(/^.*\//, ''));

describe('toAnnotationCollection: conformance to the W3C Web Annotation test suite', () => {
  it('exports every highlight as an annotation passing every MUST assertion', () => {
    expect(items).toHaveLength(highlights.length);
    for (const annotation of items) expect(mustFailures(annotation), annotation.id).toEqual([]);
  });

  it('fails no optional assertion, and is recognised for every feature it uses', () => {
    for (const annotation of items) {
      // annotationOptionals.test skips failures of optional features (skipFailures); the agent
      // list reports them as informational: a creator, say, which the notebook does not record.
      expect(suite.run('annotations/annotationOptionals.test', annotation).filter((o) => o.outcome === 'fail'), annotation.id).toEqual([]);
      const agents = suite.run('annotations/annotationsAgentOptionals.test', annotation).filter((o) => o.outcome === 'fail');
      expect(agents.filter((o) => o.type === 'must'), annotation.id).toEqual([]);
    }
    const passes = (annotation: ExportedAnnotation, test: string): string[] =>
      suite
        .run(test, annotation)
        .filter((o) => o.outcome === 'pass')
        .map((o) => o.assertion.replace(/^.*\//, ''));
    const full = byId('h-comment');
    expect(passes(full, 'annotations/annotationOptionals.test')).toEqual(
      expect.arrayContaining([
        '3.3.1-annotationCreatedImplemented.json',
        '3.3.1-annotationModifiedImplemented.json',
        '3.3.1-annotationGeneratedImplemented.json',
        '3.3.5-annotationMotivationImplemented.json',
        '3.3.5-annotationSingleMotivationImplemented.json',
        '3.1-bodyKeyFound.json',
        '3.2.4-bodyETB.json',
        '3.2.4-bodyETBTypeTextualBody.json',
        '3.2.1-bodyFormat.json',
        '3.3.5-bodyPurpose.json',
        '4-targSpecificResource.json',
        '4.2-selectorFound.json',
        '4.2.4-textQuoteSelector.json',
        '4.2.4-prefix.json',
        '4.2.4-suffix.json',
        '4.2.5-textPositionSelector.json',
      ]),
    );
    expect(passes(full, 'annotations/annotationsAgentOptionals.test')).toEqual(
      expect.arrayContaining([
        '3.3.1-annotationGeneratorImplemented.json',
        '3.3.2-annotationGeneratorAgentIdImplemented.json',
        '3.3.2-annotationGeneratorAgentTypeImplemented.json',
        '3.3.2-annotationGeneratorAgentNameImplemented.json',
        '3.3.2-annotationGeneratorAgentSingleNameImplemented.json',
      ]),
    );
  });

  it('is a conforming AnnotationCollection with a first AnnotationPage', () => {
    for (const ref of ['annotationCollectionTypeValueFound', 'labelFound', 'totalFound', 'firstFound', 'firstRequiredIfTotalMoreThanZero']) {
      expect(suite.matchesDefinition(`collections.json#/definitions/${ref}`, collection), ref).toBe(true);
    }
    for (const ref of ['annotationPageTypeValueFound', 'startIndexFound', 'itemsFound', 'partOfFound']) {
      expect(suite.matchesDefinition(`collections.json#/definitions/${ref}`, collection.first), ref).toBe(true);
    }
    expect(suite.matchesDefinition('collections.json#/definitions/contextValueFound', collection['@context'])).toBe(true);
  });

  it('would be caught by the harness if it broke the model', () => {
    const sound = byId('h-tags') as unknown as Record<string, unknown>;
    const target = sound.target as Record<string, unknown>;
    const [quoteSelector, positionSelector] = target.selector as Record<string, unknown>[];
    const broken: [string, Record<string, unknown>][] = [
      ['3.1-annotationContextValidated.json', { ...sound, '@context': 'http://www.w3.org/ns/oa.jsonld' }],
      ['3.1-annotationIdValidated.json', { ...sound, id: 'highlight 1' }],
      ['3.1-targetKeyFound.json', { ...sound, target: undefined }],
      ['3.2.5-notBodyBodyValue.json', { ...sound, bodyValue: 'a comment' }],
      ['3.3.1-annotationCreatedValidated.json', { ...sound, created: '13 January 2025' }],
      ['3.3.1-annotationGeneratedValidated.json', { ...sound, generated: '2025-02-30T12:00:00Z' }],
      ['4.2-selectorValidIfPresent.json', { ...sound, target: { ...target, selector: [{ ...quoteSelector, type: 'QuoteSelector' }] } }],
      ['4.2.4-textQuoteSelectorValid.json', { ...sound, target: { ...target, selector: [{ type: 'TextQuoteSelector', prefix: 'x' }, positionSelector] } }],
      ['4.2-TextDataPositionSelectorValid.json', { ...sound, target: { ...target, selector: [quoteSelector, { ...positionSelector, start: -1 }] } }],
    ];
    for (const [assertion, annotation] of broken) {
      expect(failedAssertions(JSON.parse(JSON.stringify(annotation))), assertion).toContain(assertion);
    }
  });
});

describe('toAnnotationCollection: content', () => {
  it('names the collection and its page', () => {
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: options.baseIri,
      type: 'AnnotationCollection',
      label: 'Notebook highlights, exported 2025-02-01T12:00:00Z',
      total: 5,
      first: { id: `${options.baseIri}#page-1`, type: 'AnnotationPage', partOf: options.baseIri, startIndex: 0 },
    });
  });

  it('writes tags, their families, stances and the comment as textual bodies with purposes', () => {
    const recommendationsFamily = families.find((f) => f.id === recommendation.familyId)?.name;
    const groupsFamily = families.find((f) => f.id === group.familyId)?.name;
    expect(byId('h-tags')).toMatchObject({
      motivation: 'tagging',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: group.name, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'classifying', value: `${groupsFamily}: ${group.name}`, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: recommendation.name, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'classifying', value: `${recommendationsFamily}: ${recommendation.name}`, format: 'text/plain' },
        { type: 'TextualBody', purpose: 'assessing', value: `supports: ${recommendation.name}`, format: 'text/plain' },
      ],
    });
    const commented = byId('h-comment');
    expect(commented.motivation).toBe('commenting');
    expect(commented.body?.at(-1)).toEqual({ type: 'TextualBody', purpose: 'commenting', value: highlights[2]?.comment, format: 'text/plain' });
    expect(commented.body?.find((b) => b.purpose === 'assessing')?.value).toBe(`contradicts: ${recommendation.name}`);
  });

  it('writes a plain highlight with no body, and a blank comment as none', () => {
    expect(byId('h-plain').motivation).toBe('highlighting');
    expect(byId('h-plain')).not.toHaveProperty('body');
    expect(byId('h/odd id?#1')).not.toHaveProperty('body');
  });

  it('writes a graded passage’s Admiralty mark as an assessing body, conforming like the rest', () => {
    const graded = exportOf(
      [
        highlight('h-graded', NEWS, news, 'Officials in Peshawar disagreed.', { credibility: 2 }),
        highlight('h-graded-tagged', REPORT, report, 'ANDIANA FOUNDATION', { credibility: 5, tags: tagged({ tagId: group.id }) }),
        highlight('h-ungraded', REPORT, report, 'Al Qaeda appears to be reviving and thriving under Taliban rule.'),
      ],
      { sources: [{ meta: { ...meta(NEWS, null), reliability: 'B' }, text: news }, { meta: meta(REPORT, null), text: report }] },
    ).first?.items ?? [];
    expect(graded[0]).toMatchObject({ motivation: 'assessing', body: [{ type: 'TextualBody', purpose: 'assessing', value: 'B2', format: 'text/plain' }] });
    expect(graded[1]?.motivation).toBe('tagging');
    expect(graded[1]?.body?.at(-1)).toEqual({ type: 'TextualBody', purpose: 'assessing', value: '–5', format: 'text/plain' });
    expect(graded[2]).not.toHaveProperty('body');
    for (const annotation of graded) {
      expect(mustFailures(annotation), annotation.id).toEqual([]);
      expect(suite.run('annotations/annotationOptionals.test', annotation).filter((o) => o.outcome === 'fail'), annotation.id).toEqual([]);
    }
  });

  it('targets the source by its link, percent-encoded into a URI, or by a name of its own', () => {
    expect(byId('h-comment').target.source).toBe('https://example.org/news/kabul%20statement?lang=ps&q=%D8%B7%D8%A7%D9%84%D8%A8%D8%A7%D9%86');
    expect(byId('h-plain').target.source).toBe('urn:notebook:source:004_22ba044b9207139b');
  });

  it('gives each annotation a stable IRI, whatever characters the highlight id holds', () => {
    expect(items.map((a) => a.id)).toContain('urn:notebook:highlight:h%2Fodd%20id%3F%231');
    expect(exportOf(highlights).first?.items.map((a) => a.id)).toEqual(items.map((a) => a.id));
  });

  it('counts positions in Unicode code points, as the model requires, and omits empty context', () => {
    const h = highlights[2] as Highlight;
    const utf16 = h.target.position.start;
    const before = news.slice(0, utf16);
    const codePoints = [...before].length;
    expect(codePoints).toBe(utf16 - 3); // 🌐 and the two regional indicators of 🇦🇫 are pairs
    expect(byId('h-comment').target.selector[1]).toEqual({ type: 'TextPositionSelector', start: codePoints, end: codePoints + [...h.target.quote.exact].length });
    expect(byId('h-start').target.selector[0]).toEqual({ type: 'TextQuoteSelector', exact: 'Kabul 🌐 — In a statement', suffix: h.target.quote.suffix === '' ? undefined : highlights[3]?.target.quote.suffix });
    expect(byId('h-start').target.selector[0]).not.toHaveProperty('prefix');
  });

  it('keeps only the quote when the recorded position no longer holds it', () => {
    const edited = `Preface. ${news}`;
    const result = exportOf([highlights[2] as Highlight], { sources: [{ meta: meta(NEWS, null), text: edited }] });
    const selectors = result.first?.items[0]?.target.selector;
    expect(selectors).toHaveLength(1);
    expect(selectors?.[0]?.type).toBe('TextQuoteSelector');
    expect(mustFailures(result.first?.items[0])).toEqual([]);
  });

  it('exports an empty notebook as an empty collection', () => {
    const empty = exportOf([]);
    expect(empty).toEqual({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: options.baseIri, type: 'AnnotationCollection', label: expect.any(String), total: 0 });
    expect(suite.matchesDefinition('collections.json#/definitions/firstRequiredIfTotalMoreThanZero', empty)).toBe(true);
  });
});

describe('toAnnotationCollection: a paginated source (PDF)', () => {
  const PDF = sourceId('imported-pdf');
  const pdfText = 'Preface in roman numerals.\n\nChapter one begins here and runs on to the next page.\n\nChapter one ends.';
  const pageBreak = pdfText.indexOf(' to the next page');
  // The file's third and fourth pages, printed "1" and "2", after two front-matter pages.
  const pdfPages = [
    { index: 2, label: 'ii', range: { start: charOffset(0), end: charOffset(28) } },
    { index: 3, label: '1', range: { start: charOffset(28), end: charOffset(pageBreak) } },
    { index: 4, label: '2', range: { start: charOffset(pageBreak), end: charOffset(pdfText.length) } },
  ];
  const pdfMeta: SourceMeta = { ...meta(PDF, null), title: 'An imported report', kind: 'document', format: 'plain-text' };
  const onPage = highlight('p-one', PDF, pdfText, 'Chapter one begins here', { comment: 'On one page.' });
  const across = highlight('p-across', PDF, pdfText, 'runs on to the next page', { tags: tagged({ tagId: group.id }) });
  const paged = exportOf([onPage, across, highlights[0] as Highlight], { sources: [{ meta: pdfMeta, text: pdfText, pages: pdfPages }, ...options.sources] });
  const paginatedItems = paged.first?.items ?? [];

  it('adds a fragment selector naming the physical page the passage begins on, beside the text selectors', () => {
    expect(paginatedItems[0]?.target.selector).toEqual([
      expect.objectContaining({ type: 'TextQuoteSelector', exact: 'Chapter one begins here' }),
      expect.objectContaining({ type: 'TextPositionSelector' }),
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' },
    ]);
    expect(paginatedItems[1]?.target.selector.at(-1)).toEqual({ type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=3' });
  });

  it('adds none for a source without pages, or where the recorded position no longer holds the quote', () => {
    expect(paginatedItems[2]?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    const moved = exportOf([onPage], { sources: [{ meta: pdfMeta, text: `Cover. ${pdfText}`, pages: pdfPages }] });
    expect(moved.first?.items[0]?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
  });

  it('passes every MUST assertion, and is recognised as using a fragment selector that conforms to a specification', () => {
    expect(paginatedItems).toHaveLength(3);
    for (const annotation of paginatedItems) {
      expect(mustFailures(annotation), annotation.id).toEqual([]);
      expect(suite.run('annotations/annotationOptionals.test', annotation).filter((o) => o.outcome === 'fail'), annotation.id).toEqual([]);
    }
    const optional = suite.run('annotations/annotationOptionals.test', paginatedItems[0]);
    const passed = optional.filter((o) => o.outcome === 'pass').map((o) => o.assertion.replace(/^.*\//, ''));
    expect(passed).toEqual(expect.arrayContaining(['4.2.1-fragmentSelector.json', '4.2.1-conformsTo.json', '4.2.4-textQuoteSelector.json', '4.2.5-textPositionSelector.json']));
  });

  it('would be caught by the harness if its fragment selector broke the model', () => {
    const sound = JSON.parse(JSON.stringify(paginatedItems[0])) as { target: { selector: Record<string, unknown>[] } };
    const [quote, position, fragment] = sound.target.selector;
    const broken = { ...sound, target: { ...sound.target, selector: [quote, position, { ...fragment, value: undefined }] } };
    expect(failedAssertions(JSON.parse(JSON.stringify(broken)))).toContain('4.2-fragmentCssXPathSelectorValid.json');
  });
});

describe('toAnnotationCollection: input it cannot export', () => {
  const failure = (list: readonly Highlight[], overrides: Partial<AnnotationExportOptions>) => {
    const result = toAnnotationCollection(list, { ...options, ...overrides });
    return result.ok ? undefined : result.error;
  };

  it('refuses a base IRI that is relative or has a fragment', () => {
    expect(failure(highlights, { baseIri: 'exports/today' })?.code).toBe('invalid-iri');
    expect(failure(highlights, { baseIri: 'urn:notebook:export:1#x' })?.message).toMatch(/absolute IRI without a fragment/);
  });

  it('refuses an export time or a highlight time that is not an RFC 3339 date-time', () => {
    expect(failure(highlights, { exportedAt: '2025-02-01 12:00' })?.code).toBe('invalid-date');
    const undated = { ...(highlights[0] as Highlight), created: 'yesterday' };
    expect(failure([undated], {})).toEqual({ code: 'invalid-date', message: expect.stringContaining('h-plain') });
  });

  it('names the highlight whose source, tag or family it was not given', () => {
    expect(failure(highlights, { sources: [] })).toEqual({ code: 'unknown-source', message: expect.stringContaining('h-plain') });
    const stray = { ...(highlights[0] as Highlight), tags: [{ tagId: tagId('tag:gone') }] };
    expect(failure([stray], {})).toEqual({ code: 'unknown-tag', message: expect.stringContaining('tag:gone') });
    const orphanTag: Tag = { ...group, id: tagId('tag:orphan'), familyId: familyId('family:gone') };
    const withOrphan = { ...(highlights[0] as Highlight), tags: [{ tagId: orphanTag.id }] };
    expect(failure([withOrphan], { tags: [...tags, orphanTag] })).toEqual({ code: 'unknown-tag', message: expect.stringContaining('family:gone') });
  });
});
