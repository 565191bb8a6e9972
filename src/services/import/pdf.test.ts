import { promises as fsPromises } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  makeEncryptedPdf,
  makeLongPdf,
  makeMultiPagePdf,
  makePartlyScannedPdf,
  makeScannedPdf,
  makeTruncatedPdf,
  makeTwoColumnPdf,
  type MultiPageFacts,
} from '../../../tests/fixtures/import/make-pdf';
import type { ExtractedSource } from '../../core/import/extracted-source';
import { DEFAULT_IMPORT_LIMITS, ImportFailure } from '../../core/import/import-failure';
import { convertPdf, pdfDateToIso, readMetadata } from './pdf';

const convert = (bytes: Uint8Array): Promise<ExtractedSource> => convertPdf({ bytes, fileName: 'report.pdf', limits: DEFAULT_IMPORT_LIMITS });

function labelAt(source: ExtractedSource, needle: string): string | undefined {
  const at = source.parsed.text.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return source.parsed.pages?.find((page) => page.range.start <= at && at < page.range.end)?.label;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('convertPdf on a multi-page report', () => {
  let facts: MultiPageFacts;
  let source: ExtractedSource;
  let logged: string[];
  let readFiles: string[];

  beforeAll(async () => {
    facts = await makeMultiPagePdf();
    logged = [];
    readFiles = [];
    const log = (...args: unknown[]): void => void logged.push(args.join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(log), vi.spyOn(console, 'warn').mockImplementation(log), vi.spyOn(console, 'error').mockImplementation(log)];
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const readFile = fsPromises.readFile.bind(fsPromises);
    const readSpy = vi.spyOn(fsPromises, 'readFile').mockImplementation(((path: Parameters<typeof readFile>[0], options?: Parameters<typeof readFile>[1]) => {
      readFiles.push(String(path));
      return readFile(path, options);
    }) as typeof fsPromises.readFile);
    try {
      source = await convert(facts.bytes);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      for (const spy of [...spies, fetchSpy, readSpy]) spy.mockRestore();
    }
  });

  it('reads the metadata, preferring XMP to the Info dictionary', () => {
    expect(source.format).toBe('pdf');
    expect(source.metadata).toEqual({ title: facts.title, author: facts.author, publisher: facts.publisher, date: facts.isoDate, isoDate: facts.isoDate, link: null });
    expect(source.warnings).toEqual([]);
  });

  it('leaves the running head and the page numbers out of the text', () => {
    expect(source.parsed.text).not.toContain(facts.runningHead);
    expect(source.parsed.text).not.toMatch(/^(?:i|ii|\d)$/m);
  });

  it('joins the word broken by a hyphen, keeps the real hyphen and the paragraph over the page break', () => {
    expect(source.parsed.text).toContain(facts.joinedWord);
    expect(source.parsed.text).toContain(facts.keptHyphen);
    const carried = `${facts.carriedOver.before} ${facts.carriedOver.after}`;
    const block = source.parsed.blocks.find((b) => source.parsed.text.slice(b.range.start, b.range.end).includes(carried));
    expect(block?.kind).toBe('paragraph');
    expect([labelAt(source, facts.carriedOver.before), labelAt(source, facts.carriedOver.after)]).toEqual(facts.carriedOver.labels);
  });

  it('tiles the text with pages labelled as the file labels them', () => {
    const pages = source.parsed.pages!;
    expect(pages.map((page) => page.label)).toEqual(facts.pageLabels);
    expect(pages.map((page) => page.index)).toEqual([1, 2, 3, 4, 5]);
    expect(pages[0]!.range.start).toBe(0);
    pages.slice(1).forEach((page, i) => expect(page.range.start).toBe(pages[i]!.range.end));
    expect(pages[pages.length - 1]!.range.end).toBe(source.parsed.text.length);
    for (const { text, label } of facts.sentences) expect(labelAt(source, text)).toBe(label);
  });

  it('finds the headings and the list items', () => {
    const textOf = (kind: string): string[] => source.parsed.blocks.filter((b) => b.kind === kind).map((b) => source.parsed.text.slice(b.range.start, b.range.end));
    expect(textOf('heading')).toEqual(facts.headings);
    expect(textOf('listItem')).toEqual(facts.listItems);
    expect(source.parsed.blocks.filter((b) => b.kind === 'listItem').map((b) => b.marker)).toEqual(['•', '•', '•']);
  });

  it('reads standard font data from node_modules and never fetches or complains about fonts', () => {
    expect(logged.filter((line) => /font|fetch|cmap/i.test(line))).toEqual([]);
    expect(readFiles.some((path) => /pdfjs-dist[\\/]standard_fonts[\\/]/.test(path))).toBe(true);
  });
});

describe('convertPdf on other layouts', () => {
  it('reads a two-column page column by column, the title and abstract first', async () => {
    const facts = await makeTwoColumnPdf();
    const { parsed } = await convert(facts.bytes);
    const positions = facts.order.map((passage) => parsed.text.indexOf(passage));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(parsed.text).not.toMatch(/^1$/m);
  });

  it('warns about pages without text and keeps the others', async () => {
    const facts = await makePartlyScannedPdf();
    const { parsed, warnings } = await convert(facts.bytes);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^Page ${facts.emptyLabel} has no text`));
    for (const sentence of facts.sentences) expect(parsed.text).toContain(sentence);
  });

  it('does not detach the caller’s bytes', async () => {
    const { bytes } = await makeTwoColumnPdf();
    await convert(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('lays out a hundred-page report', async () => {
    const { parsed } = await convert(await makeLongPdf(100));
    expect(parsed.pages).toHaveLength(100);
    expect(parsed.text).not.toContain('Long Report on Northern Trade');
    expect(parsed.blocks.filter((b) => b.kind === 'heading')).toHaveLength(25);
  });
});

describe('convertPdf failures', () => {
  const failure = async (bytes: Uint8Array): Promise<unknown> => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    return convert(bytes).then(
      () => null,
      (error: unknown) => error,
    );
  };

  it('says a scan needs OCR', async () => {
    const error = await failure(await makeScannedPdf());
    expect(error).toBeInstanceOf(ImportFailure);
    expect((error as Error).message).toBe("The PDF has no text layer: it looks like scanned images. Run it through OCR (e.g. ocrmypdf) and add the OCR'd copy.");
  });

  it('says a password-protected file needs its password removed', async () => {
    const error = await failure(await makeEncryptedPdf());
    expect(error).toBeInstanceOf(ImportFailure);
    expect((error as Error).message).toBe('The PDF is password-protected. Remove the password (e.g. print it to a new PDF) and add it again.');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const { bytes } = await makeTwoColumnPdf();
    const error = await convertPdf({ bytes, fileName: 'big.pdf', limits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 1024 * 1024 } }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeNull();
    const tooBig = await convertPdf({ bytes, fileName: 'big.pdf', limits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 100 } }).catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(ImportFailure);
    expect((tooBig as Error).message).toMatch(/^The PDF is larger than/);
  });

  it('says a truncated or foreign file is not a readable PDF', async () => {
    for (const bytes of [await makeTruncatedPdf(), new TextEncoder().encode('Not a PDF at all, just text.')]) {
      const error = await failure(bytes);
      expect(error).toBeInstanceOf(ImportFailure);
      expect((error as Error).message).toMatch(/^The file is not a readable PDF \(it may be damaged or incomplete\): .+\.$/);
    }
  });
});

describe('readMetadata', () => {
  it('falls back to the Info dictionary and reads partial dates', () => {
    expect(readMetadata({ info: { Title: ' Info title ', Author: 'A. Writer', CreationDate: "D:202403" }, xmp: null })).toEqual({
      title: 'Info title',
      author: 'A. Writer',
      publisher: null,
      date: '2024-03',
      isoDate: '2024-03',
      link: null,
    });
  });

  it('joins several XMP creators', () => {
    const xmp = new Map<string, unknown>([['dc:creator', ['One', 'Two']]]);
    expect(readMetadata({ info: {}, xmp }).author).toBe('One; Two');
  });

  it('reads PDF and ISO dates, refusing impossible ones', () => {
    expect(["D:20240131093000+01'00'", '2023-11-05T10:00:00Z', 'D:2024', 'D:20241399', 'yesterday'].map(pdfDateToIso)).toEqual(['2024-01-31', '2023-11-05', null, null, null]);
  });
});
