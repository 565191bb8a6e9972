import { Worker } from 'node:worker_threads';
import type { SourceId } from '../../core/model/ids';
import type { SearchResult } from '../../core/search/search-types';
import type { SourceSummary } from '../../shared/api-contract';
import type { SourceLibrary } from '../sources/source-library';
import type { HitRanges } from './hit-ranges';
import type { FromSearchWorker, IndexedSource, SearchWorkerData, ToSearchWorker, WorkerSearchOptions } from './search-worker-protocol';
import type { SearchWorkerScript } from './search-worker-script';

export interface SearchIndexWorkerOptions extends SearchWorkerScript {
  /** Where the worker saves the indexed sources (`<data dir>/derived/search-index`). */
  readonly indexDir: string;
}

/** The folder of saved segments, in the data folder's `derived/` (rebuilt when missing, never backed up). */
export const SEARCH_INDEX_FOLDER = 'search-index';

/**
 * A query waits for the sources not yet indexed when they hold at most this many characters (some
 * 100 ms of indexing): a source just imported or replaced is then found by the next query, while
 * a first query over a large library answers at once from what is indexed.
 */
const CATCH_UP_CHARS = 2_000_000;

/** Identifies a source's current text without reading it: its file, the text that replaced it, the converter that read it. */
export function textKey(summary: SourceSummary): string {
  return [summary.sha256, summary.format, summary.replaced?.versionHash ?? '', summary.imported?.extractorVersion ?? ''].join('|');
}

/** A segment being saved when the notebook closes gets this long to be written (else it is indexed again next time). */
const CLOSE_WAIT_MS = 3000;

interface Waiting {
  readonly resolve: (message: FromSearchWorker) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The services' side of the search worker (search-worker.ts): starts it, tells it the library's
 * sources before each query, reads for it the texts it asks for (one at a time, so the thread
 * answering API calls parses one source between two calls, never the library at once), and passes
 * queries and answers. A worker that dies is started again at the next query.
 */
export class SearchIndexWorker {
  #worker: Worker | null = null;
  #nextId = 0;
  readonly #waiting = new Map<number, Waiting>();
  /** The list last sent, as one string, to send it again only when it changed. */
  #sentSources = '';
  #lengths = new Map<SourceId, number>();
  /** The library of the latest query: a restored backup opens another one. */
  #library: SourceLibrary | null = null;
  #closed = false;

  constructor(private readonly options: SearchIndexWorkerOptions) {}

  /** Starts the worker and has it load (or build) the index of `library` now, ahead of the first query. */
  start(library: SourceLibrary): void {
    void this.#sync(library).catch(() => undefined);
  }

  /** Searches every indexed source; waits for the rest only when little is left to index (see CATCH_UP_CHARS). */
  async search(library: SourceLibrary, query: string, options: WorkerSearchOptions, hitRanges: HitRanges | null): Promise<SearchResult> {
    await this.#sync(library);
    const message: Omit<Extract<ToSearchWorker, { type: 'search' }>, 'id'> = { type: 'search', query, options, hitRanges };
    let result = await this.#ask(message);
    const left = (result.pending ?? []).reduce((sum, source) => sum + (this.#lengths.get(source.sourceId) ?? Infinity), 0);
    if (left > 0 && left <= CATCH_UP_CHARS) {
      await this.#request({ type: 'catch-up' });
      result = await this.#ask(message);
    }
    return result;
  }

  /** Lets the worker finish the saves under way (for at most CLOSE_WAIT_MS), then ends it. */
  async close(): Promise<void> {
    const worker = this.#closed ? null : this.#worker;
    this.#closed = true;
    if (worker === null) return;
    let timer: NodeJS.Timeout | undefined;
    const id = this.#nextId++;
    const saved = new Promise<void>((resolve) => {
      this.#waiting.set(id, { resolve: () => resolve(), reject: () => resolve() });
      timer = setTimeout(resolve, CLOSE_WAIT_MS);
    });
    worker.postMessage({ type: 'close', id } satisfies ToSearchWorker);
    await saved;
    clearTimeout(timer);
    this.#worker = null;
    await worker.terminate();
  }

  async #ask(message: Omit<Extract<ToSearchWorker, { type: 'search' }>, 'id'>): Promise<SearchResult> {
    const reply = await this.#request(message);
    if (reply.type === 'failed') throw new Error(`The search worker failed: ${reply.message}`);
    if (reply.type !== 'result') throw new Error(`The search worker answered a query with “${reply.type}”.`);
    return reply.result;
  }

  async #sync(library: SourceLibrary): Promise<void> {
    this.#library = library;
    const summaries = await library.list();
    const sources: IndexedSource[] = summaries.map((summary) => ({ sourceId: summary.id, key: textKey(summary), title: summary.title, length: summary.length }));
    this.#lengths = new Map(sources.map((source) => [source.sourceId, source.length]));
    const worker = this.#started();
    const signature = JSON.stringify(sources.map((source) => [source.sourceId, source.key]));
    if (signature === this.#sentSources) return;
    this.#sentSources = signature;
    worker.postMessage({ type: 'sources', sources } satisfies ToSearchWorker);
  }

  #request(message: Omit<Extract<ToSearchWorker, { type: 'search' }>, 'id'> | { readonly type: 'catch-up' }): Promise<FromSearchWorker> {
    const worker = this.#started();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } satisfies ToSearchWorker);
    });
  }

  #started(): Worker {
    if (this.#closed) throw new Error('The notebook is closed; its search index is no longer available.');
    if (this.#worker) return this.#worker;
    const { script, eval: isCode, indexDir } = this.options;
    const worker = new Worker(script, { workerData: { indexDir } satisfies SearchWorkerData, eval: isCode === true });
    // The worker never keeps the process alive on its own: close() ends it, and so does the process's end.
    worker.unref();
    worker.on('message', (message: FromSearchWorker) => this.#received(worker, message));
    const lost = (reason: string): void => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#sentSources = '';
      const waiting = [...this.#waiting.values()];
      this.#waiting.clear();
      for (const { reject } of waiting) reject(new Error(`The search worker stopped (${reason}); search again to restart it.`));
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.#worker = worker;
    return worker;
  }

  #received(worker: Worker, message: FromSearchWorker): void {
    if (message.type === 'want') {
      void this.#provide(worker, message.sourceId);
      return;
    }
    const waiting = this.#waiting.get(message.id);
    if (waiting === undefined) return;
    this.#waiting.delete(message.id);
    waiting.resolve(message);
  }

  /** Reads a source for the worker; it is always answered, so that it never waits for nothing. */
  async #provide(worker: Worker, sourceId: SourceId): Promise<void> {
    let message: ToSearchWorker;
    try {
      if (this.#library === null) throw new Error('No library yet.');
      const source = await this.#library.get(sourceId);
      message = { type: 'text', sourceId, key: textKey(source.meta), text: source.text, blocks: source.blocks };
    } catch {
      // Removed meanwhile, or its file unreadable: the reader says why when it is opened.
      message = { type: 'text-failed', sourceId };
    }
    if (this.#worker === worker) worker.postMessage(message);
  }
}
