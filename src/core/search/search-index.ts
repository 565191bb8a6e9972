import type { SourceId } from '../model/ids';
import { charOffset } from '../model/ids';
import type { Block } from '../model/source';
import { cappedWarning, listPage, PassageList, type ListingPage } from './arrange-results';
import { expandAliases } from './expand-aliases';
import { MatchBuffers, SourceMatcher } from './match-source';
import { parseQuery } from './parse-query';
import { planQuery } from './query-plan';
import { PASSAGE_ROLES } from './passage-role';
import { TopPassages, type RankedPassage } from './rank';
import type { PassageHit, PassageRole, SearchOptions, SearchResult, SearchWarning, SourceHits } from './search-types';
import { makeSnippet } from './snippet';
import { indexText, type SegmentData } from './segment-data';
import { attachSegment, buildSegment, releaseSegment, type SourceSegment } from './source-segment';
import { TermDictionary } from './term-dictionary';

/**
 * Full-text search over the sources of a notebook. Plain data and arithmetic only, so it runs the
 * same in the services or in a worker. Sources are ranked in the order they were added (a replaced
 * source keeps its place), or the order setSourceOrder gives; that order breaks ties between equal
 * scores.
 */
export interface SearchIndex {
  /** Indexes a source; its blocks, when given, are its passages. */
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  /** Re-indexes a source that changed (or adds it); costs what indexing that source costs. */
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  /** Adds a source indexed elsewhere (in another thread, or saved on disk), or puts it in place of the source's old text. */
  putSegment(sourceId: SourceId, data: SegmentData): void;
  /** False when the source was not indexed. */
  removeSource(sourceId: SourceId): boolean;
  /**
   * The library's order of the sources, which breaks ties between equal scores; sources it does
   * not list come after, in the order they were added. Without it, the order they were added.
   */
  setSourceOrder(sourceIds: readonly SourceId[]): void;
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

const roleOf = (segment: SourceSegment, passage: number): PassageRole => PASSAGE_ROLES[segment.passageRoles[passage] ?? 0] ?? 'body';

/** A source with a matching passage, as the search loop found it. */
interface Found {
  readonly sourceId: SourceId;
  readonly segment: SourceSegment;
  /** Its place in the library's order. */
  readonly order: number;
  readonly hitCount: number;
  readonly passageCount: number;
  /** Score of its best passage. */
  readonly best: number;
}

const byBestPassage = (a: Found, b: Found): number => b.best - a.best || a.order - b.order;

const sourceHits = (entry: Found, passages: readonly PassageHit[]): SourceHits => ({
  sourceId: entry.sourceId,
  hitCount: entry.hitCount,
  passageCount: entry.passageCount,
  passages,
});

/**
 * The sources of a search in listing order (arrange-results.ts), with the passages of the page:
 * only those are given hits (by matching their source again) and snippets.
 */
function listedSources(list: PassageList, found: readonly Found[], matcher: SourceMatcher, page: ListingPage, warnings: SearchWarning[]): SourceHits[] {
  const rank = new Uint32Array(found.length);
  found
    .map((_, s) => s)
    .sort((a, b) => byBestPassage(found[a] as Found, found[b] as Found))
    .forEach((s, at) => (rank[s] = at));
  const arranged = listPage(
    list,
    found.map((entry) => entry.order),
    rank,
    page,
  );
  const capped = cappedWarning(arranged.listed, found.reduce((sum, entry) => sum + entry.passageCount, 0));
  if (capped) warnings.push(capped);
  return arranged.sources.map((s) => {
    const entry = found[s] as Found;
    const entries = arranged.chosen.get(s) ?? [];
    if (entries.length === 0 || !matcher.match(entry.segment)) return sourceHits(entry, []);
    return sourceHits(
      entry,
      entries.map((e) => {
        const passage = list.passage[e] ?? 0;
        return passageHit({ score: list.score[e] ?? 0, sourceOrder: entry.order, segment: entry.segment, passage, start: list.start[e] ?? 0, hits: matcher.passageHits(passage) });
      }),
    );
  });
}

/** A passage as a result lists it, with its snippet. */
function passageHit(ranked: RankedPassage): PassageHit {
  const { segment, hits, passage } = ranked;
  const start = segment.passageStart[passage] ?? 0;
  const end = segment.passageEnd[passage] ?? start;
  return {
    start: charOffset(start),
    end: charOffset(end),
    score: ranked.score,
    role: roleOf(segment, passage),
    hits: hits.map(([from, to]) => ({ start: charOffset(from), end: charOffset(to) })),
    snippet: makeSnippet(segment.text, start, end, hits),
  };
}

export function createSearchIndex(): SearchIndex {
  const dictionary = new TermDictionary();
  const segments = new Map<SourceId, SourceSegment>();
  // A pool rather than one set, so that a filter that searches again cannot clobber a search.
  const bufferPool: MatchBuffers[] = [];
  const listPool: PassageList[] = [];
  let passageTotal = 0;
  let tokenTotal = 0;
  let rankOf = new Map<SourceId, number>();

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
      index.putSegment(sourceId, indexText(text, blocks));
    },

