import { createHash } from 'node:crypto';
import type { SegmentData } from '../../core/search/segment-data';

/**
 * One indexed source on disk (`search-index/<key>.seg`), so that a source is indexed once, not at
 * every start. Layout, little-endian like the typed arrays it holds (every platform Notebook runs
 * on is):
 *
 *   "NBSI", format (u32), header length (u32), SHA-256 of everything after these 44 bytes,
 *   header (JSON: the key and each section's length), then the sections, each at a multiple of 4.
 *
 * The hash makes a damaged file detectable, and the format number an outdated one: either is read
 * as "not indexed", and the source is indexed again from its text. Nothing here is ever fatal.
 */

/** Raised whenever the layout or the meaning of a segment changes; older files are then rebuilt. */
export const SEGMENT_FORMAT = 2;
const MAGIC = 0x4953424e; // "NBSI" read as a little-endian u32
const PREAMBLE = 44;

interface Header {
  readonly key: string;
  /** Byte lengths of the sections, in SECTIONS order. */
  readonly lengths: readonly number[];
}

const SECTIONS = [
  'occurrences',
  'passageCounts',
  'postingStart',
  'tokenStart',
  'passageFirst',
  'passageStart',
  'passageEnd',
  'longTokenPositions',
  'longTokenLengths',
  'postings',
  'tokenLength',
  'passageRoles',
  'terms',
  'text',
] as const;

const padded = (length: number): number => Math.ceil(length / 4) * 4;
const bytesOf = (array: Uint32Array | Uint8Array): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** The file's bytes for a source whose text has the identity `key`. */
export function encodeSegment(key: string, data: SegmentData): Uint8Array {
  const longPositions = Uint32Array.from(data.longTokens.keys());
  const longLengths = Uint32Array.from(data.longTokens.values());
  // Terms are runs of letters and digits, so a newline cannot occur in one.
  const sections: Record<(typeof SECTIONS)[number], Uint8Array> = {
    occurrences: bytesOf(data.occurrences),
    passageCounts: bytesOf(data.passageCounts),
    postingStart: bytesOf(data.postingStart),
    tokenStart: bytesOf(data.tokenStart),
    passageFirst: bytesOf(data.passageFirst),
    passageStart: bytesOf(data.passageStart),
    passageEnd: bytesOf(data.passageEnd),
    longTokenPositions: bytesOf(longPositions),
    longTokenLengths: bytesOf(longLengths),
    postings: data.postings,
    tokenLength: data.tokenLength,
    passageRoles: data.passageRoles,
    terms: Buffer.from(data.terms.join('\n'), 'utf8'),
    text: Buffer.from(data.text, 'utf8'),
  };
  const parts = SECTIONS.map((name) => sections[name]);
  const header = Buffer.from(JSON.stringify({ key, lengths: parts.map((part) => part.byteLength) } satisfies Header), 'utf8');
  const bodyLength = padded(header.byteLength) + parts.reduce((sum, part) => sum + padded(part.byteLength), 0);
  const file = new Uint8Array(PREAMBLE + bodyLength);
  let at = PREAMBLE;
  for (const part of [header, ...parts]) {
    file.set(part, at);
    at += padded(part.byteLength);
  }
  const view = new DataView(file.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, SEGMENT_FORMAT, true);
  view.setUint32(8, header.byteLength, true);
  file.set(createHash('sha256').update(file.subarray(PREAMBLE)).digest(), 12);
  return file;
}

/** The source a segment file holds, or null when it is damaged, of another format, or not of `key`. */
export function decodeSegment(key: string, bytes: Uint8Array): SegmentData | null {
  if (bytes.byteLength < PREAMBLE) return null;
  // Typed arrays need 4-byte alignment; a file read into a shared pool may not have it.
  const file = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== SEGMENT_FORMAT) return null;
  const digest = createHash('sha256').update(file.subarray(PREAMBLE)).digest();
  if (Buffer.compare(digest, file.subarray(12, PREAMBLE)) !== 0) return null;
  const headerLength = view.getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(Buffer.from(file.subarray(PREAMBLE, PREAMBLE + headerLength)).toString('utf8')) as Header;
  } catch {
    return null;
  }
  if (header.key !== key || !Array.isArray(header.lengths) || header.lengths.length !== SECTIONS.length) return null;
  let at = PREAMBLE + padded(headerLength);
  const section: Partial<Record<(typeof SECTIONS)[number], Uint8Array>> = {};
  for (const [i, name] of SECTIONS.entries()) {
    const length = header.lengths[i] ?? -1;
    if (!Number.isInteger(length) || length < 0 || at + length > file.byteLength) return null;
    section[name] = file.subarray(at, at + length);
    at += padded(length);
  }
  // Copies, so that the file's buffer (which holds the text once more) can be let go.
  const u32 = (name: (typeof SECTIONS)[number]): Uint32Array => {
    const part = section[name] ?? new Uint8Array(0);
    return new Uint32Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength - (part.byteLength % 4)));
  };
  const u8 = (name: (typeof SECTIONS)[number]): Uint8Array => (section[name] ?? new Uint8Array(0)).slice();
  const utf8 = (name: (typeof SECTIONS)[number]): string => Buffer.from(section[name] ?? new Uint8Array(0)).toString('utf8');
  const longPositions = u32('longTokenPositions');
  const longLengths = u32('longTokenLengths');
  const termsText = utf8('terms');
  const data: SegmentData = {
    text: utf8('text'),
    terms: termsText === '' ? [] : termsText.split('\n'),
    occurrences: u32('occurrences'),
    passageCounts: u32('passageCounts'),
    postingStart: u32('postingStart'),
    postings: u8('postings'),
    tokenStart: u32('tokenStart'),
    tokenLength: u8('tokenLength'),
    longTokens: new Map(Array.from(longPositions, (position, i) => [position, longLengths[i] ?? 0])),
    passageFirst: u32('passageFirst'),
    passageStart: u32('passageStart'),
    passageEnd: u32('passageEnd'),
    passageRoles: u8('passageRoles'),
  };
  const terms = data.terms.length;
  const consistent =
    data.occurrences.length === terms &&
    data.passageCounts.length === terms &&
    data.postingStart.length === terms &&
    data.tokenLength.length === data.tokenStart.length &&
    data.passageStart.length === data.passageEnd.length &&
    data.passageRoles.length === data.passageStart.length &&
    data.passageFirst.length === data.passageStart.length + 1 &&
    longPositions.length === longLengths.length;
  return consistent ? data : null;
}

/** The file name of the segment of a source whose text has the identity `key`. */
export const segmentFileName = (key: string): string => `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.seg`;
