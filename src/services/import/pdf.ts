import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import type { ExtractedMetadata } from '../../core/import/extracted-source';
import { ImportFailure } from '../../core/import/import-failure';
import { layoutPdf } from '../../core/import/pdf/layout-pdf';
import type { PdfPageText, PdfTextItem } from '../../core/import/pdf/pdf-text';
import type { Converter } from './converter';

/**
 * pdf.js's own data files, read from node_modules: nothing is ever fetched from the network.
 * In Node pdf.js reads these with fs, so they are file paths, and it wants the trailing slash.
 */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const STANDARD_FONTS = `${join(PDFJS_ROOT, 'standard_fonts')}/`;
const CMAPS = `${join(PDFJS_ROOT, 'cmaps')}/`;
// In Node pdf.js runs its "worker" in this thread and imports it from here; a file URL works on every OS.
GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS_ROOT, 'legacy', 'build', 'pdf.worker.mjs')).href;

const PASSWORD_PROTECTED = 'The PDF is password-protected. Remove the password (e.g. print it to a new PDF) and add it again.';
const NO_TEXT_LAYER = "The PDF has no text layer: it looks like scanned images. Run it through OCR (e.g. ocrmypdf) and add the OCR'd copy.";
/** Pages without text make up at least this share of the file before the person is warned. */
const EMPTY_PAGE_WARNING_SHARE = 0.1;

/** Errors pdf.js raises for a file it cannot read at all, by name (its classes do not survive the worker boundary). */
const UNREADABLE = new Set(['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException']);

function failureFor(error: unknown): ImportFailure | null {
  if (!(error instanceof Error) && !(typeof error === 'object' && error !== null && 'name' in error)) return null;
  const { name, message } = error as { name: string; message?: string };
  if (name === 'PasswordException') return new ImportFailure(PASSWORD_PROTECTED);
  if (UNREADABLE.has(name)) {
    const reason = (message ?? '').replace(/\.$/, '') || 'pdf.js could not read it';
    return new ImportFailure(`The file is not a readable PDF (it may be damaged or incomplete): ${reason}.`);
  }
  return null;
}

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given; the caller's bytes stay usable.
    data: bytes.slice(),
    standardFontDataUrl: STANDARD_FONTS,
    cMapUrl: CMAPS,
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    // The file is already in memory: no range or streaming requests.
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw failureFor(error) ?? error;
  }
}

const isTextItem = (item: object): item is TextItem => 'str' in item;

/** A page's text runs in the page's own coordinates, origin at the lower-left corner of its view box. */
async function readPage(doc: PDFDocumentProxy, pageNumber: number, label: string | null): Promise<PdfPageText> {
  const page = await doc.getPage(pageNumber);
  try {
    // Unrotated view: x right, y up, so rotated pages read in their own direction.
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!isTextItem(item) || item.str === '') continue;
      const [a, b, c, d, e, f] = item.transform as [number, number, number, number, number, number];
      items.push({
        str: item.str,
        x: e - x0,
        y: f - y0,
        // pdf.js reports width along the text direction; for horizontal text that is x.
        width: item.dir === 'ttb' ? 0 : item.width,
        fontSize: Math.hypot(c, d) || Math.hypot(a, b),
      });
    }
    return { width: x1 - x0, height: y1 - y0, label, items };
  } finally {
    page.cleanup();
  }
}

const firstString = (value: unknown): string | null => {
  const text = Array.isArray(value) ? value.filter((part) => typeof part === 'string').join('; ') : value;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : null;
};

/** "D:20240131093000+01'00'" (or XMP's "2024-01-31T…") as YYYY-MM-DD, the writer's own calendar day, or YYYY-MM. */
export function pdfDateToIso(date: string): string | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date.trim()) ?? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(date.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined || Number(month) < 1 || Number(month) > 12) return null;
  if (day === undefined || Number(day) < 1 || Number(day) > 31) return `${year}-${month}`;
  return `${year}-${month}-${day}`;
}

interface MetadataSources {
  readonly info: Readonly<Record<string, unknown>>;
  readonly xmp: { get(name: string): unknown } | null;
}

/** The file's title, author, publisher and date: XMP first, where writers keep them current, then the Info dictionary. */
export function readMetadata({ info, xmp }: MetadataSources): ExtractedMetadata {
  const pick = (xmpName: string, infoName: string): string | null => firstString(xmp?.get(xmpName)) ?? firstString(info[infoName]);
  const date = firstString(info.CreationDate) ?? firstString(xmp?.get('xmp:createdate'));
  return {
    title: pick('dc:title', 'Title'),
    author: pick('dc:creator', 'Author'),
    publisher: firstString(xmp?.get('dc:publisher')),
    // A PDF's dates are machine stamps ("D:20240131093000Z"): the readable day stands for "as written".
    date: date === null ? null : (pdfDateToIso(date) ?? date),
    isoDate: date === null ? null : pdfDateToIso(date),
    link: null,
  };
}

function emptyPagesWarning(pages: readonly PdfPageText[]): string | null {
  const empty = pages.map((page, i) => ({ page, label: page.label ?? String(i + 1) })).filter(({ page }) => page.items.every((item) => item.str.trim() === ''));
  if (empty.length === 0 || empty.length < pages.length * EMPTY_PAGE_WARNING_SHARE) return null;
  const labels = empty.map(({ label }) => label);
  const named = labels.length > 10 ? `${labels.slice(0, 10).join(', ')} and ${labels.length - 10} more` : labels.join(', ');
  return `${labels.length === 1 ? 'Page' : 'Pages'} ${named} ${labels.length === 1 ? 'has' : 'have'} no text (likely scanned images), so ${labels.length === 1 ? 'its' : 'their'} content is missing; an OCR'd copy (e.g. from ocrmypdf) would include it.`;
}

/** A PDF's text layer as one Source: blocks in reading order, page spans labelled as the file labels its pages. */
export const convertPdf: Converter = async ({ bytes, limits }) => {
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new ImportFailure(`The PDF is larger than the ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB an import accepts. Split it (e.g. by chapter) and add the parts.`);
  }
  const doc = await openPdf(bytes);
  try {
    const labels = (await doc.getPageLabels()) ?? [];
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n, labels[n - 1] || null));
    if (pages.every((page) => page.items.every((item) => item.str.trim() === ''))) throw new ImportFailure(NO_TEXT_LAYER);
    const { info, metadata } = await doc.getMetadata();
    const warning = emptyPagesWarning(pages);
    return {
      format: 'pdf',
      parsed: layoutPdf(pages),
      metadata: readMetadata({ info: info as Record<string, unknown>, xmp: metadata }),
      warnings: warning ? [warning] : [],
    };
  } catch (error) {
    throw failureFor(error) ?? error;
  } finally {
    await doc.destroy();
  }
};
