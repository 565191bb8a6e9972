import type { Reliability } from './grades';
import type { CharOffset, SourceId, TextHash } from './ids';

/** What a source is; an imported file is a 'document' until the analyst says more. */
export type SourceKind = 'news article' | 'report' | 'analysis' | 'document';

/**
 * How a source's text is written, which decides how it (and a text replacing it) is parsed: an
 * aggregator's capture of a news page (paragraphs, then a trailing list of links), Markdown-like
 * text (the report, imported Markdown), or plain paragraphs (the text of any other imported file).
 */
export type SourceFormat = 'news-capture' | 'markdown' | 'plain-text';

/** What the manifest says of a bundled or imported source. */
export interface SourceMeta {
  readonly id: SourceId;
  /** File name under resources/sources (or the data directory for imported versions). */
  readonly file: string;
  readonly title: string;
  readonly author: string | null;
  readonly publisher: string | null;
  /** The date exactly as the text gives it, e.g. "January 13, 2025" or "11.09.2023". */
  readonly date: string | null;
  /** The same date as ISO 8601 (YYYY-MM or YYYY-MM-DD) for sorting, when it can be read. */
  readonly isoDate: string | null;
  readonly kind: SourceKind;
  readonly format: SourceFormat;
  readonly link: string | null;
  /** SHA-256 of the file's bytes. */
  readonly sha256: TextHash;
  /** Short note on what the capture is, shown in the library. */
  readonly note: string | null;
  /** Admiralty source reliability (A completely reliable … F cannot be judged); null or absent: not graded. */
  readonly reliability?: Reliability | null;
}

/** A half-open range [start, end) of the canonical text. */
export interface TextRange {
  readonly start: CharOffset;
  readonly end: CharOffset;
}

export type InlineMark =
  | { readonly kind: 'bold'; readonly range: TextRange }
  | { readonly kind: 'italic'; readonly range: TextRange }
  | { readonly kind: 'link'; readonly range: TextRange; readonly href: string }
  /** A `<sup>N</sup>` marker in the report: rendered as a link to note N. */
  | { readonly kind: 'footnoteRef'; readonly range: TextRange; readonly note: number };

export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'quote'
  /** A numbered note of the report's "Notes" (the target of footnote markers). */
  | 'note'
  /** An entry of a reference list / bibliography. */
  | 'reference'
  /** An entry of the report's table of contents, pointing at a heading. */
  | 'tocEntry';

export interface Block {
  readonly kind: BlockKind;
  /** Position of the block's text in the canonical text. */
  readonly range: TextRange;
  /** Heading level 1-6 (heading only). */
  readonly level?: number;
  /** List nesting depth from 0, and the marker shown ("1.", "•"); the marker is not part of the text. */
  readonly depth?: number;
  readonly marker?: string;
  /** Note number (note only); like a list marker, it is not part of the text. */
  readonly note?: number;
  /** Index of the heading block this table-of-contents entry points at (tocEntry only). */
  readonly target?: number;
  /** True for the aggregator's trailing link list on a news capture: kept, but set apart. */
  readonly trailer?: boolean;
  readonly marks: readonly InlineMark[];
}

/**
 * One page of a paginated source (an imported PDF): the part of the canonical text printed on it.
 * Pages tile the text in order; text between blocks belongs to the page after it.
 */
export interface PageSpan {
  readonly range: TextRange;
  /** 1-based position of the page in the file. */
  readonly index: number;
  /** The page number as printed ("xii", "12", "A-3"): the file's page label, else `index`. */
  readonly label: string;
}

/**
 * A source parsed once: its canonical text (what the reader displays, character for character)
 * and its blocks. Highlights anchor against `text`.
 */
export interface ParsedSource {
  readonly text: string;
  readonly blocks: readonly Block[];
  /** Present for paginated sources (PDF): every page, in order, so a passage knows its pages. */
  readonly pages?: readonly PageSpan[];
}
