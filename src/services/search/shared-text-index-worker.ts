import { Worker } from 'node:worker_threads';
import type { Tag } from '../../core/model/highlight';
import type { SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { RelatedOptions, RelatedPassage } from '../../core/related/related-types';
import type { SharedTextPair } from '../../core/shared-text/shared-text-types';
import type { SourceLibrary } from '../sources/source-library';
import { textKey } from './search-index-worker';
import type { FromSharedTextWorker, ListedSource, SharedTextAnswers, SharedTextQuestion, ToSharedTextWorker } from './shared-text-worker-protocol';
import type { SharedTextWorkerScript } from './shared-text-worker-script';

interface Waiting {
  readonly resolve: (message: FromSharedTextWorker) => void;
  readonly reject: (error: Error) => void;
}

/**
 * The services' side of the shared-text worker (shared-text-worker.ts): starts it, asks it
 * questions over the library's sources as they are now, and reads for it the texts it asks for,
 * one at a time (so the thread answering API calls reads one source between two calls, never the
 * library at once). Questions go one at a time, so that a text that cannot be read is blamed on
 * the question it was read for, with the library's own error (a source not found, a file
 * unreadable). A worker that dies is started again at the next question.
 */
export class SharedTextIndexWorker {
  #worker: Worker | null = null;
  #nextId = 0;
  readonly #waiting = new Map<number, Waiting>();
  #library: SourceLibrary | null = null;
  /** Why the latest text asked for could not be read. */
  #readError: unknown = null;
  #turn: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(private readonly options: SharedTextWorkerScript) {}

  /** The library's twins, or (with sourceId) the pairs of that source with those sharing a passage with it. */
  twins(library: SourceLibrary, sourceId: SourceId | null): Promise<SharedTextPair[]> {
    return this.#ask(library, { type: 'twins', sourceId });
  }

  /** Where `range` of source `from` is in source `to`, or null when its words are not there. */
  twinRange(library: SourceLibrary, from: SourceId, to: SourceId, range: TextRange): Promise<TextRange | null> {
    return this.#ask(library, { type: 'twin-range', from, to, range });
  }

  /** Passages of the other sources most like text [start, end) of `sourceId`, group tags counting as one word each. */
  related(library: SourceLibrary, groupTags: readonly Tag[], sourceId: SourceId, start: number, end: number, options: RelatedOptions): Promise<RelatedPassage[]> {
    return this.#ask(library, { type: 'related', sourceId, start, end, options, groupTags });
  }

  /** Ends the worker; questions still waiting fail. */
  async close(): Promise<void> {
    const worker = this.#closed ? null : this.#worker;
    this.#closed = true;
    this.#worker = null;
    this.#rejectAll('the notebook was closed');
    if (worker !== null) await worker.terminate();
  }

  #ask<T extends SharedTextQuestion['type']>(library: SourceLibrary, question: Extract<SharedTextQuestion, { type: T }>): Promise<SharedTextAnswers[T]> {
    const run = this.#turn.then(
      () => this.#askNow(library, question),
      () => this.#askNow(library, question),
    );
    this.#turn = run.catch(() => undefined);
    return run;
  }

  async #askNow<T extends SharedTextQuestion['type']>(library: SourceLibrary, question: Extract<SharedTextQuestion, { type: T }>): Promise<SharedTextAnswers[T]> {
    this.#library = library;
    this.#readError = null;
    // The summaries say which text each source has, without reading any text.
    const sources: ListedSource[] = (await library.list()).map((summary) => ({ sourceId: summary.id, key: textKey(summary) }));
    const worker = this.#started();
    const id = this.#nextId++;
    const reply = await new Promise<FromSharedTextWorker>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ ...question, id, sources } satisfies ToSharedTextWorker);
    });
    if (reply.type === 'failed') {
      if (reply.unreadable && this.#readError !== null) throw this.#readError;
      throw new Error(`The shared-text worker failed: ${reply.message}`);
    }
    if (reply.type !== 'answer') throw new Error(`The shared-text worker answered a question with “${reply.type}”.`);
    // The worker answers each question with the answer of its kind (see shared-text-worker.ts).
    return reply.answer as SharedTextAnswers[T];
  }

  #started(): Worker {
    if (this.#closed) throw new Error('The notebook is closed; its shared-text index is no longer available.');
    if (this.#worker) return this.#worker;
    const { script, eval: isCode } = this.options;
    const worker = new Worker(script, { eval: isCode === true });
    // The worker never keeps the process alive on its own: close() ends it, and so does the process's end.
    worker.unref();
    worker.on('message', (message: FromSharedTextWorker) => this.#received(worker, message));
    const lost = (reason: string): void => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#rejectAll(`it stopped (${reason}); ask again to restart it`);
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    this.#worker = worker;
    return worker;
  }

  #rejectAll(reason: string): void {
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const { reject } of waiting) reject(new Error(`The shared-text worker did not answer: ${reason}.`));
  }

  #received(worker: Worker, message: FromSharedTextWorker): void {
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
    let message: ToSharedTextWorker;
    try {
      if (this.#library === null) throw new Error('No library yet.');
      const source = await this.#library.get(sourceId);
      message = { type: 'text', sourceId, text: source.text, blocks: source.blocks };
    } catch (error) {
      this.#readError = error;
      message = { type: 'text-failed', sourceId };
    }
    if (this.#worker === worker) worker.postMessage(message);
  }
}
