import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { PassageHit, SearchResult } from '../../core/search/search-types';
import type { ApiInput, NotebookApi } from '../../shared/api-contract';
import type { ApiError } from '../../shared/api-result';
import { searchInput, type SearchRequest } from './search-request';

/** Passages asked for at a time: a screenful or three, and the most the API gives at once is 500. */
export const PAGE_SIZE = 50;
const MAX_PAGE = 500;
/** Typing settles for this long before the query is sent. */
const TYPING_DELAY_MS = 120;

export interface SearchPages {
  readonly status: 'idle' | 'searching' | 'done' | 'failed';
  /** The latest answer: every source in listing order with its counts, the total, expansions, warnings. */
  readonly result: SearchResult | null;
  /** The passages loaded so far, by source, in listing order. */
  readonly passages: ReadonlyMap<SourceId, readonly PassageHit[]>;
  readonly loaded: number;
  /** Passages matching, over every source. */
  readonly matching: number;
  readonly loadingMore: boolean;
  readonly error: ApiError | null;
  /** Asks for the next page (nothing when all are loaded or one is on its way). */
  loadMore(): void;
  retry(): void;
}

interface Loaded {
  readonly input: string;
  readonly pages: readonly SearchResult[];
}

const countPassages = (pages: readonly SearchResult[]): number => pages.reduce((n, page) => n + page.sources.reduce((m, source) => m + source.passages.length, 0), 0);

/**
 * Every result of a search, a page at a time, source by source (search.query with an offset).
 * A new request starts again from the first page; `refreshKey` changing (a highlight made, a tag
 * renamed) asks again for as many passages as were loaded, so the list does not shrink under the
 * person reading it.
 */
export function useSearchPages(api: NotebookApi, request: SearchRequest, refreshKey: unknown): SearchPages {
  const input = JSON.stringify(searchInput(request));
  const blank = request.query.trim() === '';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [status, setStatus] = useState<SearchPages['status']>('idle');
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  const inputRef = useRef(input);
  inputRef.current = input;

  const ask = useCallback(
    (offset: number, limit: number) => api.call('search.query', { ...(JSON.parse(input) as ApiInput<'search.query'>), offset, limit }),
    [api, input],
  );

  useEffect(() => {
    if (blank) {
      setLoaded(null);
      setStatus('idle');
      return;
    }
    let current = true;
    setStatus('searching');
    const before = loadedRef.current;
    const keep = before !== null && before.input === input ? countPassages(before.pages) : 0;
    const timer = setTimeout(() => {
      void ask(0, Math.min(MAX_PAGE, Math.max(PAGE_SIZE, keep))).then((answer) => {
        if (!current) return;
        setLoadingMore(false);
        if (!answer.ok) {
          setStatus('failed');
          setError(answer.error);
          return;
        }
        setError(null);
        setStatus('done');
        setLoaded({ input, pages: [answer.value] });
      });
    }, TYPING_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [ask, input, blank, refreshKey, attempt]);

  const matching = loaded?.pages[0]?.sources.reduce((n, source) => n + source.passageCount, 0) ?? 0;
  const count = loaded === null ? 0 : countPassages(loaded.pages);

  const loadMore = useCallback(() => {
    const from = loadedRef.current;
    if (from === null || loadingMore || countPassages(from.pages) >= matching) return;
    setLoadingMore(true);
    void ask(countPassages(from.pages), PAGE_SIZE).then((answer) => {
      setLoadingMore(false);
      // An answer to a request the person has moved on from is dropped.
      if (inputRef.current !== from.input || loadedRef.current !== from) return;
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setLoaded({ input: from.input, pages: [...from.pages, answer.value] });
    });
  }, [ask, loadingMore, matching]);

  const passages = useMemo(() => {
    const bySource = new Map<SourceId, PassageHit[]>();
    for (const page of loaded?.pages ?? []) {
      for (const source of page.sources) {
        if (source.passages.length === 0) continue;
        bySource.set(source.sourceId, [...(bySource.get(source.sourceId) ?? []), ...source.passages]);
      }
    }
    return bySource;
  }, [loaded]);

  const result = loaded?.pages[loaded.pages.length - 1] ?? null;
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { status, result, passages, loaded: count, matching, loadingMore, error, loadMore, retry };
}
