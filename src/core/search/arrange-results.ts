import type { SearchWarning } from './search-types';

/**
 * How a search's passages are listed. Sources come most relevant first: the sum of their passages'
 * scores, so that a report with six good hits comes before an article with one. Within a source,
 * and among the best passages overall, body text comes before the apparatus (contents, notes,
 * references, an aggregator's links), then higher scores first. A page of the results takes the
 * passages source by source in that order, so that the pages of a results view fill its groups
 * one after another.
 *
 * The index arranges its matches this way before it builds a single snippet, so only the passages
 * of the page asked for get one (search-index.ts). A frequent word matches hundreds of thousands
 * of passages in a large library, so they are held in typed arrays, never one object each, and
 * only the passages of the page are ever sorted.
 */

/** Most passages one query lists, over all its pages; beyond this a search should be narrowed. */
export const MAX_LISTED_PASSAGES = 10_000;

/** An apparatus passage adds this share of its score to its source's relevance. */
const APPARATUS_SHARE = 0.25;

export interface ListingPage {
  /** Most passages chosen. */
  readonly limit: number;
  /**
   * Absent: the best `limit` passages overall, each in its source. A number: the passages source
   * by source (sources and passages in listing order), skipping `offset`, then `limit` of them.
   */
  readonly offset?: number;
}

/** The matching passages of a search, source after source (entry numbers index the arrays). */
export class PassageList {
  score = new Float64Array(1024);
  /** Where the passage starts in its source (breaks ties). */
  start = new Uint32Array(1024);
  /** The passage's number in its source. */
  passage = new Uint32Array(1024);
  /** 1 for a passage of the apparatus, 0 for body text. */
  apparatus = new Uint8Array(1024);
  count = 0;
  /** The entries of source s are [sourceFirst[s], sourceFirst[s + 1]). */
  sourceFirst: number[] = [0];

  clear(): void {
    this.count = 0;
    this.sourceFirst = [0];
  }

  add(score: number, start: number, passage: number, apparatus: boolean): void {
    if (this.count === this.score.length) this.grow();
    const at = this.count++;
    this.score[at] = score;
    this.start[at] = start;
    this.passage[at] = passage;
    this.apparatus[at] = apparatus ? 1 : 0;
  }

  /** Ends the entries of the current source (call only after adding some). */
  closeSource(): void {
    this.sourceFirst.push(this.count);
  }

  get sources(): number {
    return this.sourceFirst.length - 1;
  }

  private grow(): void {
    const size = this.score.length * 2;
    const score = new Float64Array(size);
    score.set(this.score);
    this.score = score;
    const start = new Uint32Array(size);
    start.set(this.start);
    this.start = start;
    const passage = new Uint32Array(size);
    passage.set(this.passage);
    this.passage = passage;
    const apparatus = new Uint8Array(size);
    apparatus.set(this.apparatus);
    this.apparatus = apparatus;
  }
}

export interface ListedPage {
  /** Every source (its number in the list), in listing order. */
  readonly sources: readonly number[];
  /** The entries of the page, by source, each source's in listing order. */
  readonly chosen: ReadonlyMap<number, readonly number[]>;
  /** Entries listed over all pages (at most MAX_LISTED_PASSAGES). */
  readonly listed: number;
}

/** The k-th largest of values (1-based), reordering them. */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) > pivot) i++;
      while ((values[j] ?? 0) < pivot) j--;
      if (i <= j) {
        const swap = values[i] ?? 0;
        values[i] = values[j] ?? 0;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] ?? 0;
}

/**
 * The best `m` of `entries` by score; ties at the cut go to the entries `tieBefore` puts first.
 * The answer is in no particular order.
 */
function bestByScore(list: PassageList, entries: readonly number[], m: number, tieBefore: (a: number, b: number) => number): number[] {
  if (entries.length <= m) return [...entries];
  if (m <= 0) return [];
  const threshold = kthLargest(Float64Array.from(entries, (entry) => list.score[entry] ?? 0), m);
  const above = entries.filter((entry) => (list.score[entry] ?? 0) > threshold);
  const tied = entries.filter((entry) => list.score[entry] === threshold).sort(tieBefore);
  return [...above, ...tied.slice(0, m - above.length)];
}

/**
 * 1 for each entry among the best MAX_LISTED_PASSAGES by score (ties at the cut going to the
 * entries `tieBefore` puts first), worked on the typed arrays: a frequent word's hundreds of
 * thousands of entries are never made into a list.
 */