    putSegment(sourceId, data) {
      const old = segments.get(sourceId);
      const segment = attachSegment(sourceId, data, dictionary);
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

    setSourceOrder(sourceIds) {
      rankOf = new Map(sourceIds.map((sourceId, rank) => [sourceId, rank]));
    },

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

      // Listing ranks every matching passage before choosing the page, so it keeps their scores
      // only (in typed arrays); the hits of the page's passages are found again afterwards.
      const listing = options.page !== undefined;
      const top = new TopPassages(listing ? 0 : limit);
      const list = listing ? (listPool.pop() ?? new PassageList()) : null;
      list?.clear();
      const buffers = bufferPool.pop() ?? new MatchBuffers();
      const matcher = new SourceMatcher(plan, averageLength, options.filter, buffers);
      const found: Found[] = [];
      let added = -1;
      for (const segment of segments.values()) {
        added++;
        const order = rankOf.get(segment.sourceId) ?? rankOf.size + added;
        if (!matcher.match(segment)) continue;
        const { matching, scores, touched } = matcher;
        const roles = segment.passageRoles;
        let passageCount = 0;
        let best = -Infinity;
        for (let t = 0; t < matcher.touchedPassages; t++) {
          const p = touched[t] ?? 0;
          if (matching[p] !== 1) continue;
          const score = scores[p] ?? 0;
          passageCount++;
          if (score > best) best = score;
          if (list) {
            list.add(score, segment.passageStart[p] ?? 0, p, (roles[p] ?? 0) !== 0);
            continue;
          }
          if (!top.admits(score)) continue;
          // The matcher's arrays are reused for the next source, so a passage that may be shown
          // takes its hits along now.
          top.offer({ score, sourceOrder: order, passage: p, start: segment.passageStart[p] ?? 0, segment, hits: matcher.passageHits(p) });
        }
        if (passageCount === 0) continue;
        list?.closeSource();
        found.push({ sourceId: segment.sourceId, segment, order, hitCount: matcher.hitCount(), passageCount, best });
      }

      const warnings: SearchWarning[] = [...plan.warnings];
      const total = found.reduce((sum, entry) => sum + entry.hitCount, 0);
      let sources: SourceHits[];
      if (list) {
        sources = listedSources(list, found, matcher, { limit, ...(options.page?.offset === undefined ? {} : { offset: options.page.offset }) }, warnings);
        listPool.push(list);
      } else {
        const chosenBySource = new Map<number, PassageHit[]>();
        for (const passage of top.sorted()) {
          const chosen = chosenBySource.get(passage.sourceOrder) ?? [];
          chosen.push(passageHit(passage));
          chosenBySource.set(passage.sourceOrder, chosen);
        }
        found.sort(byBestPassage);
        sources = found.map((entry) => sourceHits(entry, chosenBySource.get(entry.order) ?? []));
      }
      bufferPool.push(buffers);
      return { sources, total, expansions, warnings };
    },

    stats() {
      const bytes = { postings: 0, tokenTable: 0, termLists: 0, passages: 0, dictionary: dictionary.approximateBytes() };
      for (const segment of segments.values()) {
        bytes.postings += segment.postings.byteLength;
        // A long token costs a map entry of about 16 bytes besides its byte in tokenLength.
        bytes.tokenTable += segment.tokenStart.byteLength + segment.tokenLength.byteLength + segment.longTokens.size * 16;
        bytes.termLists += segment.termIds.byteLength + segment.occurrences.byteLength + segment.passageCounts.byteLength + segment.postingStart.byteLength;
        bytes.passages += segment.passageFirst.byteLength + segment.passageStart.byteLength + segment.passageEnd.byteLength;
      }
      return { sources: segments.size, passages: passageTotal, tokens: tokenTotal, terms: dictionary.size, bytes };
    },
  };
  return index;
}
