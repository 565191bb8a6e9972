import type { SourceId } from '../model/ids';
import type { Block } from '../model/source';
import { passageRanges } from './passages';
import { decodePositions, encodedLength, encodePositions } from './postings';
import type { TermDictionary } from './term-dictionary';
import { scanTokens } from './tokenize';

/**
 * Everything the index knows about one source, in typed arrays: adding, replacing or removing a
 * source touches only its own segment (and the dictionary entries of its terms).
 *
 * Tokens are numbered by position. One position is left unused after each passage, so a phrase can
 * never match across two passages. Bytes per token: 4 (tokenStart) + 1 (tokenLength) + 1 to 2
 * (postings), plus 12 per distinct term of the source and 12 per passage.
 */
export interface SourceSegment {
  readonly sourceId: SourceId;
  /** The canonical text, kept by reference for snippets. */
  readonly text: string;
  /** Global ids of the source's distinct terms, ascending. */
  readonly termIds: Uint32Array;
  /** Number of occurrences of termIds[k]. */
  readonly occurrences: Uint32Array;
  /** Postings of termIds[k] are postings[postingStart[k], postingStart[k + 1]). */
  readonly postingStart: Uint32Array;
  readonly postings: Uint8Array;
  /** Original offset of the token at each position. */
  readonly tokenStart: Uint32Array;
  /** Length of each token; LONG_TOKEN means "look in longTokens". */
  readonly tokenLength: Uint8Array;
  readonly longTokens: ReadonlyMap<number, number>;
  /** First position of each passage; passageFirst[passageCount] is one past the last position. */
  readonly passageFirst: Uint32Array;
  readonly passageStart: Uint32Array;
  readonly passageEnd: Uint32Array;
  readonly passageCount: number;
  /** Tokens in the source (not counting the unused positions). */
  readonly tokenCount: number;
}

const LONG_TOKEN = 255;
const NO_TERM = 0xffffffff;

/** Tokens of passage p: positions [passageFirst[p], passageFirst[p + 1] - 1). */
export const passageLength = (segment: SourceSegment, p: number): number =>
  (segment.passageFirst[p + 1] ?? 0) - (segment.passageFirst[p] ?? 0) - 1;

/** Original range [start, end) of the `length` tokens from `position`. */
export function tokenRange(segment: SourceSegment, position: number, length: number): [number, number] {
  const last = position + length - 1;
  const stored = segment.tokenLength[last] ?? 0;
  const lastLength = stored === LONG_TOKEN ? (segment.longTokens.get(last) ?? 0) : stored;
  return [segment.tokenStart[position] ?? 0, (segment.tokenStart[last] ?? 0) + lastLength];
}

/** Index of termId in segment.termIds, or -1. */
export function findTerm(segment: SourceSegment, termId: number): number {
  const ids = segment.termIds;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] ?? 0) < termId) lo = mid + 1;
    else hi = mid;
  }
  return ids[lo] === termId ? lo : -1;
}

/** Positions of termIds[k], ascending, decoded into an array of the given size from `take`. */
export function termPositionsInto(segment: SourceSegment, k: number, take: (size: number) => Uint32Array): Uint32Array {
  const out = take(segment.occurrences[k] ?? 0);
  decodePositions(segment.postings, segment.postingStart[k] ?? 0, out.length, out);
  return out;
}

/** How many passages hold at least one of `positions` (ascending). */
function passagesHolding(passageFirst: Uint32Array, positions: ArrayLike<number>, from: number, to: number): number {
  let count = 0;
  let p = 0;
  let passageEnd = -1;
  for (let i = from; i < to; i++) {
    const position = positions[i] ?? 0;
    if (position < passageEnd) continue;
    while ((passageFirst[p + 1] ?? Infinity) <= position) p++;
    passageEnd = passageFirst[p + 1] ?? Infinity;
    count++;
  }
  return count;
}

/** Token table of a source under construction, in typed arrays that grow by doubling. */
class TokenTable {
  termAt: Uint32Array;
  start: Uint32Array;
  length: Uint8Array;
  count = 0;

  constructor(expected: number) {
    this.termAt = new Uint32Array(expected);
    this.start = new Uint32Array(expected);
    this.length = new Uint8Array(expected);
  }

  push(term: number, start: number, length: number): void {
    if (this.count === this.termAt.length) {
      const size = this.count * 2 + 16;
      const termAt = new Uint32Array(size);
      termAt.set(this.termAt);
      this.termAt = termAt;
      const starts = new Uint32Array(size);
      starts.set(this.start);
      this.start = starts;
      const lengths = new Uint8Array(size);
      lengths.set(this.length);
      this.length = lengths;
    }
    this.termAt[this.count] = term;
    this.start[this.count] = start;
    this.length[this.count] = length;
    this.count++;
  }
}

