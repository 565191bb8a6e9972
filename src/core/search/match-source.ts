import { charOffset } from '../model/ids';
import type { PlanPhrase, PlanSlot, QueryPlan } from './query-plan';
import { bm25 } from './rank';
import type { HitFilter } from './search-types';
import { findTerm, termPositionsInto, tokenRange, type SourceSegment } from './source-segment';

/**
 * Matching a query plan against one source after another: the occurrences of each phrase, which
 * passages satisfy every clause and no exclusion, their BM25 scores, and their hits.
 *
 * A search walks every source, so the matcher keeps its working arrays from one source to the
 * next instead of allocating them each time: what `match` finds is valid until the next call.
 */

/** Where a phrase occurs: start positions (ascending) and a weight per occurrence. */
interface Occurrences {
  readonly positions: Uint32Array;
  /** Per occurrence, or null when all weigh `weight`. */
  readonly weights: Float64Array | null;
  readonly weight: number;
  /** Tokens per occurrence. */
  readonly length: number;
}

const EMPTY = new Uint32Array(0);
const NONE: Occurrences = { positions: EMPTY, weights: null, weight: 1, length: 0 };

/** Hands out pieces of one buffer, all given back at once by reset(). */
class Arena<T extends Uint32Array | Float64Array> {
  private buffer: T;
  private used = 0;

  constructor(private readonly make: (size: number) => T) {
    this.buffer = make(1 << 16);
  }

  take(size: number): T {
    if (this.used + size > this.buffer.length) {
      // Pieces already handed out keep the old buffer alive until they are dropped.
      this.buffer = this.make(Math.max(this.buffer.length * 2, size));
      this.used = 0;
    }
    const piece = this.buffer.subarray(this.used, this.used + size) as T;
    this.used += size;
    return piece;
  }

  reset(): void {
    this.used = 0;
  }
}

const weightAt = (occurrences: Occurrences, i: number): number => occurrences.weights?.[i] ?? occurrences.weight;

/**
 * Working arrays of a matcher, kept from one search to the next (searches take a set from a pool
 * and give it back), since allocating them for each source of each search dominated the cost of
 * frequent words.
 */
export class MatchBuffers {
  readonly positions = new Arena((size) => new Uint32Array(size));
  readonly weights = new Arena((size) => new Float64Array(size));
  scoreOf = new Float64Array(0);
  clausesOf = new Uint32Array(0);
  lastClauseOf = new Int32Array(0);
  countOf = new Uint32Array(0);
  matchingOf = new Uint8Array(0);

  /** Makes the per-passage arrays hold at least `passages` entries. */
  reserve(passages: number): void {
    if (this.scoreOf.length >= passages) return;
    const size = Math.max(passages, this.scoreOf.length * 2);
    this.scoreOf = new Float64Array(size);
    this.clausesOf = new Uint32Array(size);
    this.lastClauseOf = new Int32Array(size);
    this.countOf = new Uint32Array(size);
    this.matchingOf = new Uint8Array(size);
  }
}

export class SourceMatcher {
  private segment: SourceSegment | null = null;
  private lists: Occurrences[] = [];

  constructor(
    private readonly plan: QueryPlan,
    private readonly averageLength: number,
    private readonly filter: HitFilter | undefined,
    private readonly buffers: MatchBuffers,
  ) {}

  /** Matches the plan in a source; false when some clause has no hit there. */
  match(segment: SourceSegment): boolean {
    const buffers = this.buffers;
    buffers.positions.reset();
    buffers.weights.reset();
    this.segment = segment;
    this.lists = [];
    const perClause: Occurrences[][] = [];
    for (const clause of this.plan.clauses) {
      const found: Occurrences[] = [];
      let any = false;
      for (const phrase of clause.phrases) {
        let occurrences = this.phraseOccurrences(segment, phrase);
        if (this.filter && occurrences.positions.length > 0) occurrences = this.filtered(segment, occurrences, this.filter);
        if (occurrences.positions.length > 0) any = true;
        found.push(occurrences);
      }
      if (!any) return false;
      perClause.push(found);
    }

    const passages = segment.passageCount;
    buffers.reserve(passages);
    const { scoreOf: scores, clausesOf: clauses, lastClauseOf: lastClause, countOf: counts, matchingOf: matching } = buffers;
    scores.fill(0, 0, passages);
    clauses.fill(0, 0, passages);
    lastClause.fill(-1, 0, passages);
    counts.fill(0, 0, passages);
    const first = segment.passageFirst;
    const average = this.averageLength;

    for (let c = 0; c < perClause.length; c++) {
      const found = perClause[c] ?? [];
      const phrases = this.plan.clauses[c]?.phrases ?? [];
      for (let a = 0; a < found.length; a++) {
        const occurrences = found[a] ?? NONE;
        const idf = phrases[a]?.idf ?? 0;
        const positions = occurrences.positions;
        let p = 0;
        let passageEnd = first[1] ?? Infinity;
        let i = 0;
        while (i < positions.length) {
          const position = positions[i] ?? 0;
          while (passageEnd <= position) passageEnd = first[++p + 1] ?? Infinity;
          const from = i;
          let frequency = 0;
          while (i < positions.length && (positions[i] ?? 0) < passageEnd) frequency += weightAt(occurrences, i++);
          counts[p] = (counts[p] ?? 0) + i - from;
          const length = passageEnd - (first[p] ?? 0) - 1;
          scores[p] = (scores[p] ?? 0) + bm25(idf, frequency, length, average);
          if (lastClause[p] !== c) {
            lastClause[p] = c;
            clauses[p] = (clauses[p] ?? 0) + 1;
          }
        }
        if (positions.length > 0) this.lists.push(occurrences);
      }
    }

    for (let p = 0; p < passages; p++) matching[p] = clauses[p] === perClause.length ? 1 : 0;
    for (const phrase of this.plan.excluded) {
      const positions = this.phraseOccurrences(segment, phrase).positions;
      let p = 0;
      for (let i = 0; i < positions.length; i++) {
        const position = positions[i] ?? 0;
        while ((first[p + 1] ?? Infinity) <= position) p++;
        matching[p] = 0;
      }
    }
    return true;
  }

