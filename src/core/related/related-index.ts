import { roleAt } from '../document/block-role';
import type { Tag } from '../model/highlight';
import { charOffset, type SourceId } from '../model/ids';
import type { Block } from '../model/source';
import { makeSnippet } from '../search/snippet';
import { scanTokens } from '../search/tokenize';
import { bodyPassages } from '../shared-text/source-words';
import { createMentionMatcher, type Mention, type MentionMatcher } from '../tags/find-mentions';
import { emptyWords, groupMentions, type Words } from './group-words';
import type { RelatedOptions, RelatedPassage } from './related-types';
import { sentenceRanges } from './sentences';
import { STOP_WORDS } from './stop-words';

/**
 * Passages like a selection, to compare what sources claim about the same thing. Each sentence of
 * every source's prose (not its headings, contents, notes, references or an aggregator's trailer,
 * which name things without claiming anything) is a vector of word weights, TF-IDF with passages
 * as the documents: (1 + ln tf) * ln(N / df). Function words ("has", "under") are left out, a word
 * every passage has weighs nothing, a rare one much; every name of a group tag counts as one word.
 * The selection is weighed the same way and compared with every passage of the other sources by
 * cosine similarity; a passage sharing a single word with it, or less similar than
 * DEFAULT_MIN_SIMILARITY, is not related enough to be worth reading. Adding,
 * replacing or removing a source reads only that source; the weights of all words change with N
 * and are recomputed on the next query.
 */
export interface RelatedIndex {
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  removeSource(sourceId: SourceId): boolean;
  hasSource(sourceId: SourceId): boolean;
  /**
   * The group tags whose names and aliases count as one word each. When they differ from the
   * last ones (a tag renamed, an alias added), every source is read again.
   */
  setGroupTags(tags: readonly Tag[]): void;
  /** Passages of the other sources most like text [start, end) of `sourceId`, most similar first. */
  related(sourceId: SourceId, start: number, end: number, options?: RelatedOptions): RelatedPassage[];
}

interface Segment {
  readonly sourceId: SourceId;
  readonly text: string;
  readonly blocks: readonly Block[] | undefined;
  readonly order: number;
  readonly mentions: readonly Mention[];
  readonly passageStart: Uint32Array;
  readonly passageEnd: Uint32Array;
  /** Entries of passage p are [first[p], first[p + 1]): a term id and 1 + ln of its count. */
  readonly first: Uint32Array;
  readonly termIds: Uint32Array;
  readonly termWeights: Float32Array;
  /** Length of each passage's vector, for the word weights of `normsEpoch`. */
  readonly norms: Float32Array;
  normsEpoch: number;
}

const DEFAULT_LIMIT = 10;
/**
 * Below this, in the bundled sources, what a passage shares with a selection is a name and a
 * common verb ("Taliban", "said"): nothing a reader would call the same subject.
 */
const DEFAULT_MIN_SIMILARITY = 0.1;
/**
 * A passage sharing fewer distinct words with the selection (of those shown beside it) is alike by
 * chance ("second", "fell"); a selection of one word asks for passages with that word.
 */
const MIN_SHARED_WORDS = 2;
/** A passage of fewer words, function words aside, states no claim to compare. */
const MIN_PASSAGE_WORDS = 5;
const SHARED_WORDS_SHOWN = 5;
/** A shared word that weighs less than this share of the heaviest one ("the", "of") is not shown. */
const SHOWN_WEIGHT_SHARE = 0.1;