/** English text averages about six characters per token; the table grows if a text has more. */
const CHARS_PER_TOKEN_GUESS = 5;

/** Tokenises and indexes one source, registering its terms in the dictionary. */
export function buildSegment(sourceId: SourceId, text: string, blocks: readonly Block[] | undefined, dictionary: TermDictionary): SourceSegment {
  const localIds = new Map<string, number>();
  const localTerms: string[] = [];
  const tokens = new TokenTable(Math.ceil(text.length / CHARS_PER_TOKEN_GUESS) + 16);
  const longTokens = new Map<number, number>();
  const passageFirst: number[] = [];
  const passageStart: number[] = [];
  const passageEnd: number[] = [];

  const visit = (term: string, start: number, end: number): void => {
    let local = localIds.get(term);
    if (local === undefined) {
      local = localTerms.length;
      localIds.set(term, local);
      localTerms.push(term);
    }
    const length = end - start;
    if (length >= LONG_TOKEN) longTokens.set(tokens.count, length);
    tokens.push(local, start, length >= LONG_TOKEN ? LONG_TOKEN : length);
  };
  for (const range of passageRanges(text, blocks)) {
    const first = tokens.count;
    scanTokens(text, range.start, range.end, visit);
    if (tokens.count === first) continue;
    passageFirst.push(first);
    passageStart.push(range.start);
    passageEnd.push(range.end);
    tokens.push(NO_TERM, range.end, 0);
  }
  const positions = tokens.count;
  passageFirst.push(positions);

  // Counting sort of positions by term: each term's positions come out ascending.
  const termCount = localTerms.length;
  const termAt = tokens.termAt;
  const counts = new Uint32Array(termCount);
  for (let position = 0; position < positions; position++) {
    const local = termAt[position] ?? NO_TERM;
    if (local !== NO_TERM) counts[local] = (counts[local] ?? 0) + 1;
  }
  const startOf = new Uint32Array(termCount + 1);
  for (let k = 0; k < termCount; k++) startOf[k + 1] = (startOf[k] ?? 0) + (counts[k] ?? 0);
  const byTerm = new Uint32Array(startOf[termCount] ?? 0);
  const fill = startOf.slice(0, termCount);
  for (let position = 0; position < positions; position++) {
    const local = termAt[position] ?? NO_TERM;
    if (local === NO_TERM) continue;
    const slot = fill[local] ?? 0;
    byTerm[slot] = position;
    fill[local] = slot + 1;
  }

  const passageFirstArray = Uint32Array.from(passageFirst);
  const globalIds = new Uint32Array(termCount);
  for (let k = 0; k < termCount; k++) {
    globalIds[k] = dictionary.add(localTerms[k] ?? '', passagesHolding(passageFirstArray, byTerm, startOf[k] ?? 0, startOf[k + 1] ?? 0));
  }
  // Local terms in order of their global ids: sort (id, local) pairs packed into one number,
  // which a typed array sorts natively, much faster than with a comparator.
  const keys = Float64Array.from(globalIds, (id, local) => id * termCount + local).sort();
  const order = Uint32Array.from(keys, (key) => key % termCount);

  const termIds = new Uint32Array(termCount);
  const occurrences = new Uint32Array(termCount);
  const postingStart = new Uint32Array(termCount + 1);
  let bytes = 0;
  for (let k = 0; k < termCount; k++) {
    const local = order[k] ?? 0;
    termIds[k] = globalIds[local] ?? 0;
    occurrences[k] = counts[local] ?? 0;
    postingStart[k] = bytes;
    bytes += encodedLength(byTerm, startOf[local] ?? 0, startOf[local + 1] ?? 0);
  }
  postingStart[termCount] = bytes;
  const postings = new Uint8Array(bytes);
  for (let k = 0; k < termCount; k++) {
    const local = order[k] ?? 0;
    encodePositions(byTerm, startOf[local] ?? 0, startOf[local + 1] ?? 0, postings, postingStart[k] ?? 0);
  }

  return {
    sourceId,
    text,
    termIds,
    occurrences,
    postingStart,
    postings,
    tokenStart: tokens.start.slice(0, positions),
    tokenLength: tokens.length.slice(0, positions),
    longTokens,
    passageFirst: passageFirstArray,
    passageStart: Uint32Array.from(passageStart),
    passageEnd: Uint32Array.from(passageEnd),
    passageCount: passageStart.length,
    tokenCount: positions - passageStart.length,
  };
}

/** Takes the segment's terms back out of the dictionary (the segment itself is then dropped). */
export function releaseSegment(segment: SourceSegment, dictionary: TermDictionary): void {
  for (let k = 0; k < segment.termIds.length; k++) {
    const positions = termPositionsInto(segment, k, (size) => new Uint32Array(size));
    dictionary.release(segment.termIds[k] ?? 0, passagesHolding(segment.passageFirst, positions, 0, positions.length));
  }
}
