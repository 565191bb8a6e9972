import type { Brand } from '../model/brand';
import type { CharOffset, SourceId } from '../model/ids';
import type { TextRange } from '../model/source';

/** Offset into a snippet's text (not into the source: add snippet.start for that). */
export type SnippetOffset = Brand<number, 'SnippetOffset'>;

/** Names that stand for the same thing, e.g. a group tag's name and its aliases. */
export interface AliasGroup {
  /** Chosen by the caller (e.g. the group tag's id); used to switch the group off. */
  readonly id: string;
  readonly aliases: readonly string[];
}

/** A part of the query that named an alias of a group. */
export interface AliasExpansion {
  readonly groupId: string;
  /** The query text that matched, as typed. */
  readonly matched: string;
  /** Every alias of the group; when applied, all of them were searched for. */
  readonly aliases: readonly string[];
  /** False when the group was switched off (expandAliases: false or disabledAliasGroups). */
  readonly applied: boolean;
}

export type SearchWarningCode =
  | 'unclosed-quote'
  | 'empty-phrase'
  | 'dangling-or'
  | 'dangling-and'
  | 'dangling-not'
  | 'no-letters'
  | 'only-exclusions'
  | 'prefix-capped'
  | 'query-truncated'
  | 'results-capped';

export interface SearchWarning {
  readonly code: SearchWarningCode;
  /** A sentence for the person searching. */
  readonly message: string;
}

/**
 * Decides whether a hit counts, e.g. only inside highlighted passages or passages of a tag.
 * Called once per hit, with its range in the canonical text of the source. Exclusions (-word)
 * apply whatever the filter says.
 */
export type HitFilter = (sourceId: SourceId, start: CharOffset, end: CharOffset) => boolean;

export interface SearchOptions {
  /** Most passages returned with snippets, best first (default 50). Counts cover every hit. */
  readonly limit?: number;
  readonly filter?: HitFilter;
  readonly aliasGroups?: readonly AliasGroup[];
  /** False: search only what was typed (default true). */
  readonly expandAliases?: boolean;
  /** Ids of alias groups not to expand. */
  readonly disabledAliasGroups?: ReadonlySet<string>;
  /**
   * Search-as-you-type: the last word of the query also matches words that start with it, when
   * the query does not end in a space and the word has at least 3 letters (default true).
   */
  readonly prefixLastWord?: boolean;
  /**
   * Present: the passages are listed as a results view pages them (arrange-results.ts): sources
   * by relevance, body text before the apparatus, `limit` passages from `offset` (or the best
   * `limit` overall when it is absent), out of the best MAX_LISTED_PASSAGES. Absent: the best
   * `limit` passages by score.
   */
  readonly page?: { readonly offset?: number };
}

export interface Snippet {
  /** A piece of the passage's text, cut at word boundaries, around the best cluster of hits. */
  readonly text: string;
  /** Where `text` starts in the source's canonical text. */
  readonly start: CharOffset;
  /** Hit ranges [start, end) within `text`. */
  readonly highlights: readonly (readonly [SnippetOffset, SnippetOffset])[];
  /** Whether the passage goes on before / after the snippet (for an ellipsis). */
  readonly clippedStart: boolean;
  readonly clippedEnd: boolean;
}

/**
 * Where in its source a passage is: body text, or the apparatus around it (a table of contents,
 * notes, a reference list, the links an aggregator appends to a capture), listed after body text.
 */
export type PassageRole = 'body' | 'contents' | 'notes' | 'references' | 'links';

export interface PassageHit {
  /** The passage's range in the canonical text. */
  readonly start: CharOffset;
  readonly end: CharOffset;
  readonly score: number;
  /** Absent: not looked up (taken as body text). */
  readonly role?: PassageRole;
  /** Every hit of the passage, in the canonical text. */
  readonly hits: readonly TextRange[];
  readonly snippet: Snippet;
}

export interface SourceHits {
  readonly sourceId: SourceId;
  /** Hits in this source (overlapping hits of one passage count once). */
  readonly hitCount: number;
  /** Passages of this source that match. */
  readonly passageCount: number;
  /** This source's passages among the best `limit`, best first. */
  readonly passages: readonly PassageHit[];
}

export interface SearchResult {
  /** Every source with a hit, the one with the best passage first. */
  readonly sources: readonly SourceHits[];
  /** Hits over all sources. */
  readonly total: number;
  readonly expansions: readonly AliasExpansion[];
  readonly warnings: readonly SearchWarning[];
  /**
   * Sources not indexed yet (the index is still being built, e.g. just after start or an import),
   * so not searched: the result covers the others. Absent once every source is indexed.
   */
  readonly pending?: readonly PendingSource[];
}

/** A source the search index has not taken in yet. */
export interface PendingSource {
  readonly sourceId: SourceId;
  readonly title: string;
}
