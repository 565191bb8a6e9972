import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format';
import { ImportFailure } from './import-failure';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('detectFormat', () => {
  it('trusts a signature over the name', () => {
    expect(detectFormat('notes.txt', bytes('%PDF-1.7\n...'))).toBe('pdf');
    expect(detectFormat('Report.PDF', bytes('%PDF-1.4'))).toBe('pdf');
  });

  it('reads zip containers by their name and refuses other zips', () => {
    expect(detectFormat('memo.docx', bytes('PK\u0003\u0004rest'))).toBe('docx');
    expect(detectFormat('book.epub', bytes('PK\u0003\u0004rest'))).toBe('epub');
    expect(() => detectFormat('bundle.zip', bytes('PK\u0003\u0004rest'))).toThrow(/unpack it/);
  });

  it('refuses a .docx or .pdf that is something else, saying so', () => {
    expect(() => detectFormat('memo.docx', bytes('\u00d0\u00cf\u0011\u00e0 old'))).toThrow(/Word 97–2003/);
    expect(() => detectFormat('noise.docx', bytes('\u0001\u0002garbage'))).toThrow(ImportFailure);
    expect(() => detectFormat('fake.pdf', bytes('hello'))).toThrow(/no PDF header/);
  });

  it('names text formats by extension, and sniffs HTML without one', () => {
    expect(detectFormat('page.htm', bytes('<p>x'))).toBe('html');
    expect(detectFormat('notes.md', bytes('# x'))).toBe('markdown');
    expect(detectFormat('notes.TXT', bytes('x'))).toBe('text');
    expect(detectFormat('saved', bytes('\u00ef\u00bb\u00bf  <!DOCTYPE html><html>'))).toBe('html');
  });

  it('refuses unknown formats with what is read', () => {
    expect(() => detectFormat('image.png', bytes('\u0089PNG'))).toThrow(/does not read \.png files\. It reads PDF, Word/);
    expect(() => detectFormat('letter.rtf', bytes('{\\rtf1'))).toThrow(/save it as \.docx/);
  });
});
