import { describe, expect, it } from 'vitest';
import { decodeText, type Decode, type EncodingDetector } from './decode-text';

/** Node's decoders for Unicode; Windows-1252 and ISO-8859-1 agree on the letters these tests use. */
const latin: Decode = (bytes, encoding, { fatal }) => {
  if (encoding === 'windows-1252' || encoding === 'iso-8859-1') return String.fromCharCode(...bytes);
  if (encoding === 'utf-16be') return Buffer.from(bytes).swap16().toString('utf16le');
  if (encoding !== 'utf-8' && encoding !== 'utf-16le') return undefined;
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
};
const detects =
  (name: string | null): EncodingDetector =>
  () =>
    name;

describe('decodeText', () => {
  it('lets a UTF-8 byte-order mark decide, and drops it', () => {
    const decoded = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9]), detects('windows-1252'), latin);
    expect(decoded).toEqual({ text: 'hé', encoding: 'utf-8', by: 'byte-order mark' });
  });

  it('reads UTF-16 in both byte orders from their marks', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0xe9, 0x00]);
    const be = Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x00, 0x0d, 0x00, 0x0a, 0x00, 0xe9]);
    expect(decodeText(le, detects(null), latin).text).toBe('A\né');
    expect(decodeText(be, detects(null), latin).text).toBe('A\né');
  });

  it('keeps valid UTF-8 as UTF-8 whatever a detector would guess', () => {
    expect(decodeText(new TextEncoder().encode('Ḥaqqani'), detects('windows-1252'), latin)).toMatchObject({ text: 'Ḥaqqani', by: 'valid UTF-8' });
  });

  it('reads Windows-1252 bytes that are not UTF-8, and falls back to it when the detector has no single-byte answer', () => {
    const bytes = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a, 0x6e]);
    expect(decodeText(bytes, detects('ISO-8859-1'), latin)).toEqual({ text: 'café\nn', encoding: 'iso-8859-1', by: 'detected' });
    expect(decodeText(bytes, detects('Shift_JIS'), latin)).toEqual({ text: 'café\nn', encoding: 'windows-1252', by: 'fallback' });
  });

  it('turns CR and CRLF line ends into LF', () => {
    expect(decodeText(new TextEncoder().encode('a\r\nb\rc\n'), detects(null), latin).text).toBe('a\nb\nc\n');
  });
});
