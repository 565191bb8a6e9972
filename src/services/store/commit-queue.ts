/** A pure change: returns the next state without touching the current one (or throws to refuse). */
export type Change<T> = (current: T) => T;

interface Waiting<T> {
  readonly change: Change<T>;
  readonly resolve: (state: T) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Serialises the writes of one store file and acknowledges each change only once it is durable.
 *
 * Changes that arrive while a write is in flight wait, and all of them go out together in the
 * next write (group commit): every caller is answered when the write that holds its change, built
 * on everything acknowledged before it, is durable. Each batch is rebuilt from the last durable
 * state, so a failed write takes only its own changes with it and the next one retries cleanly:
 * a change whose caller was told it failed never reaches the disk later.
 */
export class CommitQueue<T> {
  #committed: T;
  #waiting: Waiting<T>[] = [];
  #draining: Promise<void> | null = null;

  constructor(
    initial: T,
    private readonly persist: (state: T) => Promise<void>,
  ) {
    this.#committed = initial;
  }

  /** The last durable state. */
  get committed(): T {
    return this.#committed;
  }

  /** Resolves with the durable state that includes `change`; rejects if the change throws or the write fails. */
  update(change: Change<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ change, resolve, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Resolves when every change queued so far has been written or refused. */
  async settled(): Promise<void> {
    await this.#draining;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#waiting.length > 0) await this.#commit(this.#waiting.splice(0));
    } finally {
      this.#draining = null;
    }
  }

  async #commit(batch: readonly Waiting<T>[]): Promise<void> {
    let draft = this.#committed;
    const applied: Waiting<T>[] = [];
    for (const waiting of batch) {
      try {
        draft = waiting.change(draft);
        applied.push(waiting);
      } catch (error) {
        waiting.reject(error);
      }
    }
    if (applied.length === 0) return;
    // Changes that leave the state as it is (e.g. restoring what is already there) need no write.
    if (draft === this.#committed) {
      for (const waiting of applied) waiting.resolve(draft);
      return;
    }
    try {
      await this.persist(draft);
    } catch (error) {
      for (const waiting of applied) waiting.reject(error);
      return;
    }
    this.#committed = draft;
    for (const waiting of applied) waiting.resolve(draft);
  }
}
