import type { HistoryState } from '../../core/notebook/history';
import type { ApiInput, ApiMethod, ApiResults, NotebookApi } from '../../shared/api-contract';
import type { ApiResult } from '../../shared/api-result';

/** Where the person's changes stand. */
export type ChangeProgress =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  /** The notebook acknowledged the last change: it is on disk. */
  | { readonly kind: 'saved' }
  /** An undo or redo was applied (or there was nothing to apply): "Undone: Delete highlight". */
  | { readonly kind: 'history'; readonly text: string };

/** A change the notebook did not take: what it was, why, and a way to try it again. */
export interface ChangeFailure {
  readonly what: string;
  readonly message: string;
  readonly retry: () => void;
}

export interface ChangesSnapshot {
  readonly progress: ChangeProgress;
  readonly failure: ChangeFailure | null;
  /** Grows with every change applied; views that show notebook data reload when it does. */
  readonly revision: number;
  readonly history: HistoryState;
  /** Grows with every update, so a view can time a transient status. */
  readonly sequence: number;
}

const NO_HISTORY: HistoryState = { undoLabel: null, redoLabel: null };

/**
 * Every change the person makes to highlights and tags goes through here, one at a time and in
 * the order made (a second tag toggled while the first is being written must not overtake it).
 * A change counts as saved only once the notebook acknowledged it, which it does once the change
 * is durable. A failed one stays reported, with its message and Retry, until retried or
 * dismissed, and nothing shows it as saved. Plain TypeScript with a subscription, so React reads
 * it through useSyncExternalStore.
 */
export class ChangeTracker {
  readonly #api: NotebookApi;
  readonly #listeners = new Set<() => void>();
  #snapshot: ChangesSnapshot = { progress: { kind: 'idle' }, failure: null, revision: 0, history: NO_HISTORY, sequence: 0 };
  #tail: Promise<unknown> = Promise.resolve();
  #waiting = 0;

  constructor(api: NotebookApi) {
    this.#api = api;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): ChangesSnapshot => this.#snapshot;

  /**
   * Applies one change. Resolves with its result once durable, or with null when it failed (the
   * snapshot's failure then says what failed and offers Retry).
   */
  save<M extends ApiMethod>(what: string, method: M, input: ApiInput<M>): Promise<ApiResults[M] | null> {
    return this.#enqueue(async () => {
      const result = await this.#call(method, input);
      if (!result.ok) {
        this.#fail(what, result.error.message, () => void this.save(what, method, input));
        return null;
      }
      const history = hasHistory(result.value) ? result.value.history : await this.#readHistory();
      this.#update({ progress: { kind: 'saved' }, revision: this.#snapshot.revision + 1, history });
      return result.value;
    });
  }

  /**
   * Asks the notebook something that changes nothing (what a picker offers), in line with the
   * changes before it so the answer reflects them; it neither shows progress nor counts as a change.
   */
  read<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiResults[M]>> {
    return this.#tail.then(() => this.#call(method, input));
  }

  undo(): Promise<void> {
    return this.#step('history.undo', 'Undone', 'Nothing to undo', 'The last change could not be undone.');
  }

  redo(): Promise<void> {
    return this.#step('history.redo', 'Redone', 'Nothing to redo', 'The change could not be redone.');
  }

  /** Reads what Undo and Redo would do now. */
  async refreshHistory(): Promise<void> {
    this.#update({ history: await this.#readHistory() });
  }

  /** The notebook changed other than by a save here (a REFI-QDA project imported): every view reads it again. */
  async changedElsewhere(): Promise<void> {
    const history = await this.#readHistory();
    this.#update({ revision: this.#snapshot.revision + 1, history });
  }

  /** Puts a failure aside once the person has read it. */
  dismiss(): void {
    if (this.#snapshot.failure) this.#update({ failure: null });
  }

  #step(method: 'history.undo' | 'history.redo', done: string, nothing: string, what: string): Promise<void> {
    return this.#enqueue(async () => {
      const result = await this.#call(method, {});
      if (!result.ok) {
        this.#fail(what, result.error.message, () => void this.#step(method, done, nothing, what));
        return;
      }
      const { applied, history } = result.value;
      const text = applied === null ? nothing : `${done}: ${applied}`;
      this.#update({ progress: { kind: 'history', text }, history, revision: this.#snapshot.revision + (applied === null ? 0 : 1) });
    });
  }

  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    this.#waiting += 1;
    this.#update({ progress: { kind: 'saving' } });
    const next = this.#tail.then(run).finally(() => {
      this.#waiting -= 1;
      // Another change still on its way keeps the status at "Saving…".
      if (this.#waiting > 0) this.#update({ progress: { kind: 'saving' } });
    });
    this.#tail = next.catch(() => undefined);
    return next;
  }

  async #call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiResults[M]>> {
    try {
      return await this.#api.call(method, input);
    } catch (error) {
      // The client turns transport failures into results; this guards against "Saving…" forever.
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  }

  async #readHistory(): Promise<HistoryState> {
    const result = await this.#call('history.state', {});
    return result.ok ? result.value : this.#snapshot.history;
  }

  #fail(what: string, message: string, again: () => void): void {
    const retry = () => {
      this.#update({ failure: null });
      again();
    };
    this.#update({ progress: { kind: 'idle' }, failure: { what, message, retry } });
  }

  #update(change: Partial<Omit<ChangesSnapshot, 'sequence'>>): void {
    this.#snapshot = { ...this.#snapshot, ...change, sequence: this.#snapshot.sequence + 1 };
    for (const listener of this.#listeners) listener();
  }
}

function hasHistory(value: unknown): value is { readonly history: HistoryState } {
  return typeof value === 'object' && value !== null && 'history' in value && 'label' in value;
}
