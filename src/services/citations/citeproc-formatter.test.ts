import CSL from 'citeproc';
import { describe, expect, it } from 'vitest';
import { CITATION_STYLES, type CitationStyle, type CslLocator, type NoteCitation, type StyledText } from '../../core/export/citation-style';
import { sourceCslItem, type CslItem } from '../../core/export/source-csl';
import { citationNotes } from '../../core/memo/citation-notes';
import { live, sourceMeta } from '../../../tests/unit/support/memo-builders';
import { seededRandom } from '../../../tests/support/seeded-random';
import { citeprocFormatter } from './citeproc-formatter';
import { CSL_LOCALE, cslLocaleXml, cslStyle } from './csl-styles';

const report = sourceMeta('andiana-new-jihadi-sphere-2025', {
  title: "The New Jihadi Sphere Under Taliban's Rule",
  author: 'Weeda Mehran',
  publisher: 'Andiana Foundation',
  date: 'January 2025',
  isoDate: '2025-01',
  kind: 'report',
  format: 'markdown',
});
/** An imported PDF, cited by its printed pages. */
const printed = sourceMeta('imported-pdf', {
  title: 'Afghanistan: the security situation',
  author: 'Jane Doe and Ali Khan',
  publisher: 'Institute for Peace and Conflict Studies',
  date: 'March 3, 2024',
  isoDate: '2024-03-03',
  kind: 'document',
  format: 'plain-text',
});
const news = sourceMeta('us-weighs-cooperation', {
  title: 'US officials weigh wider cooperation',
  publisher: 'Reuters',
  date: 'January 13, 2025',
  isoDate: '2025-01-13',
  kind: 'news article',
  link: 'https://example.org/news',
});

const reportItem = sourceCslItem({ meta: report }, 'mehran2025new');
const pdfItem = sourceCslItem({ meta: printed, importedFormat: 'pdf' }, 'doe2024afghanistan');
const newsItem = sourceCslItem({ meta: news }, 'reuters2025us');

/** Runs as Markdown-like text, italics between asterisks, so that a pinned string shows them. */
const shown = (text: StyledText): string => text.map((run) => (run.italic ? `*${run.text}*` : run.text)).join('');

const citations: NoteCitation[] = [
  { item: reportItem, locator: { label: 'paragraph', value: '4' }, suffix: ', under “Introduction”' },
  { item: pdfItem, locator: { label: 'page', value: '12–13' } },
  { item: newsItem, locator: { label: 'paragraph', value: '47' } },
];

