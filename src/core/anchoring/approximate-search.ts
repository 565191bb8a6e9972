/**
 * Approximate matching of a quote in a text with a bounded number of edits, by Myers' bit-parallel
 * algorithm in its blocked form (G. Myers, "A fast bit-vector algorithm for approximate string
 * matching based on dynamic programming", JACM 1999), with Ukkonen's cut-off. A search reports
 * the matches with the fewest errors, lowering its bound to the best found so far, as
 * approx-string-match (the matcher Hypothesis uses) does, with the same answers; it is kept
 * rather than that package because anchoring searches small windows near the expected place
 * many times per quote, and the package prepares the pattern again on every call (about 0.1 ms)
 * and scans backwards again for every end it reports, which costs more than the window's scan.
 * `npm run bench` compares the two on the same 1,000 edited quotes.
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

/** 1 when any bit of n is set, else 0, without a branch. */
const oneIfSet = (n: number): number => ((n | -n) >>> 31) & 1;

/**
 * Myers' advance_block: one text unit, whose bits in this block of the pattern are `eq`, through
 * block b of the column (vertical deltas pvs, mvs); returns the horizontal delta at its bottom
 * row (`highBit`). Branch-free on the deltas (as in approx-string-match, after Šošić 2014): they
 * vary from column to column without a pattern a processor could predict.
 */
function advance(pvs: Int32Array, mvs: Int32Array, eq: number, highBit: number, b: number, hin: number): number {
  const pv = pvs[b] ?? 0;
  const mv = mvs[b] ?? 0;
  const hinNegative = hin >>> 31;
  const xv = eq | mv;
  const eqIn = eq | hinNegative;
  const xh = (((eqIn & pv) + pv) ^ pv) | eqIn;
  let ph = mv | ~(xh | pv);
  let mh = pv & xh;
  const hout = oneIfSet(ph & highBit) - oneIfSet(mh & highBit);
  ph = (ph << 1) | (oneIfSet(hin) - hinNegative);
  mh = (mh << 1) | hinNegative;
  pvs[b] = mh | ~(xv | ph);
  mvs[b] = ph & xv;
  return hout;
}

/** One pattern's bit masks and the column state of the running search. */
class BitParallelPattern {
  readonly length: number;
  private readonly blocks: number;
  /** The bit of each block's last row: the top bit, or the pattern's last row in the last block. */
  private readonly highBits: Int32Array;
  /**
   * For each distinct UTF-16 unit of the pattern, a slot of `blocks` words holding the bits of
   * the rows where it occurs; slot 0 (all zeros) stands for every other unit. ASCII units find
   * their slot in a table, others in a map.
   */
  private readonly masks: Int32Array;
  private readonly asciiSlot = new Int32Array(128);
  private readonly otherSlot = new Map<number, number>();
  private readonly pv: Int32Array;
  private readonly mv: Int32Array;

