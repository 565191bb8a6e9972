import type { ParsedSource } from '../model/source';

/** The kinds of file an analyst can add to the library. */
export type ImportFormat = 'pdf' | 'docx' | 'epub' | 'html' | 'markdown' | 'text';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['pdf', 'docx', 'epub', 'html', 'markdown', 'text'];

/** The word the library's badge shows for each format. */
export const FORMAT_LABEL: Readonly<Record<ImportFormat, string>> = {
  pdf: 'PDF',
  docx: 'Word',
  epub: 'EPUB',
  html: 'Web page',
  markdown: 'Markdown',
  text: 'Text',
};

/** What a file says about itself (PDF info and XMP, DOCX core properties, HTML meta, EPUB OPF). */
export interface ExtractedMetadata {
  readonly title: string | null;
  readonly author: string | null;
  readonly publisher: string | null;
  /** The date as the file gives it. */
  readonly date: string | null;
  /** The same date as YYYY-MM or YYYY-MM-DD, when it can be read. */
  readonly isoDate: string | null;
  /** An http(s) address the file names as its origin (a saved page's canonical URL). */
  readonly link: string | null;
}

/**
 * What every converter produces from a file's bytes: the one Source model (canonical text, blocks
 * with offsets, pages for paginated formats) and the file's own metadata. Everything downstream
 * of a converter is format-blind.
 */
export interface ExtractedSource {
  readonly format: ImportFormat;
  readonly parsed: ParsedSource;
  readonly metadata: ExtractedMetadata;
  /** Things the person should know that did not stop the import ("3 images were left out"). */
  readonly warnings: readonly string[];
}

export const emptyMetadata: ExtractedMetadata = { title: null, author: null, publisher: null, date: null, isoDate: null, link: null };
