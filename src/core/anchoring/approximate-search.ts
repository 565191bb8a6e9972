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

/** Where a match ends, and its least edit distance to the pattern. */
export interface MatchEnd {
  readonly end: number;
  readonly errors: number;
}

/** The cost of putting a match's bound at a given offset (how badly the text beside it fits), at most `most`. */
export interface BoundaryCost {
  readonly at: (offset: number) => number;
  readonly most: number;
}

/** One pattern's bit masks and the column state of the running search. */
class BitParallelPattern {
  readonly length: number;
  private readonly blocks: number;
  private readonly lastHighBit: number;
  /**
   * For each distinct UTF-16 unit of the pattern, a slot of `blocks` words holding the bits of
   * the rows where it occurs; slot 0 (all zeros) stands for every other unit. ASCII units find
   * their slot in a table, others in a map.
   */
  private readonly masks: Int32Array;
  private readonly asciiSlot = new Int16Array(128);
  private readonly otherSlot = new Map<number, number>();
  private readonly pv: Int32Array;
  private readonly mv: Int32Array;

  constructor(pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.ceil(pattern.length / WORD_BITS);
    this.lastHighBit = 1 << ((pattern.length - 1) % WORD_BITS);
    this.pv = new Int32Array(this.blocks);
    this.mv = new Int32Array(this.blocks);
    let slots = 1;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      if (this.slotOf(unit) !== 0) continue;
      if (unit < 128) this.asciiSlot[unit] = slots++;
      else this.otherSlot.set(unit, slots++);
    }
    this.masks = new Int32Array(slots * this.blocks);
    for (let i = 0; i < pattern.length; i++) {
      const at = this.slotOf(pattern.charCodeAt(i)) * this.blocks + (i >>> 5);
      this.masks[at] = (this.masks[at] ?? 0) | (1 << (i & 31));
    }
  }

  private slotOf(unit: number): number {
    return (unit < 128 ? this.asciiSlot[unit] : this.otherSlot.get(unit)) ?? 0;
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
    const base = this.slotOf(unit) * this.blocks;
    let carry = topDelta;
    for (let b = 0; b < this.blocks; b++) carry = this.advanceBlock(b, base, carry);
    return carry;
  }

  /**
   * Every end e in (from, to] where some text[s, e) is within maxErrors edits of the pattern,
   * with that least distance. Ukkonen's cut-off (as in Myers 1999, section 4): only blocks down
   * to the last one that can hold a value within maxErrors are computed, so across unrelated
   * text, where distances are large, a column costs a block or two instead of all of them.
   */
  searchEnds(text: string, from: number, to: number, maxErrors: number, found: (end: number, errors: number) => void): void {
    const last = this.blocks - 1;
    const lastRows = this.length - WORD_BITS * last;
    const rows = (b: number): number => (b === last ? lastRows : WORD_BITS);
    // score[b]: the value in the bottom row of block b, for the blocks 0..y being computed.
    const score = new Int32Array(this.blocks);
    let y = Math.max(0, Math.min(last, Math.ceil(maxErrors / WORD_BITS) - 1));
    for (let b = 0; b <= y; b++) {
      this.pv[b] = -1;
      this.mv[b] = 0;
      score[b] = WORD_BITS * b + rows(b);
    }
    for (let j = from; j < to; j++) {
      const unit = text.charCodeAt(j);
      const base = this.slotOf(unit) * this.blocks;
      let carry = 0;
      for (let b = 0; b <= y; b++) {
        carry = this.advanceBlock(b, base, carry);
        score[b] = (score[b] ?? 0) + carry;
      }
      const bottom = score[y] ?? 0;
      const next = y + 1;
      if (next <= last && bottom - carry <= maxErrors && (((this.masks[base + next] ?? 0) & 1) !== 0 || carry < 0)) {
        // Block y + 1 joins, as if its rows had grown by one each below the last computed value.
        this.pv[next] = -1;
        this.mv[next] = 0;
        score[next] = bottom - carry + rows(next) + this.advanceBlock(next, base, carry);
        y = next;
      } else {
        while (y > 0 && (score[y] ?? 0) >= maxErrors + rows(y)) y--;
      }
      if (y === last && (score[last] ?? 0) <= maxErrors) found(j + 1, score[last] ?? 0);
    }
  }

  /** Myers' advance_block: one text unit through block b; returns the horizontal delta at its bottom row. */
  private advanceBlock(b: number, base: number, hin: number): number {
    const highBit = b === this.blocks - 1 ? this.lastHighBit : TOP_BIT;
    const pv = this.pv[b] ?? 0;
    const mv = this.mv[b] ?? 0;
    let eq = this.masks[base + b] ?? 0;
    const xv = eq | mv;
    if (hin < 0) eq |= 1;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const hout = (ph & highBit) !== 0 ? 1 : (mh & highBit) !== 0 ? -1 : 0;
    ph <<= 1;
    mh <<= 1;
    if (hin < 0) mh |= 1;
    else if (hin > 0) ph |= 1;
    this.pv[b] = mh | ~(xv | ph);
    this.mv[b] = ph & xv;
    return hout;
  }
}

