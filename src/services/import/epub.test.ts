import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import type { ImportLimits } from '../../core/import/import-failure';
import type { ParsedSource } from '../../core/model/source';
import { epubFacts, makeEpub } from '../../../tests/fixtures/import/make-epub';
import { makeZipBomb } from '../../../tests/fixtures/import/make-zip-bomb';
import { convertEpub } from './epub';

const convert = (bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS) => convertEpub({ bytes, fileName: 'book.epub', limits });
const blockTexts = (parsed: ParsedSource) => parsed.blocks.map((block) => [block.kind, parsed.text.slice(block.range.start, block.range.end)]);

/** The book with some of its files replaced (or removed, with null). */
function withFiles(changes: Record<string, string | null>): Uint8Array {
  const files = unzipSync(makeEpub().bytes);
  for (const [name, content] of Object.entries(changes)) {
    if (content === null) delete files[name];
    else files[name] = strToU8(content);
  }
  return zipSync(files);
}

describe('convertEpub', () => {
  it('makes the same bytes on every call, mimetype stored first', () => {
    const { bytes } = makeEpub();
    expect(bytes).toEqual(makeEpub().bytes);
    expect(new TextDecoder().decode(bytes.subarray(30, 58))).toBe('mimetypeapplication/epub+zip');
  });

  it('reads the OPF metadata', async () => {
    const { metadata, format } = await convert(makeEpub().bytes);
    expect(format).toBe('epub');
    expect(metadata).toEqual({ title: epubFacts.title, author: epubFacts.author, publisher: epubFacts.publisher, date: epubFacts.date, isoDate: epubFacts.isoDate, link: epubFacts.link });
  });

  it('reads the chapters in spine order, linear="no" documents after the others', async () => {
    const { parsed, warnings } = await convert(makeEpub().bytes);
    const texts = blockTexts(parsed);
    expect(texts.filter(([kind]) => kind === 'heading')).toEqual([
      ['heading', epubFacts.chapterTitles[0]],
      ['heading', epubFacts.chapterTitles[1]],
      ['heading', 'Notes'],
    ]);
    const at = (text: string) => parsed.text.indexOf(text);
    expect(at(epubFacts.chapter1Sentence)).toBeGreaterThanOrEqual(0);
    expect(at(epubFacts.chapter1Sentence)).toBeLessThan(at(epubFacts.chapter2Sentence));
    expect(at(epubFacts.chapter2Sentence)).toBeLessThan(at(epubFacts.endnotesIntro));
    expect(texts).toContainEqual(['listItem', 'Schooners']);
    expect(parsed.text).not.toContain('Contents');
    expect(warnings).toEqual(['1 image was left out.']);
  });

  it('keeps footnotes and endnotes, within and across chapters, as numbered notes at the end', async () => {
    const { parsed } = await convert(makeEpub().bytes);
    const notes = parsed.blocks.filter((b) => b.kind === 'note').map((b) => [b.note, parsed.text.slice(b.range.start, b.range.end)]);
    expect(notes).toEqual([
      [1, epubFacts.footnote],
      [2, epubFacts.endnotes[0]],
      [3, epubFacts.endnotes[1]],
    ]);
    const refs = parsed.blocks.flatMap((b) => b.marks).filter((m) => m.kind === 'footnoteRef');
    expect(refs.map((m) => m.note)).toEqual([1, 2, 3]);
    expect(parsed.text).toContain(`${epubFacts.chapter2Sentence}3`);
    expect(parsed.text).not.toContain('↩');
  });

  it('keeps web links, and cross-chapter links as plain text', async () => {
    const { parsed } = await convert(makeEpub().bytes);
    const links = parsed.blocks.flatMap((b) => b.marks).flatMap((m) => (m.kind === 'link' ? [[parsed.text.slice(m.range.start, m.range.end), m.href]] : []));
    expect(links).toEqual([["the harbour's own site", 'https://example.org/harbour']]);
    expect(parsed.text).toContain('and the accounts.');
  });

  it('refuses a DRM-protected book, but not one with obfuscated fonts', async () => {
    await expect(convert(makeEpub({ drm: true }).bytes)).rejects.toThrow(/^The EPUB is DRM-protected/);
    await expect(convert(makeEpub({ obfuscatedFont: true }).bytes)).resolves.toMatchObject({ format: 'epub' });
  });

  it('says why when the file is not an EPUB it can read', async () => {
    await expect(convert(strToU8('not a zip'))).rejects.toThrow('The file is not an EPUB Notebook can read: it is not a zip archive.');
    await expect(convert(withFiles({ 'META-INF/container.xml': null }))).rejects.toThrow('The file is not an EPUB Notebook can read: it has no META-INF/container.xml.');
    await expect(convert(withFiles({ 'OEBPS/content.opf': null }))).rejects.toThrow(/its package file OEBPS\/content.opf is missing/);
  });

  it('warns about a missing chapter and reads malformed XHTML as HTML', async () => {
    const bytes = withFiles({ 'OEBPS/text/chapter1.xhtml': null, 'OEBPS/text/chapter 2.xhtml': '<html><body><p>Broken&nbsp;XHTML <br> still reads.</body></html>' });
    const { parsed, warnings } = await convert(bytes);
    expect(parsed.text).toContain('Broken XHTML\nstill reads.');
    expect(warnings).toContain('A chapter the book lists is missing from the file and was left out.');
  });

  it('refuses a zip bomb', async () => {
    const bomb = makeZipBomb({ name: 'OEBPS/text/chapter1.xhtml', mebibytes: 20, others: { mimetype: 'application/epub+zip' } });
    await expect(convert(bomb, { ...DEFAULT_IMPORT_LIMITS, maxCompressionRatio: 200 })).rejects.toThrow(/\(a zip bomb\?\); nothing was imported\.$/);
  });
});
