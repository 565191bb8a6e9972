import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import { convertMarkdown } from './markdown';
import { convertText } from './text';

const input = (bytes: Uint8Array, fileName = 'notes.txt') => ({ bytes, fileName, limits: DEFAULT_IMPORT_LIMITS });

describe('convertText', () => {
  it('reads Windows-1252 text that is not UTF-8, and says how it read it', async () => {
    // "Café – naïve “quoted”" in Windows-1252, with CRLF line ends.
    const bytes = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x0d, 0x0a, 0x0d, 0x0a, 0x45, 0x6e, 0x64]);
    const extracted = await convertText(input(bytes));
    expect(extracted.parsed.text).toBe('Café – naïve “quoted”\n\nEnd');
    expect(extracted.warnings.join(' ')).toMatch(/windows-1252/i);
  });

  it('reads UTF-16 LE with its mark, without the mark in the text', async () => {
    const body = Buffer.from('Ḥaqqani network\r\n\r\nSecond', 'utf16le');
    const extracted = await convertText(input(Uint8Array.from([0xff, 0xfe, ...body])));
    expect(extracted.parsed.text).toBe('Ḥaqqani network\n\nSecond');
    expect(extracted.warnings).toEqual([]);
  });
});

describe('convertMarkdown', () => {
  it('parses headings and takes the first as the title', async () => {
    const extracted = await convertMarkdown(input(new TextEncoder().encode('# Field notes\n\nSome **bold** text.\n'), 'notes.md'));
    expect(extracted.metadata.title).toBe('Field notes');
    expect(extracted.parsed.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    expect(extracted.parsed.text).toBe('Field notes\n\nSome bold text.');
  });
});
