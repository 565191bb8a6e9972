import { charOffset } from '../model/ids';
import type { PlanPhrase, PlanSlot, QueryPlan } from './query-plan';
import { bm25 } from './rank';
import type { HitFilter } from './search-types';
import { findTerm, termPositionsInto, tokenRange, type SourceSegment } from './source-segment';

/**
 * Matching a query plan against one source after another: the occurrences of each phrase, which
 * passages satisfy every clause and no exclusion, their BM25 scores, and their hits.
 *
 * The work on a source is in proportion to the occurrences read, never to the source's length:
 * the passages with a hit are listed as they are met (`touched`), and the per-passage arrays are
 * reset only there, by a stamp that changes with each source. A word with several forms (a
 * prefix) keeps one list per form, counted per passage without merging the lists. A phrase is
 * looked for only in sources holding all its words, walking its rarest word.
 *
 * A search walks every source, so the matcher keeps its working arrays from one source to the
 * next: what `match` finds is valid until the next call.
 */

/** Positions (ascending) where a phrase, or one form of a word, occurs, and what each occurrence weighs. */
interface OccurrenceList {
  readonly positions: Uint32Array;
  /** Per occurrence, or null when all weigh `weight`. */
  readonly weights: Float64Array | null;
  readonly weight: number;
}

/** Where a phrase occurs: one or more lists, which never share a position. */
interface Occurrences {
  readonly lists: readonly OccurrenceList[];
  /** Tokens per occurrence. */
  readonly length: number;
}

const EMPTY = new Uint32Array(0);
const EMPTY_LIST: OccurrenceList = { positions: EMPTY, weights: null, weight: 1 };
const NONE: Occurrences = { lists: [], length: 0 };
const NO_STAMP = 0;

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

const weightAt = (list: OccurrenceList, i: number): number => list.weights?.[i] ?? list.weight;
const occurrenceCount = (occurrences: Occurrences): number => occurrences.lists.reduce((sum, list) => sum + list.positions.length, 0);

/**
 * Working arrays of a matcher, kept from one search to the next (searches take a set from a pool
 * and give it back), since allocating them for each source of each search dominated the cost of
 * frequent words. A passage's entries are valid while stampOf[passage] is the current stamp.
 */
export class MatchBuffers {
  readonly positions = new Arena((size) => new Uint32Array(size));
  readonly weights = new Arena((size) => new Float64Array(size));
  stampOf = new Uint32Array(0);
  stamp = NO_STAMP;
  scoreOf = new Float64Array(0);
  frequencyOf = new Float64Array(0);
  clausesOf = new Uint32Array(0);
  lastClauseOf = new Int32Array(0);
  lastPhraseOf = new Int32Array(0);
  countOf = new Uint32Array(0);
  matchingOf = new Uint8Array(0);
  touched = new Uint32Array(0);
  phraseTouched = new Uint32Array(0);

  /** Makes the per-passage arrays hold at least `passages` entries, and starts a new stamp. */
  begin(passages: number): void {
    if (this.stampOf.length < passages) {
      const size = Math.max(passages, this.stampOf.length * 2);
      this.stampOf = new Uint32Array(size);
      this.stamp = NO_STAMP;
      this.scoreOf = new Float64Array(size);
      this.frequencyOf = new Float64Array(size);
      this.clausesOf = new Uint32Array(size);
      this.lastClauseOf = new Int32Array(size);
      this.lastPhraseOf = new Int32Array(size);
      this.countOf = new Uint32Array(size);
      this.matchingOf = new Uint8Array(size);
      this.touched = new Uint32Array(size);
      this.phraseTouched = new Uint32Array(size);
    }
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.stampOf.fill(NO_STAMP);
      this.stamp = NO_STAMP + 1;
    }
  }
}

export class SourceMatcher {
  private segment: SourceSegment | null = null;
  /** Every occurrence list with a hit in the last source, for hit counts and hit ranges. */
  private lists: { readonly list: OccurrenceList; readonly length: number }[] = [];
  /** Whether no two hits of the last source can overlap (one word or form per position). */
  private disjoint = true;
  private touchedCount = 0;

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
    this.touchedCount = 0;
    const perClause: Occurrences[][] = [];
    for (const clause of this.plan.clauses) {
      const found: Occurrences[] = [];
      let any = false;
      for (const phrase of clause.phrases) {
        let occurrences = this.phraseOccurrences(segment, phrase);
        if (this.filter && occurrences.lists.length > 0) occurrences = this.filtered(segment, occurrences, this.filter);
        if (occurrences.lists.length > 0) any = true;
        found.push(occurrences);
      }
      if (!any) return false;
      perClause.push(found);
    }

