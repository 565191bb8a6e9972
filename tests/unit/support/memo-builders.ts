import { charOffset, highlightId, memoId, sourceId, textHash } from '../../../src/core/model/ids';
import { CITATION_NODE, type CitationDisplay, type Memo, type MemoDoc, type MemoNode } from '../../../src/core/model/memo';
import type { SourceMeta } from '../../../src/core/model/source';
import type { CitedPassage, LastKnownPassage, LivePassage, MemoExportContext } from '../../../src/core/memo/cited-passage';
import { citationNotes } from '../../../src/core/memo/citation-notes';
import type { CitationFormatter } from '../../../src/core/export/citation-style';

/** Small builders for memo documents and export contexts, so tests read like the memo they make. */
type MarkSpec = NonNullable<MemoNode['marks']>[number];

export const text = (value: string, ...marks: MarkSpec[]): MemoNode => (marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value });
export const bold = { type: 'bold' } as const;
export const italic = { type: 'italic' } as const;
export const code = { type: 'code' } as const;
export const link = (href: string) => ({ type: 'link', attrs: { href } }) as const;
export const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
export const heading = (level: number, ...content: MemoNode[]): MemoNode => ({ type: 'heading', attrs: { level }, content });
export const hardBreak: MemoNode = { type: 'hardBreak' };
export const cite = (id: string, display: CitationDisplay = 'inline', quote = '(last known quote)', source = 'src'): MemoNode => ({
  type: CITATION_NODE,
  attrs: { highlightId: id, display, quote, sourceId: source },
});
export const doc = (...content: MemoNode[]): MemoDoc => ({ type: 'doc', content });

export const memo = (document: MemoDoc, title = 'A memo'): Memo => ({
  id: memoId('m1'),
  title,
  doc: document,
  created: '2026-11-20T09:00:00.000Z',
  modified: '2026-11-22T17:30:00.000Z',
});

export const sourceMeta = (id: string, overrides: Partial<SourceMeta> = {}): SourceMeta => ({
  id: sourceId(id),
  file: `${id}.txt`,
  title: `Title of ${id}`,
  author: null,
  publisher: 'A Publisher',
  date: 'January 2025',
  isoDate: '2025-01',
  kind: 'news article',
  format: 'news-capture',
  link: null,
  sha256: textHash('0'.repeat(64)),
  note: null,
  ...overrides,
});

export const live = (id: string, quote: string, overrides: Partial<LivePassage> = {}): LivePassage => ({
  state: 'live',
  highlightId: highlightId(id),
  sourceId: sourceId('src'),
  source: sourceMeta('src'),
  quote,
  range: { start: charOffset(100), end: charOffset(100 + quote.length) },
  location: { heading: 'Introduction', paragraph: 2 },
  notes: [],
  tags: [],
  ...overrides,
});

export const lastKnown = (id: string, state: LastKnownPassage['state'], quote: string, overrides: Partial<LastKnownPassage> = {}): LastKnownPassage => ({
  state,
  highlightId: highlightId(id),
  sourceId: sourceId('src'),
  source: sourceMeta('src'),
  quote,
  tags: [],
  ...overrides,
});

/** A context resolving citations from a table of passages by highlight id. */
export function contextOf(passages: readonly CitedPassage[], date = '2026-11-22'): MemoExportContext {
  const byId = new Map(passages.map((p) => [p.highlightId as string, p]));
  return {
    date,
    passage: (citation) => {
      const found = byId.get(citation.highlightId);
      if (found === undefined) throw new Error(`The test gave no passage for ${citation.highlightId}`);
      return found;
    },
    notes: (cited) => citationNotes(cited, 'chicago-note', fakeFormatter),
  };
}

/**
 * A citation formatter that needs no citeproc, for tests of the export writers: the note is the
 * title in italics, the locator and the suffix ("*Title of src*, paragraph 2, under “Introduction”."),
 * the bibliography each title once ("*Title of src*.").
 */
export const fakeFormatter: CitationFormatter = {
  format: (citations) => ({
    notes: citations.map(({ item, locator, suffix }) => [
      { text: item.title, italic: true },
      { text: `${locator === undefined ? '' : `, ${locator.label} ${locator.value}`}${suffix ?? ''}.`, italic: false },
    ]),
    bibliography: [...new Set(citations.map(({ item }) => item.title))].map((title) => [
      { text: title, italic: true },
      { text: '.', italic: false },
    ]),
  }),
};