  constructor(pattern: string) {
    this.length = pattern.length;
    this.blocks = Math.ceil(pattern.length / WORD_BITS);
    this.highBits = new Int32Array(this.blocks).fill(TOP_BIT);
    this.highBits[this.blocks - 1] = 1 << ((pattern.length - 1) % WORD_BITS);
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
   * The ends in (from, to] of the stretches text[s, e) with the fewest edits from the pattern, if
   * at most maxErrors. Ukkonen's cut-off (as in Myers 1999, section 4): only blocks down to the
   * last one that can hold a value within the bound are computed, and the bound drops to the
   * fewest errors found so far, so across unrelated text, and after the best match, a column
   * costs a block or two instead of all of them.
   */
  bestEnds(text: string, from: number, to: number, maxErrors: number): MatchEnd[] {
    const last = this.blocks - 1;
    const lastRows = this.length - WORD_BITS * last;
    let bound = Math.min(maxErrors, this.length);
    let found: MatchEnd[] = [];
    // score[b]: the value in the bottom row of block b, for the blocks 0..y being computed.
    const score = new Int32Array(this.blocks);
    const { pv, mv, masks, highBits, blocks } = this;
    const asciiBase = this.asciiSlot.map((slot) => slot * blocks);
    let y = Math.max(0, Math.min(last, Math.ceil(bound / WORD_BITS) - 1));
    for (let b = 0; b <= y; b++) {
      pv[b] = -1;
      mv[b] = 0;
      score[b] = WORD_BITS * b + (b === last ? lastRows : WORD_BITS);
    }
    for (let j = from; j < to; j++) {
      const unit = text.charCodeAt(j);
      const base = unit < 128 ? (asciiBase[unit] ?? 0) : this.slotOf(unit) * blocks;
      let carry = 0;
      let bottom = 0;
      for (let b = 0; b <= y; b++) {
        carry = advance(pv, mv, masks[base + b] ?? 0, highBits[b] ?? 0, b, carry);
        bottom = (score[b] ?? 0) + carry;
        score[b] = bottom;
      }
      const next = y + 1;
      if (next <= last && bottom - carry <= bound && (((masks[base + next] ?? 0) & 1) !== 0 || carry < 0)) {
        // Block y + 1 joins, as if its rows had grown by one each below the last computed value.
        pv[next] = -1;
        mv[next] = 0;
        bottom = bottom - carry + (next === last ? lastRows : WORD_BITS) + advance(pv, mv, masks[base + next] ?? 0, highBits[next] ?? 0, next, carry);
        score[next] = bottom;
        y = next;
      } else {
        while (y > 0 && (score[y] ?? 0) >= bound + WORD_BITS) y--;
        bottom = score[y] ?? 0;
      }
      if (y === last && bottom <= bound) {
        if (bottom < bound) found = [];
        bound = bottom;
        found.push({ end: j + 1, errors: bottom });
      }
    }
    return found;
  }

  /** One text unit (its slot's masks at `base`) through block b; returns the horizontal delta at its bottom row. */
  private advanceBlock(b: number, base: number, hin: number): number {
    return advance(this.pv, this.mv, this.masks[base + b] ?? 0, this.highBits[b] ?? 0, b, hin);
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
  /** The reversed pattern, scanned leftwards from a match's end to find where it starts; made when first needed. */
  private backwardCache: BitParallelPattern | undefined;

  constructor(readonly pattern: string) {
    this.forward = new BitParallelPattern(pattern);
  }

  /**
   * Distinct matches in the given parts of the text (disjoint, ascending), fewest errors first,
   * found only as far as they are asked for (see MatchQueue).
   */
  matchesIn(text: string, parts: readonly Part[], maxErrors: number): MatchQueue {
    return new MatchQueue(text, this, parts, maxErrors);
  }

  /**
   * The ends of the matches in text[from, to) with the fewest errors, if at most maxErrors, in
   * text order: one per distinct match (successive ends closer than half the pattern belong to
   * the first). These are approx-string-match's answers, whose search reports every such end.
   */
  bestMatches(text: string, from: number, to: number, maxErrors: number): MatchEnd[] {
    const m = this.pattern.length;
    const matches: MatchEnd[] = [];
    for (const found of this.forward.bestEnds(text, from, to, maxErrors)) {
      const previous = matches[matches.length - 1];
      if (!previous || (found.end - previous.end) * 2 >= m) matches.push(found);
    }
    return matches;
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
    this.backwardCache ??= new BitParallelPattern(this.pattern.split('').reverse().join(''));
    const backward = this.backwardCache;
    backward.reset();
    let errors = m;
    for (let s = found.end - 1; s >= Math.max(from, found.end - m - maxErrors); s--) {
      errors += backward.step(text.charCodeAt(s), 1);
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

/** A stretch [from, to) of the text to search. */
export interface Part {
  readonly from: number;
  readonly to: number;
}

interface SearchedPart extends Part {
  /** Its fewest-error matches, in text order, one per distinct match; null until searched. */
  best: MatchEnd[] | null;
  /** The bound it was last searched with: found nothing within it when `best` is empty. */
  bound: number;
}

/**
 * Distinct approximate matches, fewest errors first, found lazily. Each part's best matches come
 * from one search; taking a match splits its part around it, and the two pieces are searched
 * again only when the next match is asked for, with the bound the caller gives then. A caller
 * that lowers the bound as it learns what can still matter (quote-evidence.ts) thus pays for
 * little more than one search of the text, and never for matches that cannot change its answer.
 */
export class MatchQueue {
  private readonly parts: SearchedPart[];

  constructor(
    private readonly text: string,
    private readonly pattern: ApproximatePattern,
    parts: readonly Part[],
    private readonly maxErrors: number,
  ) {
    this.parts = parts.filter((p) => p.to > p.from).map((p) => ({ ...p, best: null, bound: maxErrors }));
  }

  /** The next distinct match with at most `bound` errors (and at most maxErrors), or undefined. */
  next(bound: number): MatchEnd | undefined {
    const limit = Math.min(bound, this.maxErrors);
    let chosen: SearchedPart | undefined;
    for (const part of this.parts) {
      const best = this.bestOf(part, limit)[0];
      if (best && best.errors <= limit && (!chosen || best.errors < (chosen.best?.[0]?.errors ?? Infinity))) chosen = part;
    }
    const match = chosen?.best?.[0];
    if (!chosen || !match) return undefined;
    // The rest of its part, on either side of the match, keeps the other matches as good as it.
    const at = this.parts.indexOf(chosen);
    const rest = chosen.best?.slice(1) ?? [];
    // The match starts about a pattern's length before its end; a match overlapping it is the same passage.
    const left: SearchedPart = { from: chosen.from, to: Math.max(chosen.from, match.end - this.pattern.pattern.length), best: null, bound: limit };
    const right: SearchedPart = { from: match.end, to: chosen.to, best: null, bound: limit };
    if (rest.length > 0) right.best = rest;
    this.parts.splice(at, 1, left, right);
    return match;
  }

  private bestOf(part: SearchedPart, bound: number): MatchEnd[] {
    // A part that held nothing within a bound holds nothing within a lower one.
    if (part.best !== null && (part.best.length > 0 || bound <= part.bound)) return part.best;
    part.bound = bound;
    part.best = part.to - part.from < this.pattern.pattern.length - bound ? [] : this.pattern.bestMatches(this.text, part.from, part.to, bound);
    return part.best;
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
