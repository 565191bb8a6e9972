import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import type { ImportLimits } from '../../core/import/import-failure';
import type { ParsedSource } from '../../core/model/source';
import { docxFacts, makeDocx } from '../../../tests/fixtures/import/make-docx';
import { makeZipBomb } from '../../../tests/fixtures/import/make-zip-bomb';
import type { ExtractedSource } from '../../core/import/extracted-source';
import { convertDocx } from './docx';

const convert = (bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS) => convertDocx({ bytes, fileName: 'report.docx', limits });
const blockTexts = (parsed: ParsedSource) => parsed.blocks.map((block) => [block.kind, parsed.text.slice(block.range.start, block.range.end)]);

describe('convertDocx', () => {
  let result: ExtractedSource;
  beforeAll(async () => {
    result = await convert((await makeDocx()).bytes);
  });

  it('makes the same bytes on every call', async () => {
    const runs = await Promise.all([makeDocx(), makeDocx(), makeDocx(), makeDocx()]);
    for (const run of runs) expect(run.bytes).toEqual(runs[0]!.bytes);
  });

  it('reads the core properties', () => {
    expect(result.format).toBe('docx');
    expect(result.metadata).toEqual({ title: docxFacts.title, author: docxFacts.author, publisher: null, date: docxFacts.created, isoDate: docxFacts.isoDate, link: null });
  });

  it('keeps headings, lists, the table and the text', () => {
    const { parsed } = result;
    expect(parsed.blocks.filter((b) => b.kind === 'heading').map((b) => [b.level, parsed.text.slice(b.range.start, b.range.end)])).toEqual([
      [1, docxFacts.headings[0]],
      [1, docxFacts.headings[1]],
      [2, docxFacts.headings[2]],
      [2, 'Notes'],
    ]);
    expect(parsed.text).toContain('The harbour board raised its dues twice in a single winter.1');
    expect(parsed.blocks.filter((b) => b.kind === 'listItem').map((b) => [b.marker, parsed.text.slice(b.range.start, b.range.end)])).toEqual([
      ...docxFacts.bullets.map((text) => ['•', text]),
      ...docxFacts.steps.map((text, i) => [`${i + 1}.`, text]),
    ]);
    for (const row of docxFacts.tableRows) expect(blockTexts(parsed)).toContainEqual(['paragraph', row]);
  });

  it('keeps bold, italic and the hyperlink', () => {
    const { parsed } = result;
    const marks = parsed.blocks.flatMap((b) => b.marks).map((m) => [m.kind, parsed.text.slice(m.range.start, m.range.end), 'href' in m ? m.href : null]);
    expect(marks).toContainEqual(['bold', docxFacts.bold, null]);
    expect(marks).toContainEqual(['italic', docxFacts.italic, null]);
    expect(marks).toContainEqual(['link', docxFacts.link.text, docxFacts.link.href]);
  });

  it('makes the footnotes notes at the end, each marker a link to its note', () => {
    const { parsed } = result;
    const notes = parsed.blocks.filter((b) => b.kind === 'note');
    expect(notes.map((b) => [b.note, parsed.text.slice(b.range.start, b.range.end)])).toEqual([
      [1, docxFacts.footnotes[0]],
      [2, docxFacts.footnotes[1]],
    ]);
    expect(parsed.blocks.at(-1)).toBe(notes[1]);
    const refs = parsed.blocks.flatMap((b) => b.marks).filter((m) => m.kind === 'footnoteRef');
    expect(refs.map((m) => [m.note, parsed.text.slice(m.range.start, m.range.end)])).toEqual([
      [1, '1'],
      [2, '2'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('refuses random bytes, an old .doc and a zip that is not a Word document, saying why', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    await expect(convert(random)).rejects.toThrow('The file is not a Word document (.docx) Notebook can read: it is not a zip archive. If it is an older .doc, save it as .docx first.');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(convert(ole)).rejects.toThrow(/older Word format \(\.doc\)/);
    const otherZip = zipSync({ 'content.xml': strToU8('<office:document/>') });
    await expect(convert(otherZip)).rejects.toThrow(/not a Word document \(\.docx\) Notebook can read: it has no word\/document\.xml/);
    await expect(convert(zipSync({ 'word/document.xml': strToU8('<w:document') }))).rejects.toMatchObject({ name: 'ImportFailure' });
  });

  it('refuses a zip bomb before handing anything to mammoth', async () => {
    const bomb = makeZipBomb({ mebibytes: 20, others: { '[Content_Types].xml': '<Types/>' } });
    await expect(convert(bomb, { ...DEFAULT_IMPORT_LIMITS, maxInflatedBytes: 8 * 1024 * 1024 })).rejects.toThrow('The file unpacks to more than 8 MiB (a zip bomb?); nothing was imported.');
  });
});
