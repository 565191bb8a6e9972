import type { ExtractedSource } from './extracted-source';
import { ImportFailure } from './import-failure';

/** A surrogate without its pair: not a character, and a quote holding one cannot round-trip. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A file's own date is often a machine timestamp (DOCX and web pages: "2024-03-05T09:30:00Z"):
 * the day stands for it, as a person would write it in a citation. Dates written for people stay.
 */
function readableDate(date: string | null): string | null {
  const trimmed = date?.trim() ?? '';
  if (trimmed === '') return null;
  return /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.test(trimmed) ? trimmed.slice(0, 10) : trimmed;
}

/** "Annual_report-2024 (final).pdf" → "Annual report-2024 (final)". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[/\\]/, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/_+/g, ' ').replace(/\s+/g, ' ').trim();
  return stem === '' ? 'Untitled source' : stem;
}

/**
 * What every converter's output must be before it becomes a source, whatever the format: some text
 * to read, no lone surrogates (each becomes U+FFFD, one code unit for one, so no offset moves), and
 * pages, where given, that tile the text in order.
 */
export function finishExtraction(extracted: ExtractedSource, fileName: string): ExtractedSource {
  const { parsed } = extracted;
  if (parsed.text.trim() === '') throw new ImportFailure(`“${fileName}” holds no text to read.`);
  const text = parsed.text.replace(LONE_SURROGATE, '\ufffd');
  const pages = parsed.pages;
  if (pages !== undefined) {
    pages.forEach((page, i) => {
      const previousEnd = i === 0 ? 0 : pages[i - 1]!.range.end;
      if (page.range.start < previousEnd || page.range.end < page.range.start || page.range.end > text.length) {
        throw new Error(`The ${extracted.format} converter gave page ${page.index} the range ${page.range.start}–${page.range.end}, which does not follow the page before it inside the text.`);
      }
    });
  }
  const title = extracted.metadata.title?.replace(/\s+/g, ' ').trim();
  const date = readableDate(extracted.metadata.date);
  return { ...extracted, parsed: { ...parsed, text }, metadata: { ...extracted.metadata, title: title === undefined || title === '' ? null : title, date } };
}
