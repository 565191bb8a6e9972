import type { SourceId } from '../model/ids';
import { charOffset } from '../model/ids';
import type { Block } from '../model/source';
import { expandAliases } from './expand-aliases';
import { MatchBuffers, SourceMatcher } from './match-source';
import { parseQuery } from './parse-query';
import { planQuery } from './query-plan';
import { TopPassages } from './rank';
import type { PassageHit, SearchOptions, SearchResult, SourceHits } from './search-types';
import { makeSnippet } from './snippet';
import { buildSegment, releaseSegment, type SourceSegment } from './source-segment';
import { TermDictionary } from './term-dictionary';

/**
 * Full-text search over the sources of a notebook. Plain data and arithmetic only, so it runs the
 * same in the services or in a worker. Sources are searched in the order they were added (a
 * replaced source keeps its place); that order breaks ties between equal scores.
 */
export interface SearchIndex {
  /** Indexes a source; its blocks, when given, are its passages. */
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  /** Re-indexes a source that changed (or adds it); costs what indexing that source costs. */
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  /** False when the source was not indexed. */
  removeSource(sourceId: SourceId): boolean;
  hasSource(sourceId: SourceId): boolean;
  search(query: string, options?: SearchOptions): SearchResult;
  stats(): SearchIndexStats;
}

export interface SearchIndexStats {
  readonly sources: number;
  readonly passages: number;
  readonly tokens: number;
  readonly terms: number;
  /** Memory held, by part: typed arrays exactly, the dictionary roughly. */
  readonly bytes: {
    readonly postings: number;
    /** Start and length of every token (to map hits back to the text). */
    readonly tokenTable: number;
    /** Each source's list of its terms. */
    readonly termLists: number;
    readonly passages: number;
    readonly dictionary: number;
  };
}

const DEFAULT_LIMIT = 50;

export function createSearchIndex(): SearchIndex {
  const dictionary = new TermDictionary();
  const segments = new Map<SourceId, SourceSegment>();
  // A pool rather than one set, so that a filter that searches again cannot clobber a search.
  const bufferPool: MatchBuffers[] = [];
  let passageTotal = 0;
  let tokenTotal = 0;

  const count = (segment: SourceSegment, sign: 1 | -1): void => {
    passageTotal += sign * segment.passageCount;
    tokenTotal += sign * segment.tokenCount;
  };

  const index: SearchIndex = {
    addSource(sourceId, text, blocks) {
      if (segments.has(sourceId)) {
        throw new Error(`Source ${sourceId} is already in the search index; use replaceSource to index its new text.`);
      }
      const segment = buildSegment(sourceId, text, blocks, dictionary);
      segments.set(sourceId, segment);
      count(segment, 1);
    },

    replaceSource(sourceId, text, blocks) {
      const old = segments.get(sourceId);
      const segment = buildSegment(sourceId, text, blocks, dictionary);
      if (old) {
        releaseSegment(old, dictionary);
        count(old, -1);
      }
      // Map.set on a present key keeps its place in the order.
      segments.set(sourceId, segment);
      count(segment, 1);
    },

    removeSource(sourceId) {
      const old = segments.get(sourceId);
      if (!old) return false;
      releaseSegment(old, dictionary);
      count(old, -1);
      segments.delete(sourceId);
      return true;
    },

    hasSource: (sourceId) => segments.has(sourceId),

    search(query, options = {}) {
      const limit = options.limit !== undefined && Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit)) : DEFAULT_LIMIT;
      const expandOn = options.expandAliases ?? true;
      const { query: expanded, expansions } = expandAliases(
        parseQuery(query, { prefixLastWord: options.prefixLastWord ?? true }),
        options.aliasGroups ?? [],
        (groupId) => expandOn && !(options.disabledAliasGroups?.has(groupId) ?? false),
      );
      const plan = planQuery(expanded, dictionary, passageTotal);
      if (plan.matchesNothing || passageTotal === 0) return { sources: [], total: 0, expansions, warnings: plan.warnings };
      const averageLength = tokenTotal / passageTotal;

      const top = new TopPassages(limit);
      const buffers = bufferPool.pop() ?? new MatchBuffers();
      const matcher = new SourceMatcher(plan, averageLength, options.filter, buffers);
      const found: { sourceId: SourceId; order: number; hitCount: number; passageCount: number; best: number }[] = [];
      let order = -1;
      for (const segment of segments.values()) {
        order++;
        if (!matcher.match(segment)) continue;
        const { matching, scores } = matcher;
        let passageCount = 0;
        let best = -Infinity;
        for (let p = 0; p < segment.passageCount; p++) {
          if (matching[p] !== 1) continue;
          const score = scores[p] ?? 0;
          passageCount++;
          if (score > best) best = score;
          if (!top.admits(score)) continue;
          // The matcher's arrays are reused for the next source, so a passage that may be shown
          // takes its hits along now.
          top.offer({ score, sourceOrder: order, passage: p, start: segment.passageStart[p] ?? 0, segment, hits: matcher.passageHits(p) });
        }
        if (passageCount === 0) continue;
        found.push({ sourceId: segment.sourceId, order, hitCount: matcher.hitCount(), passageCount, best });
      }
      bufferPool.push(buffers);

      const chosenBySource = new Map<number, PassageHit[]>();
      for (const ranked of top.sorted()) {
        const { segment, hits, passage } = ranked;
        const start = segment.passageStart[passage] ?? 0;
        const end = segment.passageEnd[passage] ?? start;
        const list = chosenBySource.get(ranked.sourceOrder) ?? [];
        list.push({
          start: charOffset(start),
          end: charOffset(end),
          score: ranked.score,
          hits: hits.map(([from, to]) => ({ start: charOffset(from), end: charOffset(to) })),
          snippet: makeSnippet(segment.text, start, end, hits),
        });
        chosenBySource.set(ranked.sourceOrder, list);
      }

      found.sort((a, b) => b.best - a.best || a.order - b.order);
      const sources: SourceHits[] = found.map((entry) => ({
        sourceId: entry.sourceId,
        hitCount: entry.hitCount,
        passageCount: entry.passageCount,
        passages: chosenBySource.get(entry.order) ?? [],
      }));
      return { sources, total: found.reduce((sum, entry) => sum + entry.hitCount, 0), expansions, warnings: plan.warnings };
    },

    stats() {
      const bytes = { postings: 0, tokenTable: 0, termLists: 0, passages: 0, dictionary: dictionary.approximateBytes() };
      for (const segment of segments.values()) {
        bytes.postings += segment.postings.byteLength;
        // A long token costs a map entry of about 16 bytes besides its byte in tokenLength.
        bytes.tokenTable += segment.tokenStart.byteLength + segment.tokenLength.byteLength + segment.longTokens.size * 16;
        bytes.termLists += segment.termIds.byteLength + segment.occurrences.byteLength + segment.postingStart.byteLength;
        bytes.passages += segment.passageFirst.byteLength + segment.passageStart.byteLength + segment.passageEnd.byteLength;
      }
      return { sources: segments.size, passages: passageTotal, tokens: tokenTotal, terms: dictionary.size, bytes };
    },
  };
  return index;
}
