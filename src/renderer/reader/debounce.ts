/**
 * Calls `run` with the latest value once `delayMs` pass without a new one. `flush` runs a pending
 * call at once (e.g. before the reader switches sources, so the last position is not lost).
 */
export interface Debounced<T> {
  schedule(value: T): void;
  flush(): void;
  cancel(): void;
}

export function debounce<T>(run: (value: T) => void, delayMs: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const cancel = (): void => {
    clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  const flush = (): void => {
    const due = pending;
    cancel();
    if (due) run(due.value);
  };
  return {
    schedule(value) {
      clearTimeout(timer);
      pending = { value };
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel,
  };
}
