/**
 * Approximate matching of a quote in a text with a bounded number of edits, by Myers'
 * bit-parallel algorithm in its blocked form (G. Myers, "A fast bit-vector algorithm for
 * approximate string matching based on dynamic programming", JACM 1999). Each text unit costs
 * one pass over ceil(m / 32) machine words, whatever the error bound, so a search is
 * O(n * ceil(m / 32)) and does not blow up on long quotes the way a full edit-distance table does.
 */

const WORD_BITS = 32;
const TOP_BIT = 1 << 31;

export interface ApproximateMatch {
  readonly start: number;
  readonly end: number;
  /** Edit distance between the pattern and text[start, end). */
  readonly errors: number;
}

/** One pattern's bit masks and the column state of the running search. */
class BitParallelPattern {
  readonly length: number;
  private readonly blocks: number;
  private readonly lastHighBit: number;
  /** For each UTF-16 unit of the pattern, the bits of the rows where it occurs (ASCII in an array, for speed). */
  private readonly asciiMasks: Int32Array[];
  private readonly otherMasks = new Map<number, Int32Array>();
  private readonly noMatch: Int32Array;
  private readonly pv: Int32Array;
  private readonly mv: Int32Array;

  constructor(pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.ceil(pattern.length / WORD_BITS);
    this.lastHighBit = 1 << ((pattern.length - 1) % WORD_BITS);
    this.noMatch = new Int32Array(this.blocks);
    this.asciiMasks = new Array<Int32Array>(128).fill(this.noMatch);
    this.pv = new Int32Array(this.blocks);
    this.mv = new Int32Array(this.blocks);
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      let masks = this.masksOf(unit);
      if (masks === this.noMatch) {
        masks = new Int32Array(this.blocks);
        if (unit < 128) this.asciiMasks[unit] = masks;
        else this.otherMasks.set(unit, masks);
      }
      masks[i >>> 5] = (masks[i >>> 5] ?? 0) | (1 << (i & 31));
    }
  }

  private masksOf(unit: number): Int32Array {
    return (unit < 128 ? this.asciiMasks[unit] : this.otherMasks.get(unit)) ?? this.noMatch;
  }

  /** The first column: D[i][0] = i, all vertical deltas +1. */
  reset(): void {
    this.pv.fill(-1);
    this.mv.fill(0);
  }

  /**
   * Advances the column by one text unit. `topDelta` is how the first row changes from column to
   * column: 0 when a match may start anywhere, +1 when it must start where the scan started.
   * Returns how the last row (the edit distance of the whole pattern) changes.
   */
  step(unit: number, topDelta: number): number {
    const eqs = this.masksOf(unit);
    const pvs = this.pv;
    const mvs = this.mv;
    const last = this.blocks - 1;
    let carry = topDelta;
    for (let b = 0; b <= last; b++) {
      const highBit = b === last ? this.lastHighBit : TOP_BIT;
      const pv = pvs[b] ?? 0;
      const mv = mvs[b] ?? 0;
      let eq = eqs[b] ?? 0;
      const xv = eq | mv;
      if (carry < 0) eq |= 1;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const out = (ph & highBit) !== 0 ? 1 : (mh & highBit) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (carry < 0) mh |= 1;
      else if (carry > 0) ph |= 1;
      pvs[b] = mh | ~(xv | ph);
      mvs[b] = ph & xv;
      carry = out;
    }
    return carry;
  }
}

/** A quote prepared once for any number of searches. */
export class ApproximatePattern {
  private readonly forward: BitParallelPattern;
  /** The reversed pattern, scanned leftwards from a match's end to find where the match starts. */
  private readonly backward: BitParallelPattern;

  constructor(readonly pattern: string) {
    this.forward = new BitParallelPattern(pattern);
    this.backward = new BitParallelPattern(pattern.split('').reverse().join(''));
  }

  /** Every end e in (from, to] where some text[s, e) is within maxErrors edits, with the least such distance. */
  matchEnds(text: string, from: number, to: number, maxErrors: number): { end: number; errors: number }[] {
    const ends: { end: number; errors: number }[] = [];
    this.forward.reset();
    let errors = this.forward.length;
    for (let j = from; j < to; j++) {
      errors += this.forward.step(text.charCodeAt(j), 0);
      if (errors <= maxErrors) ends.push({ end: j + 1, errors });
    }
    return ends;
  }

  /**
   * The start s in [lowest, end) for which text[s, end) is closest to the pattern; among equally
   * close starts, the one giving a match nearest the pattern's own length.
   */
  bestStart(text: string, end: number, lowest: number): { start: number; errors: number } {
    const m = this.backward.length;
    this.backward.reset();
    let errors = m;
    let best = { start: end, errors };
    for (let j = end - 1; j >= lowest; j--) {
      errors += this.backward.step(text.charCodeAt(j), 1);
      const closer = errors < best.errors || (errors === best.errors && Math.abs(end - j - m) < Math.abs(end - best.start - m));
      if (closer) best = { start: j, errors };
    }
    return best;
  }

  /**
   * Up to `limit` distinct matches in text[from, to) within maxErrors edits, fewest errors first.
   * Ends closer than half the pattern to a better end belong to the same match. Among equally
   * good ends of one match (e.g. "Kabul." against "Kunar." costs as much as dropping "bul."), the
   * one giving the length nearest the pattern's is kept, so a match does not lose its last word.
   */
  findMatches(text: string, from: number, to: number, maxErrors: number, limit: number): ApproximateMatch[] {
    const m = this.pattern.length;
    const sameMatch = (a: number, b: number): boolean => Math.abs(a - b) * 2 < m;
    const ends = this.matchEnds(text, from, to, maxErrors);
    const ranked = [...ends].sort((a, b) => a.errors - b.errors || a.end - b.end);
    const matches: ApproximateMatch[] = [];
    for (const first of ranked) {
      if (matches.length >= limit) break;
      if (matches.some((match) => sameMatch(match.end, first.end))) continue;
      const { start } = this.bestStart(text, first.end, Math.max(from, first.end - m - maxErrors));
      // Equally good ends share the start in all but contrived cases; take the end nearest start + m.
      let end = first.end;
      for (const tie of ends) {
        if (tie.errors === first.errors && sameMatch(tie.end, first.end) && Math.abs(tie.end - start - m) < Math.abs(end - start - m)) end = tie.end;
      }
      const best = end === first.end ? { start, errors: first.errors } : this.bestStart(text, end, Math.max(from, end - m - maxErrors));
      matches.push({ start: best.start, end, errors: best.errors });
    }
    return matches;
  }
}
