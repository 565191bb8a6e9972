/**
 * The terms of every indexed source, each with a numeric id (what the postings store) and the
 * number of passages that contain it (the document frequency of BM25, with passages as documents).
 *
 * For prefix matching the terms are kept sorted by code unit (never a locale order) in two arrays:
 * a large sorted one and a small one that takes new terms. Adding a source costs in proportion to
 * its new terms; the two arrays are merged, and removed terms dropped, only when the small one
 * has grown to a fraction of the large one, which keeps the amortised cost of an addition
 * constant. Results never depend on ids, only on the terms they stand for.
 */

const MIN_PENDING = 1024;
/** Map entry, string header and the per-id numbers, roughly, on a 64-bit engine. */
const BYTES_PER_TERM = 80;
const PENDING_FRACTION = 16;

export class TermDictionary {
  private readonly idsByTerm = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly passageCounts: number[] = [];
  private readonly sourceCounts: number[] = [];
  private readonly freeIds: number[] = [];
  private sorted: number[] = [];
  private pending: number[] = [];
  private deadInSorted = 0;
  private termCharacters = 0;

  get size(): number {
    return this.idsByTerm.size;
  }

  /** What the dictionary takes in memory, roughly (strings are two bytes a character). */
  approximateBytes(): number {
    return this.termCharacters * 2 + this.terms.length * BYTES_PER_TERM;
  }

  /** Id of a term of some indexed source. */
  lookup(term: string): number | undefined {
    return this.idsByTerm.get(term);
  }

  term(id: number): string {
    return this.terms[id] ?? '';
  }

  /** Number of passages, over all sources, that contain the term. */
  passageFrequency(id: number): number {
    return this.passageCounts[id] ?? 0;
  }

  /** Records that one more source has the term, in `passages` of its passages; returns its id. */
  add(term: string, passages: number): number {
    const known = this.idsByTerm.get(term);
    if (known !== undefined) {
      this.passageCounts[known] = (this.passageCounts[known] ?? 0) + passages;
      this.sourceCounts[known] = (this.sourceCounts[known] ?? 0) + 1;
      return known;
    }
    const id = this.freeIds.pop() ?? this.terms.length;
    this.terms[id] = term;
    this.termCharacters += term.length;
    this.passageCounts[id] = passages;
    this.sourceCounts[id] = 1;
    this.idsByTerm.set(term, id);
    this.insertPending(id);
    return id;
  }

  /** Undoes one `add` of a source being removed. */
  release(id: number, passages: number): void {
    const sources = (this.sourceCounts[id] ?? 0) - 1;
    this.sourceCounts[id] = sources;
    this.passageCounts[id] = (this.passageCounts[id] ?? 0) - passages;
    if (sources > 0) return;
    this.idsByTerm.delete(this.term(id));
    const inPending = this.indexIn(this.pending, this.term(id));
    if (inPending >= 0) {
      this.pending.splice(inPending, 1);
      this.forget(id);
      return;
    }
    // Still listed in the large sorted array: keep its string until the next merge removes it,
    // and its id unused until then.
    this.deadInSorted++;
    if (this.deadInSorted > Math.max(MIN_PENDING, this.sorted.length / PENDING_FRACTION)) this.merge();
  }

  /** Ids of the live terms that start with `prefix`, in code-unit order of the terms. */
  withPrefix(prefix: string): number[] {
    const found: number[] = [];
    for (const list of [this.sorted, this.pending]) {
      for (let i = this.lowerBound(list, prefix); i < list.length; i++) {
        const id = list[i] ?? 0;
        const term = this.term(id);
        if (!term.startsWith(prefix)) break;
        if ((this.sourceCounts[id] ?? 0) > 0) found.push(id);
      }
    }
    return found.sort((a, b) => compareTerms(this.term(a), this.term(b)));
  }

  private insertPending(id: number): void {
    const term = this.term(id);
    this.pending.splice(this.lowerBound(this.pending, term), 0, id);
    if (this.pending.length > Math.max(MIN_PENDING, this.sorted.length / PENDING_FRACTION)) this.merge();
  }

  private merge(): void {
    const merged: number[] = [];
    let a = 0;
    let b = 0;
    const { sorted, pending } = this;
    while (a < sorted.length || b < pending.length) {
      const fromSorted = b >= pending.length || (a < sorted.length && compareTerms(this.term(sorted[a] ?? 0), this.term(pending[b] ?? 0)) < 0);
      const id = (fromSorted ? sorted[a++] : pending[b++]) ?? 0;
      if ((this.sourceCounts[id] ?? 0) > 0) {
        merged.push(id);
      } else {
        this.forget(id);
      }
    }
    this.sorted = merged;
    this.pending = [];
    this.deadInSorted = 0;
  }

  private forget(id: number): void {
    this.termCharacters -= this.term(id).length;
    this.terms[id] = '';
    this.freeIds.push(id);
  }

  private lowerBound(list: readonly number[], term: string): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareTerms(this.term(list[mid] ?? 0), term) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexIn(list: readonly number[], term: string): number {
    const at = this.lowerBound(list, term);
    return this.term(list[at] ?? -1) === term && at < list.length ? at : -1;
  }
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareTerms(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
