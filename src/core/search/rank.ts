import type { SourceSegment } from './source-segment';

/**
 * BM25 with passages as the documents, and the selection of the best passages. Ties are broken by
 * source order, then by position in the source, so that every index built from the same sources
 * ranks the same way.
 */

const K1 = 1.2;
const B = 0.75;

/** BM25 inverse document frequency (never negative). */
export function inverseFrequency(frequency: number, passageTotal: number): number {
  return Math.log(1 + (passageTotal - frequency + 0.5) / (frequency + 0.5));
}

/** Score of `termFrequency` (weighted) occurrences in a passage of `length` tokens. */
export function bm25(idf: number, termFrequency: number, length: number, averageLength: number): number {
  const norm = K1 * (1 - B + (B * length) / averageLength);
  return (idf * termFrequency * (K1 + 1)) / (termFrequency + norm);
}

export interface RankedPassage {
  readonly score: number;
  /** Position of the source in the index's order. */
  readonly sourceOrder: number;
  readonly segment: SourceSegment;
  readonly passage: number;
  /** Where the passage starts in its source. */
  readonly start: number;
  /** The passage's hits, as ranges of the source's text. */
  readonly hits: readonly (readonly [number, number])[];
}

/** True when a ranks before b. */
export function ranksBefore(a: RankedPassage, b: RankedPassage): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.sourceOrder !== b.sourceOrder) return a.sourceOrder < b.sourceOrder;
  return a.start < b.start;
}

/** The best `limit` passages seen, kept in a heap whose root is the weakest of them. */
export class TopPassages {
  private readonly heap: RankedPassage[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a passage with this score could still enter (a cheap test before building one). */
  admits(score: number): boolean {
    if (this.heap.length < this.limit) return this.limit > 0;
    return score >= (this.heap[0]?.score ?? Infinity);
  }

  /** Keeps the candidate if it ranks among the best so far. */
  offer(candidate: RankedPassage): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
      return;
    }
    const weakest = heap[0];
    if (!weakest || !ranksBefore(candidate, weakest)) return;
    heap[0] = candidate;
    this.siftDown(0);
  }

  /** Best first. */
  sorted(): RankedPassage[] {
    return [...this.heap].sort((a, b) => (ranksBefore(a, b) ? -1 : ranksBefore(b, a) ? 1 : 0));
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const child = heap[i];
      const above = heap[parent];
      if (!child || !above || !ranksBefore(above, child)) break;
      heap[i] = above;
      heap[parent] = child;
      i = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    let i = index;
    for (;;) {
      let weakest = i;
      for (const child of [2 * i + 1, 2 * i + 2]) {
        const candidate = heap[child];
        const current = heap[weakest];
        if (candidate && current && ranksBefore(current, candidate)) weakest = child;
      }
      if (weakest === i) return;
      const a = heap[i];
      const b = heap[weakest];
      if (!a || !b) return;
      heap[i] = b;
      heap[weakest] = a;
      i = weakest;
    }
  }
}