export function createRelatedIndex(): RelatedIndex {
  const idsByTerm = new Map<string, number>();
  /** Number of passages holding each term, by id. */
  const passageCounts: number[] = [];
  const segments = new Map<SourceId, Segment>();
  let matcher: MentionMatcher | null = null;
  let groupsSignature = '[]';
  let passageTotal = 0;
  let nextOrder = 0;
  // Word weights depend on every source; they are recomputed once per change, when next needed.
  let epoch = 0;
  let idfEpoch = -1;
  let idf = new Float64Array(0);
  let queryWeights = new Float64Array(0);

  const termIdOf = (term: string): number => {
    let id = idsByTerm.get(term);
    if (id === undefined) {
      id = passageCounts.length;
      idsByTerm.set(term, id);
      passageCounts.push(0);
    }
    return id;
  };

  /** The words of text[start, end), each mention of a group one word, function words left out. */
  const wordsIn = (text: string, start: number, end: number, mentions: readonly Mention[]): Words => {
    const all = emptyWords();
    scanTokens(text, start, end, (term, from, to) => {
      all.terms.push(term);
      all.starts.push(from);
      all.ends.push(to);
    });
    // Grouped first: "IS" of "IS-Khorasan" is a group's name, not the verb.
    groupMentions(all, mentions);
    const words = emptyWords();
    all.terms.forEach((term, k) => {
      if (STOP_WORDS.has(term)) return;
      words.terms.push(term);
      words.starts.push(all.starts[k] ?? 0);
      words.ends.push(all.ends[k] ?? 0);
    });
    return words;
  };

  // Reused by every passage counted: the count of each term id, and which ids have one.
  let countOf = new Uint32Array(1024);
  const counted: number[] = [];

  const buildSegment = (sourceId: SourceId, text: string, blocks: readonly Block[] | undefined, order: number): Segment => {
    const mentions = matcher?.findMentions(text) ?? [];
    const passageStart: number[] = [];
    const passageEnd: number[] = [];
    const first: number[] = [];
    const termIds: number[] = [];
    const termWeights: number[] = [];
    for (const body of bodyPassages(text, blocks)) {
      if (blocks !== undefined && roleAt(blocks, body.start) !== 'body') continue;
      // One scan per passage; its words are then dealt out to its sentences.
      const words = wordsIn(text, body.start, body.end, mentions);
      let w = 0;
      for (const sentence of sentenceRanges(text, body)) {
        const from = w;
        while (w < words.starts.length && (words.starts[w] ?? 0) < sentence.end) w++;
        if (w - from < MIN_PASSAGE_WORDS) continue;
        for (let k = from; k < w; k++) {
          const id = termIdOf(words.terms[k] ?? '');
          if (id >= countOf.length) {
            const grown = new Uint32Array(Math.max(countOf.length * 2, id + 1));
            grown.set(countOf);
            countOf = grown;
          }
          if (countOf[id] === 0) counted.push(id);
          countOf[id] = (countOf[id] ?? 0) + 1;
        }
        first.push(termIds.length);
        passageStart.push(sentence.start);
        passageEnd.push(sentence.end);
        counted.sort((x, y) => x - y);
        for (const id of counted) {
          termIds.push(id);
          termWeights.push(1 + Math.log(countOf[id] ?? 1));
          passageCounts[id] = (passageCounts[id] ?? 0) + 1;
          countOf[id] = 0;
        }
        counted.length = 0;
      }
    }
    first.push(termIds.length);
    passageTotal += passageStart.length;
    epoch++;
    return {
      sourceId,
      text,
      blocks,
      order,
      mentions,
      passageStart: Uint32Array.from(passageStart),
      passageEnd: Uint32Array.from(passageEnd),
      first: Uint32Array.from(first),
      termIds: Uint32Array.from(termIds),
      termWeights: Float32Array.from(termWeights),
      norms: new Float32Array(passageStart.length),
      normsEpoch: -1,
    };
  };

  const release = (segment: Segment): void => {
    for (const id of segment.termIds) passageCounts[id] = (passageCounts[id] ?? 1) - 1;
    passageTotal -= segment.passageStart.length;
    epoch++;
  };

  const currentIdf = (): Float64Array => {
    if (idfEpoch !== epoch) {
      idf = Float64Array.from(passageCounts, (df) => (df > 0 ? Math.log(passageTotal / df) : 0));
      idfEpoch = epoch;
    }
    return idf;
  };

  const normsOf = (segment: Segment, weights: Float64Array): Float32Array => {
    if (segment.normsEpoch !== idfEpoch) {
      for (let p = 0; p < segment.norms.length; p++) {
        let sum = 0;
        for (let e = segment.first[p] ?? 0; e < (segment.first[p + 1] ?? 0); e++) {
          const weight = (segment.termWeights[e] ?? 0) * (weights[segment.termIds[e] ?? 0] ?? 0);
          sum += weight * weight;
        }
        segment.norms[p] = Math.sqrt(sum);
      }
      segment.normsEpoch = idfEpoch;
    }
    return segment.norms;
  };

  /** The passage as a result: the heaviest shared words, and a snippet marking them. */
  const describe = (segment: Segment, p: number, similarity: number): RelatedPassage => {
    const start = segment.passageStart[p] ?? 0;
    const end = segment.passageEnd[p] ?? start;
    const words = wordsIn(segment.text, start, end, segment.mentions);
    const firstWord = new Map<number, number>();
    words.terms.forEach((term, k) => {
      const id = idsByTerm.get(term);
      if (id !== undefined && !firstWord.has(id)) firstWord.set(id, k);
    });
    const shared: { id: number; weight: number; at: number }[] = [];
    for (let e = segment.first[p] ?? 0; e < (segment.first[p + 1] ?? 0); e++) {
      const id = segment.termIds[e] ?? 0;
      const weight = (queryWeights[id] ?? 0) * (segment.termWeights[e] ?? 0);
      if (weight > 0) shared.push({ id, weight, at: firstWord.get(id) ?? 0 });
    }
    // Words that weigh the same are shown in the order the passage has them.
    shared.sort((x, y) => y.weight - x.weight || x.at - y.at);
    const heaviest = shared[0]?.weight ?? 0;
    const shown = shared.filter((word) => isShownShare(word.weight, heaviest)).slice(0, SHARED_WORDS_SHOWN);
    const isShown = new Set(shown.map((word) => word.id));
    const hits: (readonly [number, number])[] = [];
    words.terms.forEach((term, k) => {
      if (isShown.has(idsByTerm.get(term) ?? -1)) hits.push([words.starts[k] ?? 0, words.ends[k] ?? 0]);
    });
    const written = (id: number): string => {
      const k = firstWord.get(id) ?? 0;
      return segment.text.slice(words.starts[k], words.ends[k]);
    };
    return {
      sourceId: segment.sourceId,
      start: charOffset(start),
      end: charOffset(end),
      similarity,
      sharedWords: shown.map((word) => written(word.id)),
      snippet: makeSnippet(segment.text, start, end, hits),
    };
  };

  return {
    addSource(sourceId, text, blocks) {
      if (segments.has(sourceId)) throw new Error(`Source ${sourceId} is already in the related-passages index; use replaceSource to read its new text.`);
      segments.set(sourceId, buildSegment(sourceId, text, blocks, nextOrder++));
    },

    replaceSource(sourceId, text, blocks) {
      const old = segments.get(sourceId);
      if (old) release(old);
      segments.set(sourceId, buildSegment(sourceId, text, blocks, old?.order ?? nextOrder++));
    },

    removeSource(sourceId) {
      const old = segments.get(sourceId);
      if (!old) return false;
      release(old);
      segments.delete(sourceId);
      return true;
    },

    hasSource: (sourceId) => segments.has(sourceId),

    setGroupTags(tags) {
      const signature = JSON.stringify(tags.map((tag) => [tag.id, tag.name, tag.aliases]));
      if (signature === groupsSignature) return;
      groupsSignature = signature;
      matcher = tags.length === 0 ? null : createMentionMatcher(tags);
      for (const old of segments.values()) {
        release(old);
        segments.set(old.sourceId, buildSegment(old.sourceId, old.text, old.blocks, old.order));
      }
    },

    related(sourceId, start, end, options = {}) {
      const own = segments.get(sourceId);
      if (!own) throw new Error(`Source ${sourceId} is not in the related-passages index.`);
      const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
      const minSimilarity = options.minSimilarity ?? DEFAULT_MIN_SIMILARITY;
      const weights = currentIdf();
      if (queryWeights.length < weights.length) queryWeights = new Float64Array(weights.length);

      const counts = new Map<number, number>();
      for (const term of wordsIn(own.text, Math.max(0, start), Math.min(end, own.text.length), own.mentions).terms) {
        const id = idsByTerm.get(term);
        // A word no indexed passage has (the selection cut a word short) weighs nothing.
        if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      let queryNorm = 0;
      for (const [id, n] of counts) {
        const weight = (1 + Math.log(n)) * (weights[id] ?? 0);
        queryNorm += weight * weight;
        // Times idf once more: a passage's entries hold only 1 + ln tf.
        queryWeights[id] = weight * (weights[id] ?? 0);
      }
      queryNorm = Math.sqrt(queryNorm);

      const found: { segment: Segment; passage: number; similarity: number }[] = [];
      const shares: number[] = [];
      const sharedWanted = Math.min(MIN_SHARED_WORDS, counts.size);
      if (queryNorm > 0 && limit > 0) {
        const ordered = [...segments.values()].sort((x, y) => x.order - y.order);
        for (const segment of ordered) {
          if (segment === own) continue;
          const norms = normsOf(segment, weights);
          for (let p = 0; p < norms.length; p++) {
            let dot = 0;
            shares.length = 0;
            for (let e = segment.first[p] ?? 0; e < (segment.first[p + 1] ?? 0); e++) {
              const weight = (queryWeights[segment.termIds[e] ?? 0] ?? 0) * (segment.termWeights[e] ?? 0);
              if (weight > 0) shares.push(weight);
              dot += weight;
            }
            if (sharedWordsShown(shares) < sharedWanted) continue;
            // Rounding can take a passage identical to the selection a hair over 1.
            const similarity = Math.min(1, dot / (queryNorm * (norms[p] ?? 1)));
            if (similarity >= minSimilarity) found.push({ segment, passage: p, similarity });
          }
        }
      }
      // Stable sort: equally similar passages stay in library and text order.
      found.sort((x, y) => y.similarity - x.similarity);
      const results = found.slice(0, limit).map((entry) => describe(entry.segment, entry.passage, entry.similarity));
      for (const id of counts.keys()) queryWeights[id] = 0;
      return results;
    },
  };
}

const isShownShare = (weight: number, heaviest: number): boolean => weight >= SHOWN_WEIGHT_SHARE * heaviest;

/**
 * How many shared words would be shown beside a passage: a passage alike only by one word, with
 * names every passage has ("Taliban") weighing next to nothing beside it, is alike by chance.
 */
function sharedWordsShown(shares: readonly number[]): number {
  const heaviest = Math.max(0, ...shares);
  return shares.filter((weight) => isShownShare(weight, heaviest)).length;
}