/**
 * A short pattern compared with the text that starts at a given place and runs in a given
 * direction, with the far end free: the fewest edits that turn the pattern into some stretch
 * text[at, at + t) (direction 1) or text[at − t, at) read leftwards (direction −1). This is how a
 * recorded prefix or suffix is compared with the text beside a candidate: an insertion into the
 * context costs its own length, and the context may end anywhere.
 */
export class AnchoredPattern {
  private readonly bits: BitParallelPattern;

  /** `pattern` in the order it is read: a prefix is given reversed, to be read leftwards. */
  constructor(pattern: string) {
    this.bits = new BitParallelPattern(pattern);
  }

  /** The least distance over stretches of at most `limit` units (the pattern's length if none is closer). */
  distance(text: string, at: number, direction: 1 | -1, limit: number): number {
    const m = this.bits.length;
    if (m === 0) return 0;
    this.bits.reset();
    let errors = m;
    let best = m;
    const stop = direction > 0 ? Math.min(text.length, at + limit) : Math.max(0, at - limit);
    for (let j = at; j !== stop; j += direction) {
      errors += this.bits.step(text.charCodeAt(direction > 0 ? j : j - 1), 1);
      if (errors < best) best = errors;
    }
    return best;
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

  /**
   * Every end e in (from, to] where some text[s, e) is within maxErrors edits, with the least
   * such distance: ends[i] and errors[i] (plain number arrays: there may be many).
   */
  matchEnds(text: string, from: number, to: number, maxErrors: number): { ends: number[]; errors: number[] } {
    const ends: number[] = [];
    const errors: number[] = [];
    this.forward.searchEnds(text, from, to, maxErrors, (end, e) => {
      ends.push(end);
      errors.push(e);
    });
    return { ends, errors };
  }

  /**
   * The ends of up to `limit` distinct matches in text[from, to) within maxErrors edits, fewest
   * errors first (where each starts is left to refine). Ends closer than half the pattern to a
   * better end belong to the same match.
   */
  findMatchEnds(text: string, from: number, to: number, maxErrors: number, limit: number): MatchEnd[] {
    const m = this.pattern.length;
    const { ends, errors } = this.matchEnds(text, from, to, maxErrors);
    const ranked = ends.map((end, i) => ({ end, errors: errors[i] ?? 0 })).sort((a, b) => a.errors - b.errors || a.end - b.end);
    const found: MatchEnd[] = [];
    for (const candidate of ranked) {
      if (found.length >= limit) break;
      if (!found.some((f) => Math.abs(f.end - candidate.end) * 2 < m)) found.push(candidate);
    }
    return found;
  }

  /**
   * The match ending near `found.end`, with its bounds where they fit both the pattern and the
   * text beside them: first the start, then the end, each where the edits inside the match plus
   * the boundary's cost are fewest (ties: fewer edits, then the length nearest the pattern's).
   * Fewest edits alone would cut a word off a quote when a clause was inserted right after it,
   * since dropping the word costs less than keeping the clause; the text recorded beside the
   * quote says where it really begins and ends.
   */
  refine(text: string, found: MatchEnd, from: number, to: number, maxErrors: number, before: BoundaryCost, after: BoundaryCost): ApproximateMatch {
    const m = this.pattern.length;
    const starts: number[] = [];
    const startErrors: number[] = [];
    this.backward.reset();
    let errors = m;
    for (let s = found.end - 1; s >= Math.max(from, found.end - m - maxErrors); s--) {
      errors += this.backward.step(text.charCodeAt(s), 1);
      starts.push(s);
      startErrors.push(errors);
    }
    const start = starts[pickBound(starts, startErrors, before, (s) => found.end - s, m)] ?? found.end - m;

    const ends: number[] = [];
    const endErrors: number[] = [];
    this.forward.reset();
    errors = m;
    for (let e = start + 1; e <= Math.min(to, start + m + maxErrors); e++) {
      errors += this.forward.step(text.charCodeAt(e - 1), 1);
      ends.push(e);
      endErrors.push(errors);
    }
    const chosen = pickBound(ends, endErrors, after, (e) => e - start, m);
    return { start, end: ends[chosen] ?? found.end, errors: endErrors[chosen] ?? found.errors };
  }
}

/**
 * The index of the bound where edits inside the match plus the boundary cost are fewest; ties go
 * to fewer edits inside, then to the length nearest the pattern's (`m`). Bounds with the fewest
 * edits are weighed first, so that the others need weighing only while they could still win.
 */
function pickBound(offsets: number[], errors: number[], cost: BoundaryCost, length: (offset: number) => number, m: number): number {
  const least = Math.min(...errors);
  let chosen = -1;
  let chosenTotal = Infinity;
  const weigh = (i: number): void => {
    const e = errors[i] ?? 0;
    if (e > chosenTotal || e > least + cost.most) return;
    const total = e + cost.at(offsets[i] ?? 0);
    const previous = errors[chosen] ?? Infinity;
    const nearer = Math.abs(length(offsets[i] ?? 0) - m) < Math.abs(length(offsets[chosen] ?? 0) - m);
    if (total < chosenTotal || (total === chosenTotal && (e < previous || (e === previous && nearer)))) {
      chosen = i;
      chosenTotal = total;
    }
  };
  errors.forEach((e, i) => e === least && weigh(i));
  errors.forEach((e, i) => e !== least && weigh(i));
  return chosen;
}
