import type { SourceId } from '../model/ids';
import type { Block, TextRange } from '../model/source';
import { alignWords, reverseRuns, type WordRun } from './align-words';
import { describePair, TWIN_SHARE } from './describe-pair';
import type { SharedTextPair } from './shared-text-types';
import { shingleHashes, winnow } from './shingles';
import { sourceWords, type SourceWords } from './source-words';
import { twinRange } from './twin-range';

/**
 * Finds the text that sources share: two captures of one article, a report quoting a news story.
 * Adding or replacing a source costs reading that source once (its fingerprint). Comparing
 * fingerprints then says, cheaply, which pairs share text and roughly how much; only those pairs
 * are aligned word by word, each once until one of its sources changes. Aligning costs some
 * milliseconds a pair, so the library-wide question (which sources are twins?) aligns only pairs
 * whose fingerprints say most of one is in the other, and the question for one source aligns
 * only its closest partners. Plain data and arithmetic, like the search index.
 */
export interface SharedTextIndex {
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  /** Reads a source's new text (or adds it); its pairs are aligned again when next asked for. */
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  removeSource(sourceId: SourceId): boolean;
  hasSource(sourceId: SourceId): boolean;
  /** The pairs of twins (most of one source's text is in the other), the pair sharing the most first. */
  twins(): SharedTextPair[];
  /**
   * The pairs of `sourceId` with the sources that share a passage with it (at most MAX_PARTNERS,
   * those whose fingerprints have the most in common with its own), the pair sharing the most first.
   */
  pairsOf(sourceId: SourceId): SharedTextPair[];
  /** Where `range` of source `from` is in source `to`, or null when its words are not there. */
  twinRange(from: SourceId, to: SourceId, range: TextRange): TextRange | null;
}

interface Entry {
  readonly sourceId: SourceId;
  readonly text: string;
  readonly blocks: readonly Block[] | undefined;
  readonly fingerprint: Uint32Array;
  /** Which entry came first; a pair's source `a` is the earlier one. */
  readonly order: number;
}

interface Aligned {
  readonly pair: SharedTextPair | null;
  /** Runs from the point of view of the pair's `a`. */
  readonly runs: readonly WordRun[];
}

/**
 * A fingerprint that more sources than this have is boilerplate (a site's footer, a stock phrase):
 * it says nothing about which of them are twins, and counting it would cost the square of their number.
 */
const MAX_SOURCES_PER_FINGERPRINT = 32;
/**
 * Pairs whose fingerprints say at least this share of one source is in the other are aligned to
 * see whether they are twins. Winnowing keeps about 2 / (WINNOW_WINDOW + 1) of the shingles, so
 * the estimate wanders; this margin below TWIN_SHARE keeps a true twin from being missed.
 */
const LIKELY_TWIN_SHARE = TWIN_SHARE * 0.6;
/** A source is aligned with at most this many others when asked for its own pairs. */
export const MAX_PARTNERS = 8;
/** The words of this many sources are kept between alignments; the others are read again. */
const WORDS_KEPT = 16;
/** Entry orders fit below this, so (fingerprint, order) packs into one exact float. */
const ORDER_LIMIT = 2 ** 20;

/** Number of hashes two ascending fingerprints have in common. */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let count = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) count++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return count;
}

/** Most shared first; stable, so pairs sharing as much stay in library order. */
const bySharing = (pairs: SharedTextPair[]): SharedTextPair[] =>
  pairs.sort((x, y) => Math.max(y.shareOfA, y.shareOfB) - Math.max(x.shareOfA, x.shareOfB));