    buffers.begin(segment.passageCount);
    let phraseNumber = 0;
    for (let c = 0; c < perClause.length; c++) {
      const found = perClause[c] ?? [];
      const phrases = this.plan.clauses[c]?.phrases ?? [];
      for (let a = 0; a < found.length; a++) {
        const occurrences = found[a] ?? NONE;
        if (occurrences.lists.length === 0) continue;
        this.score(segment, occurrences, phrases[a]?.idf ?? 0, c, phraseNumber++);
        for (const list of occurrences.lists) this.lists.push({ list, length: occurrences.length });
      }
    }
    // Overlaps are possible only between the hits of two phrases, or of a phrase of several words.
    this.disjoint = phraseNumber === 1 && this.lists.every((entry) => entry.length === 1);

    const { matchingOf: matching, clausesOf: clauses, touched, stampOf } = buffers;
    for (let t = 0; t < this.touchedCount; t++) {
      const p = touched[t] ?? 0;
      matching[p] = clauses[p] === perClause.length ? 1 : 0;
    }
    for (const phrase of this.plan.excluded) {
      const first = segment.passageFirst;
      for (const { positions } of this.phraseOccurrences(segment, phrase).lists) {
        let p = 0;
        for (let i = 0; i < positions.length; i++) {
          const position = positions[i] ?? 0;
          if ((first[p + 1] ?? Infinity) <= position) p = passageOf(first, position, p);
          if (stampOf[p] === buffers.stamp) matching[p] = 0;
        }
      }
    }
    return true;
  }

  /** Of the last source matched: how many passages have a hit (listed in `touched`). */
  get touchedPassages(): number {
    return this.touchedCount;
  }

  /** Of the last source matched: the passages with a hit, the first `touchedPassages` entries, in no set order. */
  get touched(): Uint32Array {
    return this.buffers.touched;
  }

  /** Of the last source matched: 1 where a passage with a hit matches. */
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
    const { matchingOf: matching, countOf: counts, touched } = this.buffers;
    let count = 0;
    if (this.disjoint) {
      for (let t = 0; t < this.touchedCount; t++) {
        const p = touched[t] ?? 0;
        if (matching[p] === 1) count += counts[p] ?? 0;
      }
      return count;
    }
    const first = segment.passageFirst;
    const only = this.lists.length === 1 ? this.lists[0] : undefined;
    if (only) {
      // One list (a phrase of several words) is ascending already: count it in place.
      const { list, length } = only;
      let p = 0;
      let end = -1;
      for (const start of list.positions) {
        if ((first[p + 1] ?? Infinity) <= start) {
          p = passageOf(first, start, p);
          end = -1;
        }
        if (matching[p] !== 1) continue;
        if (start >= end) count++;
        end = Math.max(end, start + length);
      }
      return count;
    }
    // All hits by start then length, packed in one number (phrases are far shorter than 2^16),
    // sorted, then counted in one pass that merges the overlapping ones.
    const total = this.lists.reduce((sum, entry) => sum + entry.list.positions.length, 0);
    const keys = new Float64Array(total);
    let at = 0;
    for (const { list, length } of this.lists) for (let i = 0; i < list.positions.length; i++) keys[at++] = (list.positions[i] ?? 0) * 0x10000 + length;
    keys.sort();
    let p = 0;
    let end = -1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? 0;
      const start = Math.floor(key / 0x10000);
      if ((first[p + 1] ?? Infinity) <= start) {
        p = passageOf(first, start, p);
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

  /** Adds one phrase's BM25 score to the passages it occurs in, and counts its occurrences there. */
  private score(segment: SourceSegment, occurrences: Occurrences, idf: number, clause: number, phrase: number): void {
    const buffers = this.buffers;
    const { stampOf, scoreOf: scores, frequencyOf: frequencies, clausesOf: clauses, lastClauseOf: lastClause, lastPhraseOf: lastPhrase, countOf: counts, touched, phraseTouched } = buffers;
    const stamp = buffers.stamp;
    const first = segment.passageFirst;
    let phraseCount = 0;
    for (const list of occurrences.lists) {
      const { positions, weights, weight } = list;
      // A long list walks the passages in step; a short one (a rare form) looks each passage up.
      const walk = positions.length * 8 >= segment.passageCount;
      let p = 0;
      let passageEnd = first[1] ?? Infinity;
      let i = 0;
      while (i < positions.length) {
        const position = positions[i] ?? 0;
        if (passageEnd <= position) {
          if (walk) while (passageEnd <= position) passageEnd = first[++p + 1] ?? Infinity;
          else {
            p = passageOf(first, position, p);
            passageEnd = first[p + 1] ?? Infinity;
          }
        }
        // The run of occurrences in this passage, counted at once.
        const from = i;
        let frequency = 0;
        if (weights === null) {
          while (i < positions.length && (positions[i] ?? 0) < passageEnd) i++;
          frequency = (i - from) * weight;
        } else {
          while (i < positions.length && (positions[i] ?? 0) < passageEnd) frequency += weights[i++] ?? 0;
        }
        if (stampOf[p] !== stamp) {
          stampOf[p] = stamp;
          scores[p] = 0;
          clauses[p] = 0;
          lastClause[p] = -1;
          lastPhrase[p] = -1;
          counts[p] = 0;
          touched[this.touchedCount++] = p;
        }
        if (lastPhrase[p] !== phrase) {
          lastPhrase[p] = phrase;
          frequencies[p] = 0;
          phraseTouched[phraseCount++] = p;
        }
        frequencies[p] = (frequencies[p] ?? 0) + frequency;
        counts[p] = (counts[p] ?? 0) + i - from;
      }
    }
    const average = this.averageLength;
    for (let t = 0; t < phraseCount; t++) {
      const p = phraseTouched[t] ?? 0;
      const length = (first[p + 1] ?? 0) - (first[p] ?? 0) - 1;
      scores[p] = (scores[p] ?? 0) + bm25(idf, frequencies[p] ?? 0, length, average);
      if (lastClause[p] !== clause) {
        lastClause[p] = clause;
        clauses[p] = (clauses[p] ?? 0) + 1;
      }
    }
  }

  /** Hits of passage p as position ranges [start, end), overlaps merged. */
  private mergedHits(segment: SourceSegment, p: number): [number, number][] {
    const from = segment.passageFirst[p] ?? 0;
    const to = segment.passageFirst[p + 1] ?? 0;
    const hits: [number, number][] = [];
    for (const { list, length } of this.lists) {
      const positions = list.positions;
      for (let i = lowerBound(positions, from); i < positions.length && (positions[i] ?? 0) < to; i++) hits.push([positions[i] ?? 0, (positions[i] ?? 0) + length]);
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

  /** The occurrences of each form of a slot's word: one list per form, exact forms weighing 1. */
  private slotOccurrences(segment: SourceSegment, slot: PlanSlot): Occurrences {
    const lists: OccurrenceList[] = [];
    for (let i = 0; i < slot.ids.length; i++) {
      const k = findTerm(segment, slot.ids[i] ?? 0);
      if (k < 0) continue;
      lists.push({ positions: termPositionsInto(segment, k, (size) => this.buffers.positions.take(size)), weights: null, weight: slot.weights[i] ?? 1 });
    }
    return lists.length === 0 ? NONE : { lists, length: 1 };
  }

  /** Occurrences of the slot's forms in the segment, without reading their postings. */
  private static slotCount(segment: SourceSegment, slot: PlanSlot): number {
    let count = 0;
    for (const id of slot.ids) {
      const k = findTerm(segment, id);
      if (k >= 0) count += segment.occurrences[k] ?? 0;
    }
    return count;
  }

  private phraseOccurrences(segment: SourceSegment, phrase: PlanPhrase): Occurrences {
    const slots = phrase.slots;
    if (slots.length === 1) return slots[0] ? this.slotOccurrences(segment, slots[0]) : NONE;
    // A source lacking one of the words is passed over before any postings are read.
    let driver = -1;
    let fewest = Infinity;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s];
      const count = slot ? SourceMatcher.slotCount(segment, slot) : 0;
      if (count === 0) return NONE;
      if (count < fewest) {
        fewest = count;
        driver = s;
      }
    }
    // Each slot as one ascending list with a weight per position (a prefix's forms merged).
    const merged = slots.map((slot) => this.mergedSlot(this.slotOccurrences(segment, slot)));
    const lead = merged[driver] ?? EMPTY_LIST;
    const cursors = new Uint32Array(slots.length);
    const found = this.buffers.positions.take(lead.positions.length);
    const foundWeights = this.buffers.weights.take(lead.positions.length);
    let count = 0;
    let uniform = true;
    // Walk the rarest word and look for the others at the offsets the phrase puts them, galloping
    // through their lists so that a rare word next to a frequent one costs little.
    candidates: for (let c = 0; c < lead.positions.length; c++) {
      const start = (lead.positions[c] ?? 0) - driver;
      if (start < 0) continue;
      let weight = weightAt(lead, c);
      for (let s = 0; s < slots.length; s++) {
        if (s === driver) continue;
        const list = merged[s] ?? EMPTY_LIST;
        const target = start + s;
        const positions = list.positions;
        let cursor = cursors[s] ?? 0;
        // Linear while the list is dense near the target; a jump over a long stretch is searched.
        if (cursor + GALLOP_AFTER < positions.length && (positions[cursor + GALLOP_AFTER] ?? 0) < target) cursor = gallop(positions, cursor + GALLOP_AFTER, target);
        else while (cursor < positions.length && (positions[cursor] ?? 0) < target) cursor++;
        cursors[s] = cursor;
        if (list.positions[cursor] !== target) continue candidates;
        weight *= weightAt(list, cursor);
      }
      found[count] = start;
      foundWeights[count] = weight;
      if (weight !== foundWeights[0]) uniform = false;
      count++;
    }
    if (count === 0) return NONE;
    return { lists: [{ positions: found.subarray(0, count), weights: uniform ? null : foundWeights.subarray(0, count), weight: foundWeights[0] ?? 1 }], length: slots.length };
  }

  /** A word's lists as one ascending list (they never share a position), with the weight of each. */
  private mergedSlot(occurrences: Occurrences): OccurrenceList {
    const lists = occurrences.lists;
    if (lists.length <= 1) return lists[0] ?? EMPTY_LIST;
    const total = occurrenceCount(occurrences);
    // Position and list packed in one number, sorted natively: positions are below 2^32, lists few.
    const keys = new Float64Array(total);
    let at = 0;
    for (let l = 0; l < lists.length; l++) {
      const positions = lists[l]?.positions ?? EMPTY;
      for (let i = 0; i < positions.length; i++) keys[at++] = (positions[i] ?? 0) * 0x100 + l;
    }
    keys.sort();
    const positions = this.buffers.positions.take(total);
    const weights = this.buffers.weights.take(total);
    for (let i = 0; i < total; i++) {
      const key = keys[i] ?? 0;
      const list = lists[key % 0x100];
      positions[i] = Math.floor(key / 0x100);
      weights[i] = list?.weight ?? 1;
    }
    return { positions, weights, weight: 1 };
  }

  /** Keeps the occurrences whose hit range the filter accepts. */
  private filtered(segment: SourceSegment, occurrences: Occurrences, filter: HitFilter): Occurrences {
    const lists: OccurrenceList[] = [];
    for (const list of occurrences.lists) {
      const positions = this.buffers.positions.take(list.positions.length);
      const weights = list.weights ? this.buffers.weights.take(list.positions.length) : null;
      let count = 0;
      for (let i = 0; i < list.positions.length; i++) {
        const position = list.positions[i] ?? 0;
        const [start, end] = tokenRange(segment, position, occurrences.length);
        if (!filter(segment.sourceId, charOffset(start), charOffset(end))) continue;
        positions[count] = position;
        if (weights) weights[count] = list.weights?.[i] ?? 0;
        count++;
      }
      if (count > 0) lists.push({ positions: positions.subarray(0, count), weights: weights ? weights.subarray(0, count) : null, weight: list.weight });
    }
    return lists.length === 0 ? NONE : { lists, length: occurrences.length };
  }
}

/** Index of the first position >= target in an ascending list. */
function lowerBound(positions: Uint32Array, target: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The passage holding `position`, searching from passage `from` on. */
function passageOf(first: Uint32Array, position: number, from: number): number {
  let lo = from;
  let hi = first.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((first[mid] ?? 0) <= position) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const GALLOP_AFTER = 16;

/** The first index from `from` on whose position is >= target: doubling steps, then halving. */
function gallop(positions: Uint32Array, from: number, target: number): number {
  let lo = from;
  let step = 1;
  let hi = lo;
  while (hi < positions.length && (positions[hi] ?? 0) < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, positions.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((positions[mid] ?? 0) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
