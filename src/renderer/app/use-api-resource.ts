import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiResult } from '../../shared/api-result';

/** Something the renderer asked the notebook for: on its way, there, or failed with a message. */
export type Resource<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly error: ApiError };

/**
 * Runs `load` whenever it changes (callers memoise it on what it depends on), on `retry`, and
 * when `refreshKey` changes. A new `load` starts from "loading"; a refresh keeps showing the value
 * it has until the new one arrives, so a view does not blink each time the notebook changes.
 * A result that arrives after `load` changed is dropped, so a slow answer for a source the person
 * has left never replaces the one they are looking at.
 */
export function useApiResource<T>(
  load: () => Promise<ApiResult<T>>,
  refreshKey: unknown = null,
): { readonly resource: Resource<T>; readonly retry: () => void } {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loaded = useRef<(() => Promise<ApiResult<T>>) | null>(null);

  useEffect(() => {
    let current = true;
    if (loaded.current !== load) setResource({ status: 'loading' });
    loaded.current = load;
    load().then(
      (result) => {
        if (current) setResource(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
      },
      (error: unknown) => {
        // The client turns transport failures into ApiResults; this is the last guard against a blank page.
        const message = error instanceof Error ? error.message : String(error);
        if (current) setResource({ status: 'failed', error: { code: 'internal', message: `Notebook could not answer: ${message}` } });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt, refreshKey]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { resource, retry };
}