export function createSharedTextIndex(): SharedTextIndex {
  const entries = new Map<SourceId, Entry>();
  const kept = new Map<SourceId, SourceWords>();
  const aligned = new Map<string, Aligned>();
  let likelyTwins: [Entry, Entry][] | null = null;
  let nextOrder = 0;

  const pairKey = (a: Entry, b: Entry): string => `${a.sourceId}\u0000${b.sourceId}`;

  /** Keeps a source's words as the most recently used, forgetting the least recently used beyond WORDS_KEPT. */
  const keep = (sourceId: SourceId, words: SourceWords): SourceWords => {
    kept.delete(sourceId);
    kept.set(sourceId, words);
    for (const oldest of kept.keys()) {
      if (kept.size <= WORDS_KEPT) break;
      kept.delete(oldest);
    }
    return words;
  };

  const wordsOf = (entry: Entry): SourceWords => keep(entry.sourceId, kept.get(entry.sourceId) ?? sourceWords(entry.text, entry.blocks));

  const forget = (sourceId: SourceId): void => {
    kept.delete(sourceId);
    for (const key of [...aligned.keys()]) if (key.split('\u0000').includes(sourceId)) aligned.delete(key);
    likelyTwins = null;
  };

  const put = (sourceId: SourceId, text: string, blocks: readonly Block[] | undefined, order: number): void => {
    if (order >= ORDER_LIMIT) throw new Error(`The shared-text index holds at most ${ORDER_LIMIT} sources over its life.`);
    const words = sourceWords(text, blocks);
    entries.set(sourceId, { sourceId, text, blocks, fingerprint: winnow(shingleHashes(words.terms)), order });
    keep(sourceId, words);
  };

  /** Pairs of sources whose fingerprints say one is mostly in the other, earlier source first. */
  const findLikelyTwins = (): [Entry, Entry][] => {
    const list = [...entries.values()].sort((x, y) => x.order - y.order);
    const byOrder = new Map(list.map((entry) => [entry.order, entry]));
    const total = list.reduce((sum, entry) => sum + entry.fingerprint.length, 0);
    const packed = new Float64Array(total);
    let n = 0;
    for (const entry of list) for (const hash of entry.fingerprint) packed[n++] = hash * ORDER_LIMIT + entry.order;
    packed.sort();
    const shared = new Map<number, number>();
    for (let start = 0; start < n; ) {
      const hash = Math.floor((packed[start] ?? 0) / ORDER_LIMIT);
      let end = start + 1;
      while (end < n && Math.floor((packed[end] ?? 0) / ORDER_LIMIT) === hash) end++;
      if (end - start >= 2 && end - start <= MAX_SOURCES_PER_FINGERPRINT) {
        for (let x = start; x < end; x++) {
          for (let y = x + 1; y < end; y++) {
            const key = ((packed[x] ?? 0) % ORDER_LIMIT) * ORDER_LIMIT + ((packed[y] ?? 0) % ORDER_LIMIT);
            shared.set(key, (shared.get(key) ?? 0) + 1);
          }
        }
      }
      start = end;
    }
    const pairs: [Entry, Entry][] = [];
    for (const [key, count] of [...shared.entries()].sort((x, y) => x[0] - y[0])) {
      const a = byOrder.get(Math.floor(key / ORDER_LIMIT));
      const b = byOrder.get(key % ORDER_LIMIT);
      if (!a || !b) continue;
      const smaller = Math.min(a.fingerprint.length, b.fingerprint.length);
      if (count >= LIKELY_TWIN_SHARE * smaller) pairs.push([a, b]);
    }
    return pairs;
  };

  /** The sources sharing the most fingerprints with `entry`, most first. */
  const closestPartners = (entry: Entry): Entry[] => {
    const found: { other: Entry; count: number }[] = [];
    for (const other of entries.values()) {
      if (other === entry) continue;
      const count = sharedCount(entry.fingerprint, other.fingerprint);
      if (count > 0) found.push({ other, count });
    }
    found.sort((x, y) => y.count - x.count || x.other.order - y.other.order);
    return found.slice(0, MAX_PARTNERS).map(({ other }) => other);
  };

  const align = (a: Entry, b: Entry): Aligned => {
    const key = pairKey(a, b);
    const known = aligned.get(key);
    if (known) return known;
    const wordsA = wordsOf(a);
    const wordsB = wordsOf(b);
    const runs = alignWords(wordsA, wordsB);
    const figures = describePair(wordsA, wordsB, runs);
    const result: Aligned = { pair: figures.passages.length === 0 ? null : { a: a.sourceId, b: b.sourceId, ...figures }, runs };
    aligned.set(key, result);
    return result;
  };

  return {
    addSource(sourceId, text, blocks) {
      if (entries.has(sourceId)) throw new Error(`Source ${sourceId} is already in the shared-text index; use replaceSource to read its new text.`);
      put(sourceId, text, blocks, nextOrder++);
      likelyTwins = null;
    },

    replaceSource(sourceId, text, blocks) {
      const old = entries.get(sourceId);
      forget(sourceId);
      put(sourceId, text, blocks, old?.order ?? nextOrder++);
    },

    removeSource(sourceId) {
      if (!entries.delete(sourceId)) return false;
      forget(sourceId);
      return true;
    },

    hasSource: (sourceId) => entries.has(sourceId),

    twins() {
      likelyTwins ??= findLikelyTwins();
      return bySharing(likelyTwins.flatMap(([a, b]) => {
        const { pair } = align(a, b);
        return pair?.twins === true ? [pair] : [];
      }));
    },

    pairsOf(sourceId) {
      const entry = entries.get(sourceId);
      if (!entry) return [];
      return bySharing(closestPartners(entry).flatMap((other) => {
        const { pair } = entry.order < other.order ? align(entry, other) : align(other, entry);
        return pair === null ? [] : [pair];
      }));
    },

    twinRange(from, to, range) {
      const source = entries.get(from);
      const twin = entries.get(to);
      if (!source || !twin || source === twin) return null;
      const [a, b] = source.order < twin.order ? [source, twin] : [twin, source];
      const { runs } = align(a, b);
      if (runs.length === 0) return null;
      return source === a ? twinRange(wordsOf(a), wordsOf(b), runs, range) : twinRange(wordsOf(b), wordsOf(a), reverseRuns(runs), range);
    },
  };
}
