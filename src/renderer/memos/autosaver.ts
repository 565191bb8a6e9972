/** Where a memo's autosave stands, as its status line says it. */
export type SaveStatus =
  | { readonly kind: 'saved' }
  /** Changes are waiting for the pause in typing, or on their way to the disk. */
  | { readonly kind: 'saving' }
  /** The last attempt failed; the changes are kept here until a retry or the next edit gets them through. */
  | { readonly kind: 'failed'; readonly reason: string };

/** Saves a value; resolves with null once it is durable, or with why it is not. */
export type SaveValue<T> = (value: T) => Promise<string | null>;

/**
 * Saves the latest of a stream of values `delayMs` after the last change, one save at a time:
 * changes made while a save is on its way go in the next one, so the newest state always wins and
 * no two saves race. `flush` saves at once (on blur, before the window closes, before an export).
 * Plain TypeScript with a subscription, so the editor reads its status through useSyncExternalStore.
 */
export class Autosaver<T> {
  #status: SaveStatus = { kind: 'saved' };
  #pending: { value: T } | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly save: SaveValue<T>,
    private readonly delayMs = 500,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly status = (): SaveStatus => this.#status;

  /** True while a change is not yet durable. */
  get dirty(): boolean {
    return this.#pending !== null || this.#inFlight !== null;
  }

  change(value: T): void {
    this.#pending = { value };
    this.#setStatus({ kind: 'saving' });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves what is pending now; resolves when everything changed so far was saved or failed. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight !== null) await this.#inFlight;
    const due = this.#pending;
    if (due === null) return;
    this.#pending = null;
    this.#setStatus({ kind: 'saving' });
    this.#inFlight = this.#send(due.value);
    try {
      await this.#inFlight;
    } finally {
      this.#inFlight = null;
    }
  }

  /** Tries the failed save again. */
  retry(): Promise<void> {
    return this.flush();
  }

  async #send(value: T): Promise<void> {
    let reason: string | null;
    try {
      reason = await this.save(value);
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (reason !== null) {
      // Kept for Retry, unless a newer change replaced it meanwhile.
      this.#pending ??= { value };
      this.#setStatus({ kind: 'failed', reason });
    } else if (this.#pending === null) {
      this.#setStatus({ kind: 'saved' });
    }
  }

  #setStatus(status: SaveStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener();
  }
}