  /** Of the last source matched: 1 where a passage matches. */
  get matching(): Uint8Array {
    return this.buffers.matchingOf;
  }

  /** Of the last source matched: each passage's score. */
  get scores(): Float64Array {
    return this.buffers.scoreOf;
  }

  /** Hits of the matching passages of the last source; overlapping hits of a passage count once. */
  hitCount(): number {
    const segment = this.segment;
    if (!segment) return 0;
    const { matchingOf: matching, countOf: counts } = this.buffers;
    const only = this.lists.length === 1 ? this.lists[0] : undefined;
    let count = 0;
    if (only && only.length === 1) {
      // Occurrences of single words, at distinct positions, cannot overlap: count by passage.
      for (let p = 0; p < segment.passageCount; p++) if (matching[p] === 1) count += counts[p] ?? 0;
      return count;
    }
    // All hits by start then length, packed in one number (phrases are far shorter than 2^16),
    // then counted in one pass that merges the overlapping ones.
    const total = this.lists.reduce((sum, list) => sum + list.positions.length, 0);
    const keys = new Float64Array(total);
    let at = 0;
    for (const list of this.lists) for (let i = 0; i < list.positions.length; i++) keys[at++] = (list.positions[i] ?? 0) * 0x10000 + list.length;
    if (this.lists.length > 1) keys.sort();
    const first = segment.passageFirst;
    let p = 0;
    let end = -1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? 0;
      const start = Math.floor(key / 0x10000);
      while ((first[p + 1] ?? Infinity) <= start) {
        p++;
        end = -1;
      }
      if (matching[p] !== 1) continue;
      const hitEnd = start + (key % 0x10000);
      if (start >= end) count++;
      end = Math.max(end, hitEnd);
    }
    return count;
  }

  /** The hits of passage p of the last source, as ranges of its text, ascending. */
  passageHits(p: number): [number, number][] {
    const segment = this.segment;
    return segment ? this.mergedHits(segment, p).map(([start, end]) => tokenRange(segment, start, end - start)) : [];
  }

  /** Hits of passage p as position ranges [start, end), overlaps merged. */
  private mergedHits(segment: SourceSegment, p: number): [number, number][] {
    const from = segment.passageFirst[p] ?? 0;
    const to = segment.passageFirst[p + 1] ?? 0;
    const hits: [number, number][] = [];
    for (const list of this.lists) {
      const positions = list.positions;
      let lo = 0;
      let hi = positions.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((positions[mid] ?? 0) < from) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < positions.length && (positions[i] ?? 0) < to; i++) hits.push([positions[i] ?? 0, (positions[i] ?? 0) + list.length]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const hit of hits) {
      const last = merged[merged.length - 1];
      if (last && hit[0] < last[1]) last[1] = Math.max(last[1], hit[1]);
      else merged.push([hit[0], hit[1]]);
    }
    return merged;
  }

  private slotOccurrences(segment: SourceSegment, slot: PlanSlot): Occurrences {
    const exact: Uint32Array[] = [];
    const extended: Uint32Array[] = [];
    let extensionWeight = 1;
    for (let i = 0; i < slot.ids.length; i++) {
      const k = findTerm(segment, slot.ids[i] ?? 0);
      if (k < 0) continue;
      const positions = termPositionsInto(segment, k, (size) => this.buffers.positions.take(size));
      const weight = slot.weights[i] ?? 1;
      if (weight === 1) exact.push(positions);
      else {
        extended.push(positions);
        extensionWeight = weight;
      }
    }
    if (extended.length === 0) return exact.length === 0 ? NONE : { positions: this.union(exact), weights: null, weight: 1, length: 1 };
    const more = this.union(extended);
    if (exact.length === 0) return { positions: more, weights: null, weight: extensionWeight, length: 1 };
    // Each position holds one term, so the two lists never share a position.
    const word = this.union(exact);
    const positions = this.buffers.positions.take(word.length + more.length);
    const weights = this.buffers.weights.take(positions.length);
    let a = 0;
    let b = 0;
    for (let o = 0; o < positions.length; o++) {
      const takeWord = b >= more.length || (a < word.length && (word[a] ?? 0) < (more[b] ?? 0));
      positions[o] = (takeWord ? word[a++] : more[b++]) ?? 0;
      weights[o] = takeWord ? 1 : extensionWeight;
    }
    return { positions, weights, weight: 1, length: 1 };
  }

  /** The positions of several ascending lists in one ascending list, merged pairwise. */
  private union(lists: readonly Uint32Array[]): Uint32Array {
    let level = [...lists];
    while (level.length > 1) {
      const next: Uint32Array[] = [];
      for (let i = 0; i < level.length; i += 2) {
        const a = level[i] ?? EMPTY;
        const b = level[i + 1];
        next.push(b ? this.merge(a, b) : a);
      }
      level = next;
    }
    return level[0] ?? EMPTY;
  }

  private merge(a: Uint32Array, b: Uint32Array): Uint32Array {
    const out = this.buffers.positions.take(a.length + b.length);
    let i = 0;
    let j = 0;
    let o = 0;
    while (i < a.length && j < b.length) {
      const x = a[i] ?? 0;
      const y = b[j] ?? 0;
      if (x < y) {
        out[o++] = x;
        i++;
      } else {
        out[o++] = y;
        j++;
      }
    }
    out.set(a.subarray(i), o);
    out.set(b.subarray(j), o + a.length - i);
    return out;
  }

  private phraseOccurrences(segment: SourceSegment, phrase: PlanPhrase): Occurrences {
    if (phrase.slots.length === 1) return phrase.slots[0] ? this.slotOccurrences(segment, phrase.slots[0]) : NONE;
    const slots = phrase.slots.map((slot) => this.slotOccurrences(segment, slot));
    if (slots.some((slot) => slot.positions.length === 0)) return NONE;
    // Walk the rarest slot and check the others at the offsets the phrase puts them.
    let driver = 0;
    for (let i = 1; i < slots.length; i++) if ((slots[i]?.positions.length ?? 0) < (slots[driver]?.positions.length ?? 0)) driver = i;
    const lead = slots[driver] ?? NONE;
    const cursors = new Uint32Array(slots.length);
    const found = this.buffers.positions.take(lead.positions.length);
    const foundWeights = this.buffers.weights.take(lead.positions.length);
    let count = 0;
    let uniform = true;
    candidates: for (let c = 0; c < lead.positions.length; c++) {
      const start = (lead.positions[c] ?? 0) - driver;
      if (start < 0) continue;
      let weight = weightAt(lead, c);
      for (let s = 0; s < slots.length; s++) {
        if (s === driver) continue;
        const slot = slots[s] ?? NONE;
        const target = start + s;
        let cursor = cursors[s] ?? 0;
        while (cursor < slot.positions.length && (slot.positions[cursor] ?? 0) < target) cursor++;
        cursors[s] = cursor;
        if (slot.positions[cursor] !== target) continue candidates;
        weight *= weightAt(slot, cursor);
      }
      found[count] = start;
      foundWeights[count] = weight;
      if (weight !== foundWeights[0]) uniform = false;
      count++;
    }
    return {
      positions: found.subarray(0, count),
      weights: uniform ? null : foundWeights.subarray(0, count),
      weight: count > 0 ? (foundWeights[0] ?? 1) : 1,
      length: slots.length,
    };
  }

  /** Keeps the occurrences whose hit range the filter accepts. */
  private filtered(segment: SourceSegment, occurrences: Occurrences, filter: HitFilter): Occurrences {
    const positions = this.buffers.positions.take(occurrences.positions.length);
    const weights = occurrences.weights ? this.buffers.weights.take(occurrences.positions.length) : null;
    let count = 0;
    for (let i = 0; i < occurrences.positions.length; i++) {
      const position = occurrences.positions[i] ?? 0;
      const [start, end] = tokenRange(segment, position, occurrences.length);
      if (!filter(segment.sourceId, charOffset(start), charOffset(end))) continue;
      positions[count] = position;
      if (weights) weights[count] = occurrences.weights?.[i] ?? 0;
      count++;
    }
    return {
      positions: positions.subarray(0, count),
      weights: weights ? weights.subarray(0, count) : null,
      weight: occurrences.weight,
      length: occurrences.length,
    };
  }
}