function keptEntries(list: PassageList, tieBefore: (a: number, b: number) => number): Uint8Array {
  const kept = new Uint8Array(list.count);
  if (list.count <= MAX_LISTED_PASSAGES) return kept.fill(1);
  const threshold = kthLargest(list.score.slice(0, list.count), MAX_LISTED_PASSAGES);
  let room = MAX_LISTED_PASSAGES;
  const tied: number[] = [];
  for (let entry = 0; entry < list.count; entry++) {
    const score = list.score[entry] ?? 0;
    if (score > threshold) {
      kept[entry] = 1;
      room--;
    } else if (score === threshold) tied.push(entry);
  }
  for (const entry of tied.sort(tieBefore).slice(0, room)) kept[entry] = 1;
  return kept;
}

/**
 * Arranges the passages of `list` for a page. `sourceOrder[s]` is source s's place in the library
 * (it breaks ties between equal scores when the list is cut to MAX_LISTED_PASSAGES), and
 * `sourceRank[s]` its place among the sources before relevance is summed (by best passage): it
 * breaks ties between sources of equal relevance and between equal passages of two sources.
 */
export function listPage(list: PassageList, sourceOrder: ArrayLike<number>, sourceRank: ArrayLike<number>, page: ListingPage): ListedPage {
  const sourceOf = new Uint32Array(list.count);
  for (let s = 0; s < list.sources; s++) sourceOf.fill(s, list.sourceFirst[s] ?? 0, list.sourceFirst[s + 1] ?? 0);
  const byLibrary = (a: number, b: number): number =>
    (sourceOrder[sourceOf[a] ?? 0] ?? 0) - (sourceOrder[sourceOf[b] ?? 0] ?? 0) || (list.start[a] ?? 0) - (list.start[b] ?? 0);
  const kept = keptEntries(list, byLibrary);

  const relevance = new Float64Array(list.sources);
  const keptCount = new Uint32Array(list.sources);
  for (let entry = 0; entry < list.count; entry++) {
    if (kept[entry] !== 1) continue;
    const s = sourceOf[entry] ?? 0;
    relevance[s] = (relevance[s] ?? 0) + (list.score[entry] ?? 0) * (list.apparatus[entry] === 1 ? APPARATUS_SHARE : 1);
    keptCount[s] = (keptCount[s] ?? 0) + 1;
  }
  const sources = Array.from({ length: list.sources }, (_, s) => s).sort((a, b) => (relevance[b] ?? 0) - (relevance[a] ?? 0) || (sourceRank[a] ?? 0) - (sourceRank[b] ?? 0));
  const position = new Uint32Array(list.sources);
  sources.forEach((s, at) => (position[s] = at));
  /** Listing order within a source. */
  const inSource = (a: number, b: number): number =>
    (list.apparatus[a] ?? 0) - (list.apparatus[b] ?? 0) || (list.score[b] ?? 0) - (list.score[a] ?? 0) || (list.start[a] ?? 0) - (list.start[b] ?? 0);
  const keptOf = (s: number): number[] => {
    const entries: number[] = [];
    for (let entry = list.sourceFirst[s] ?? 0; entry < (list.sourceFirst[s + 1] ?? 0); entry++) if (kept[entry] === 1) entries.push(entry);
    return entries;
  };

  const limit = Math.max(0, page.limit);
  const chosen = new Map<number, number[]>();
  if (page.offset === undefined) {
    const body: number[] = [];
    const apparatus: number[] = [];
    for (let entry = 0; entry < list.count; entry++) if (kept[entry] === 1) (list.apparatus[entry] === 1 ? apparatus : body).push(entry);
    const byStartThenSource = (a: number, b: number): number => (list.start[a] ?? 0) - (list.start[b] ?? 0) || (position[sourceOf[a] ?? 0] ?? 0) - (position[sourceOf[b] ?? 0] ?? 0);
    const best = bestByScore(list, body, limit, byStartThenSource);
    best.push(...bestByScore(list, apparatus, limit - best.length, byStartThenSource));
    for (const entry of best) {
      const s = sourceOf[entry] ?? 0;
      const entries = chosen.get(s) ?? [];
      entries.push(entry);
      chosen.set(s, entries);
    }
    for (const entries of chosen.values()) entries.sort(inSource);
  } else {
    let skip = Math.max(0, page.offset);
    let room = limit;
    for (const s of sources) {
      if (room === 0) break;
      const count = keptCount[s] ?? 0;
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const entries = keptOf(s).sort(inSource).slice(skip, skip + room);
      skip = 0;
      room -= entries.length;
      chosen.set(s, entries);
    }
  }
  const listed = keptCount.reduce((sum, count) => sum + count, 0);
  return { sources, chosen, listed };
}

/** The warning that only `listed` of `matching` passages could be listed, or null when all were. */
export function cappedWarning(listed: number, matching: number): SearchWarning | null {
  if (listed >= matching) return null;
  return {
    code: 'results-capped',
    message: `Only the ${listed.toLocaleString('en')} best of ${matching.toLocaleString('en')} matching passages can be listed; add words or filters to narrow the search.`,
  };
}
