/**
 * The order in which a text file's bytes are read as characters, so that the same file always
 * gives the same canonical text (a shifted character would shift every highlight after it,
 * QualCoder #156): a byte-order mark decides first (UTF-8, UTF-16 LE/BE); else bytes that are valid
 * UTF-8 are UTF-8; else the single-byte encoding a detector names, Windows-1252 when it names none
 * it trusts. The mark is dropped and line ends become LF.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | (string & {});

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** How the encoding was chosen, for the person: "byte-order mark", "valid UTF-8", "detected". */
  readonly by: 'byte-order mark' | 'valid UTF-8' | 'detected' | 'fallback';
}

/**
 * Decodes bytes in a named encoding ('utf-8', 'utf-16le', 'utf-16be', 'windows-1252', …): undefined
 * when the encoding is not supported or, with `fatal`, the bytes are not valid in it. The platform
 * provides it (core has no TextDecoder).
 */
export type Decode = (bytes: Uint8Array, encoding: string, options: { readonly fatal: boolean }) => string | undefined;
/** Names the likeliest single-byte encoding of bytes that are not UTF-8, or null. */
export type EncodingDetector = (bytes: Uint8Array) => string | null;

export const FALLBACK_ENCODING = 'windows-1252';

/** Encodings a detector may name for bytes that are not UTF-8: multi-byte guesses on short text are noise. */
const SINGLE_BYTE = /^(?:windows-125\d|iso-8859-\d{1,2}|koi8-[ru]|macintosh|ibm8\d\d)$/i;

export function byteOrderMark(bytes: Uint8Array): { readonly encoding: TextEncodingName; readonly length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** CRLF and lone CR become LF, so offsets do not depend on the system that wrote the file. */
export const normalizeLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n');

export function decodeText(bytes: Uint8Array, detect: EncodingDetector, decode: Decode): DecodedText {
  const mark = byteOrderMark(bytes);
  if (mark !== null) {
    const text = decode(bytes.subarray(mark.length), mark.encoding, { fatal: false }) ?? '';
    return { text: normalizeLineEnds(text), encoding: mark.encoding, by: 'byte-order mark' };
  }
  const utf8 = decode(bytes, 'utf-8', { fatal: true });
  if (utf8 !== undefined) return { text: normalizeLineEnds(utf8), encoding: 'utf-8', by: 'valid UTF-8' };
  // Not UTF-8: one of the single-byte encodings, which any byte sequence is valid in.
  const named = detect(bytes);
  if (named !== null && SINGLE_BYTE.test(named)) {
    const text = decode(bytes, named.toLowerCase(), { fatal: false });
    if (text !== undefined) return { text: normalizeLineEnds(text), encoding: named.toLowerCase(), by: 'detected' };
  }
  return { text: normalizeLineEnds(decode(bytes, FALLBACK_ENCODING, { fatal: false }) ?? ''), encoding: FALLBACK_ENCODING, by: 'fallback' };
}
