import type { Highlight, Tag } from '../model/highlight';
import type { SourceMeta } from '../model/source';
import { exported, exportFailed, type ExportResult } from './export-result';
import { TagDirectory } from './resolve-tags';

/**
 * Highlights as CSV for spreadsheets: RFC 4180 (fields quoted when they hold a quote, comma or
 * line break; quotes doubled; CRLF between records and after the last), with a byte order mark so
 * that Excel reads the file as UTF-8 and Arabic-script names, curly quotes and emoji survive.
 * The caller writes the returned text as UTF-8.
 */

/** Grades come last, so spreadsheets and scripts reading the earlier columns by position keep working. */
export const CSV_COLUMNS = ['source', 'location', 'quote', 'tags', 'stance', 'comment', 'created', 'modified', 'reliability', 'credibility'] as const;

/**
 * Where in its source a highlight is: the section heading it falls under and the number of the
 * paragraph it starts in, or for a paginated source the printed pages it is on ("p. 12").
 */
export interface HighlightLocation {
  readonly heading: string | null;
  readonly paragraph: number;
  readonly pages?: string;
}

export interface CsvExportOptions {
  readonly sources: readonly SourceMeta[];
  readonly tags: readonly Tag[];
  /** Finds where a highlight now is in its source; null when it cannot say. */
  readonly locate: (highlight: Highlight) => HighlightLocation | null;
}

export const BYTE_ORDER_MARK = '\uFEFF';
const RECORD_END = '\r\n';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula, which a hostile source text could use (CSV injection, OWASP). Such a cell gets a
 * leading apostrophe, which spreadsheets show as text and do not display.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** One CSV record, its cells quoted and made inert as above, ended by CRLF; other CSV exports use it too. */
export const record = (values: readonly string[]): string => values.map(cell).join(',') + RECORD_END;

function locationText(location: HighlightLocation | null): string {
  if (!location) return '';
  // A paginated source is cited by its printed pages, which a reader of the PDF can find.
  const within = location.pages ?? `paragraph ${location.paragraph}`;
  return location.heading ? `${location.heading}, ${within}` : within;
}

/** The CSV text (byte order mark first), or which input names something it was not given. */
export function toHighlightsCsv(highlights: readonly Highlight[], options: CsvExportOptions): ExportResult<string> {
  const metas = new Map(options.sources.map((s) => [s.id, s]));
  const directory = new TagDirectory(options.tags);
  let csv = BYTE_ORDER_MARK + record(CSV_COLUMNS);
  for (const highlight of highlights) {
    const { sourceId: source, quote } = highlight.target;
    const meta = metas.get(source);
    if (meta === undefined) {
      return exportFailed('unknown-source', `Highlight ${highlight.id} is in source ${source}, which the export was not given. Export again with all sources.`);
    }
    const tags = directory.resolve(highlight);
    if (!tags.ok) return tags;
    csv += record([
      meta.title,
      locationText(options.locate(highlight)),
      quote.exact,
      tags.value.map(({ tag }) => tag.name).join('; '),
      tags.value.flatMap(({ tag, stance }) => (stance ? [`${tag.name}: ${stance}`] : [])).join('; '),
      highlight.comment,
      highlight.created,
      highlight.modified,
      meta.reliability ?? '',
      highlight.credibility === undefined ? '' : String(highlight.credibility),
    ]);
  }
  return exported(csv);
}
