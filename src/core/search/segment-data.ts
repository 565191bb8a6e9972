import type { Block } from '../model/source';
import { passageRoleAt, roleCode } from './passage-role';
import { passageRanges } from './passages';
import { encodedLength, encodePositions } from './postings';
import { scanTokens } from './tokenize';

/**
 * One source as indexed, before it joins an index: its terms as strings rather than the ids of an
 * index's dictionary, so the same data can be saved to disk, loaded into another index, or moved
 * between threads, and joining an index costs a dictionary look-up per distinct term instead of
 * reading the text again.
 *
 * Tokens are numbered by position. One position is left unused after each passage, so a phrase can
 * never match across two passages.
 */
export interface SegmentData {
  /** The canonical text, for snippets and for checking phrases. */
  readonly text: string;
  /** The source's distinct terms; the arrays below are in this order. */
  readonly terms: readonly string[];
  /** Number of occurrences of terms[k]. */
  readonly occurrences: Uint32Array;
  /** Number of passages holding terms[k] (its share of the document frequency). */
  readonly passageCounts: Uint32Array;
  /** The positions of terms[k] are the occurrences[k] positions encoded from postings[postingStart[k]]. */
  readonly postingStart: Uint32Array;
  readonly postings: Uint8Array;
  /** Original offset of the token at each position. */
  readonly tokenStart: Uint32Array;
  /** Length of each token; LONG_TOKEN means "look in longTokens". */
  readonly tokenLength: Uint8Array;
  /** Positions and lengths of the tokens of LONG_TOKEN characters or more. */
  readonly longTokens: ReadonlyMap<number, number>;
  /** First position of each passage; passageFirst[passageCount] is one past the last position. */
  readonly passageFirst: Uint32Array;
  readonly passageStart: Uint32Array;
  readonly passageEnd: Uint32Array;
  /**
   * What part of the source each passage is in (body text, contents, notes…), as its number in
   * PASSAGE_ROLES: worked out from the blocks once, here, so that listing results never reads them.
   */
  readonly passageRoles: Uint8Array;
}

export const LONG_TOKEN = 255;
const NO_TERM = 0xffffffff;

/** How many passages hold at least one of positions[from, to) (ascending). */
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

/** Tokenises one source and builds its postings, passage by passage. */
export function indexText(text: string, blocks: readonly Block[] | undefined): SegmentData {
  const localIds = new Map<string, number>();
  const terms: string[] = [];
  const tokens = new TokenTable(Math.ceil(text.length / CHARS_PER_TOKEN_GUESS) + 16);
  const longTokens = new Map<number, number>();
  const passageFirst: number[] = [];
  const passageStart: number[] = [];
  const passageEnd: number[] = [];
  const passageRoles: number[] = [];

  const visit = (term: string, start: number, end: number): void => {
    let local = localIds.get(term);
    if (local === undefined) {
      local = terms.length;
      localIds.set(term, local);
      terms.push(term);
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
    passageRoles.push(roleCode(passageRoleAt(blocks ?? [], range.start)));
    tokens.push(NO_TERM, range.end, 0);
  }
  const positions = tokens.count;
  passageFirst.push(positions);

  // Counting sort of positions by term: each term's positions come out ascending.
  const termCount = terms.length;
  const termAt = tokens.termAt;
  const occurrences = new Uint32Array(termCount);
  for (let position = 0; position < positions; position++) {
    const local = termAt[position] ?? NO_TERM;
    if (local !== NO_TERM) occurrences[local] = (occurrences[local] ?? 0) + 1;
  }
  const startOf = new Uint32Array(termCount + 1);
  for (let k = 0; k < termCount; k++) startOf[k + 1] = (startOf[k] ?? 0) + (occurrences[k] ?? 0);
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
  const passageCounts = new Uint32Array(termCount);
  const postingStart = new Uint32Array(termCount);
  let bytes = 0;
  for (let k = 0; k < termCount; k++) {
    passageCounts[k] = passagesHolding(passageFirstArray, byTerm, startOf[k] ?? 0, startOf[k + 1] ?? 0);
    postingStart[k] = bytes;
    bytes += encodedLength(byTerm, startOf[k] ?? 0, startOf[k + 1] ?? 0);
  }
  const postings = new Uint8Array(bytes);
  for (let k = 0; k < termCount; k++) encodePositions(byTerm, startOf[k] ?? 0, startOf[k + 1] ?? 0, postings, postingStart[k] ?? 0);

  return {
    text,
    terms,
    occurrences,
    passageCounts,
    postingStart,
    postings,
    tokenStart: tokens.start.slice(0, positions),
    tokenLength: tokens.length.slice(0, positions),
    longTokens,
    passageFirst: passageFirstArray,
    passageStart: Uint32Array.from(passageStart),
    passageEnd: Uint32Array.from(passageEnd),
    passageRoles: Uint8Array.from(passageRoles),
  };
}