describe('citeprocFormatter', () => {
  it('writes Chicago notes: the short form, report and document titles in italics, an article’s in quotation marks, pages without a label', () => {
    const { notes } = citeprocFormatter.format(citations, 'chicago-note');
    expect(notes.map(shown)).toEqual([
      'Mehran, *The New Jihadi Sphere Under Taliban\'s Rule*, para. 4, under “Introduction.”',
      'Doe and Khan, *Afghanistan: The Security Situation*, 12–13.',
      '“US Officials Weigh Wider Cooperation,” para. 47.',
    ]);
  });

  it('writes APA’s parenthetical references, pages with their label', () => {
    const { notes } = citeprocFormatter.format(citations, 'apa');
    expect(notes.map(shown)).toEqual(['(Mehran, 2025, para. 4, under “Introduction”)', '(Doe & Khan, 2024, pp. 12–13)', '(“US Officials Weigh Wider Cooperation,” 2025, para. 47)']);
  });

  it('lists each source once in the style’s bibliography, in its order', () => {
    const twice = [...citations, { item: reportItem, locator: { label: 'paragraph', value: '9' } } as const];
    expect(citeprocFormatter.format(twice, 'chicago-note').bibliography.map(shown)).toEqual([
      'Doe, Jane, and Ali Khan. *Afghanistan: The Security Situation*. Institute for Peace and Conflict Studies, March 3, 2024.',
      'Mehran, Weeda. *The New Jihadi Sphere Under Taliban\'s Rule*. Andiana Foundation, January 2025.',
      '*Reuters*. “US Officials Weigh Wider Cooperation.” January 13, 2025. https://example.org/news.',
    ]);
    expect(citeprocFormatter.format(twice, 'apa').bibliography.map(shown)).toEqual([
      'Doe, J., & Khan, A. (2024). *Afghanistan: the security situation*. Institute for Peace and Conflict Studies.',
      'Mehran, W. (2025). *The New Jihadi Sphere Under Taliban\'s Rule*. Andiana Foundation.',
      'US officials weigh wider cooperation. (2025, January 13). *Reuters*. https://example.org/news',
    ]);
  });

  it('shortens a second note to the source just cited, as Chicago does', () => {
    const again: NoteCitation[] = [citations[0]!, { item: reportItem, locator: { label: 'paragraph', value: '5' } }];
    expect(citeprocFormatter.format(again, 'chicago-note').notes.map(shown)).toEqual(['Mehran, *The New Jihadi Sphere Under Taliban\'s Rule*, para. 4, under “Introduction.”', 'Mehran, para. 5.']);
  });

  it('formats each call afresh: the same citations give the same text after others, and edited details are read again', () => {
    const first = citeprocFormatter.format(citations, 'apa');
    citeprocFormatter.format([{ item: newsItem }], 'apa');
    expect(citeprocFormatter.format(citations, 'apa')).toEqual(first);
    const renamed = sourceCslItem({ meta: { ...report, author: 'W. Mehran-Khan' } }, 'x');
    expect(shown(citeprocFormatter.format([{ item: renamed }], 'apa').notes[0] ?? [])).toBe('(Mehran-Khan, 2025)');
  });

  it('keeps the text of metadata as it is, even characters that look like markup', () => {
    const odd = sourceCslItem({ meta: sourceMeta('odd', { title: 'A & B <i>not italic</i> \uE000x\uE001', kind: 'report', publisher: null }) }, 'odd');
    const [note] = citeprocFormatter.format([{ item: odd }], 'chicago-note').notes;
    expect(note?.every((run) => !run.text.includes('\uE000') && !run.text.includes('\uE001'))).toBe(true);
    expect(note?.map((run) => run.text).join('')).toContain('A & B');
  });

  it('formats notes exactly as citeproc does when it tracks every note itself, ibid runs and disambiguation included', () => {
    for (const seed of [1, 2, 3]) {
      const cited = randomCitations(seed, 80);
      for (const style of CITATION_STYLES) {
        const { notes, bibliography } = citeprocFormatter.format(cited, style);
        const expected = processedInOrder(cited, style);
        expect(notes.map(shown)).toEqual(expected.notes);
        expect(bibliography.map(shown)).toEqual(expected.bibliography);
      }
    }
  });

  it('gives nothing for no citations', () => {
    expect(citeprocFormatter.format([], 'chicago-note')).toEqual({ notes: [], bibliography: [] });
  });
});

describe('citationNotes with citeproc: a paginated passage and a graded one', () => {
  it('cites the printed pages of a paginated source, and puts the grade mark after the note', () => {
    const onPages = live('p', 'a passage', { sourceId: printed.id, source: { ...printed, reliability: 'B' }, credibility: 2, location: { heading: 'Findings', paragraph: 3, pages: 'pp. 12–13' } });
    const notes = citationNotes([onPages], 'chicago-note', citeprocFormatter);
    const text = (segments: readonly { kind: string; text?: string }[]) => segments.map((s) => s.text ?? '').join('');
    expect(text(notes.footnotes[0]?.[0] ?? [])).toBe('Doe and Khan, Afghanistan: The Security Situation, 12–13. [B2]');
    expect(text(citationNotes([onPages], 'apa', citeprocFormatter).footnotes[0]?.[0] ?? [])).toBe('(Doe & Khan, 2024, pp. 12–13) [B2]');
    expect(notes.bibliographyHeading).toBe('Bibliography');
  });
});

