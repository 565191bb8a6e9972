import type { SourceId } from '../../core/model/ids';
import type { Block } from '../../core/model/source';
import type { SearchOptions, SearchResult } from '../../core/search/search-types';
import type { HitRanges } from './hit-ranges';

/**
 * The messages between the services and the search worker. The worker holds the index; the
 * services tell it which text each source has now, hand it a text when it asks (it has no other
 * way to read the library), and ask it queries.
 */

/** A source as the index knows it: which text it has, and what to call it while it is not indexed. */
export interface IndexedSource {
  readonly sourceId: SourceId;
  /** Identifies the source's current text: a new key is a new text to index. */
  readonly key: string;
  readonly title: string;
  /** Characters of canonical text, to judge how long indexing it takes. */
  readonly length: number;
}

/** Search options that can cross to the worker: the hit filter travels as ranges, not as a function. */
export type WorkerSearchOptions = Omit<SearchOptions, 'filter'>;

export type ToSearchWorker =
  /** Every source of the library, in library order. */
  | { readonly type: 'sources'; readonly sources: readonly IndexedSource[] }
  /** The text of a source the worker asked for (`key` says which text it is now). */
  | { readonly type: 'text'; readonly sourceId: SourceId; readonly key: string; readonly text: string; readonly blocks: readonly Block[] }
  | { readonly type: 'text-failed'; readonly sourceId: SourceId }
  | { readonly type: 'search'; readonly id: number; readonly query: string; readonly options: WorkerSearchOptions; readonly hitRanges: HitRanges | null }
  /** Answered once every source listed is indexed (or could not be read). */
  | { readonly type: 'catch-up'; readonly id: number }
  /** Stop indexing and finish the saves under way, then answer. */
  | { readonly type: 'close'; readonly id: number };

export type FromSearchWorker =
  | { readonly type: 'want'; readonly sourceId: SourceId; readonly key: string }
  | { readonly type: 'result'; readonly id: number; readonly result: SearchResult }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  | { readonly type: 'caught-up'; readonly id: number }
  | { readonly type: 'closed'; readonly id: number };

/** What the worker is started with. */
export interface SearchWorkerData {
  /** Folder of the saved segments (`<data dir>/derived/search-index`). */
  readonly indexDir: string;
}