/** Sources that make a style disambiguate: two Does, two 2025 works by one author, one with no author, one paginated. */
const lookalikes: CslItem[] = [
  reportItem,
  pdfItem,
  newsItem,
  sourceCslItem({ meta: sourceMeta('doe-john', { title: 'Border crossings', author: 'John Doe', kind: 'report', isoDate: '2024-05', date: 'May 2024' }) }, 'doe2024border'),
  sourceCslItem({ meta: sourceMeta('mehran-b', { title: 'Recruitment in the north', author: 'Weeda Mehran', kind: 'report', isoDate: '2025-03', date: 'March 2025' }) }, 'mehran2025recruitment'),
  sourceCslItem({ meta: sourceMeta('anonymous', { title: 'Annual threat assessment', kind: 'report', publisher: 'A Ministry' }) }, 'anonymous2025annual'),
];

/** Citations as a memo makes them: runs of one source (ibid), locators repeated, changed or absent, suffixes. */
function randomCitations(seed: number, count: number): NoteCitation[] {
  const random = seededRandom(seed);
  const locators: (CslLocator | null)[] = [null, { label: 'paragraph', value: '4' }, { label: 'paragraph', value: '12' }, { label: 'page', value: '12' }, { label: 'page', value: '12–13' }];
  const cited: NoteCitation[] = [];
  for (let i = 0; i < count; i++) {
    const item = i > 0 && random.next() < 0.35 ? (cited[i - 1]?.item ?? reportItem) : random.pick(lookalikes);
    const locator = random.pick(locators);
    const suffix = random.next() < 0.3 ? ', under “Findings”' : undefined;
    cited.push({ item, ...(locator === null ? {} : { locator }), ...(suffix === undefined ? {} : { suffix }) });
  }
  return cited;
}

/**
 * The reference: a fresh citeproc engine given every note in order (rebuildProcessorState), so it
 * decides each note's position itself; the text converted as the formatter converts its own.
 */
function processedInOrder(citations: readonly NoteCitation[], style: CitationStyle): { notes: string[]; bibliography: string[] } {
  const format = 'notebook-styled-text';
  const keepApostrophes = (item: CslItem): CslItem => JSON.parse(JSON.stringify(item), (key, value: unknown) => (typeof value === 'string' && key !== 'id' ? value.replaceAll("'", '\uE002') : value)) as CslItem;
  const items = new Map(citations.map(({ item }) => [item.id, keepApostrophes(item)]));
  const engine = new CSL.Engine({ retrieveLocale: cslLocaleXml, retrieveItem: (id) => items.get(id) ?? {} }, cslStyle(style), CSL_LOCALE, true);
  engine.setOutputFormat(format);
  const clusters = citations.map(({ item, locator, suffix }, i) => ({
    citationID: `note-${i + 1}`,
    citationItems: [{ id: item.id, ...(locator === undefined ? {} : { locator: locator.value, label: locator.label }), ...(suffix === undefined ? {} : { suffix }) }],
    properties: { noteIndex: i + 1 },
  }));
  const notes = engine.rebuildProcessorState(clusters, format).map(([, , text]) => markedShown(text));
  const bibliography = engine.makeBibliography();
  return { notes, bibliography: bibliography === false ? [] : bibliography[1].map((entry) => markedShown(entry.trim())) };
}

/** citeproc's marked text (italics between U+E000 and U+E001, apostrophes as U+E002) as `shown` writes runs. */
function markedShown(marked: string): string {
  const runs: { text: string; italic: boolean }[] = [];
  let depth = 0;
  for (const char of marked.replaceAll('\uE002', "'")) {
    if (char === '\uE000') depth++;
    else if (char === '\uE001') depth = Math.max(0, depth - 1);
    else if (runs.at(-1)?.italic === depth > 0) runs[runs.length - 1]!.text += char;
    else runs.push({ text: char, italic: depth > 0 });
  }
  return shown(runs);
}
