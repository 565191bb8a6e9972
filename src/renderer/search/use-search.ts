import { useEffect, useState } from 'react';
import type { SearchResult } from '../../core/search/search-types';
import type { ApiInput, NotebookApi } from '../../shared/api-contract';
import type { ApiError } from '../../shared/api-result';
import { searchInput, type SearchRequest } from './search-request';

export type { SearchRequest } from './search-request';

export type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly previous: SearchResult | null }
  | { readonly status: 'done'; readonly result: SearchResult }
  | { readonly status: 'failed'; readonly error: ApiError };

/** Typing settles for this long before the query is sent. */
const TYPING_DELAY_MS = 120;

/**
 * Search as you type: the request is sent once typing pauses, and an answer to an older request
 * is dropped, so the results always belong to what the box says now. `refreshKey` changing (a
 * highlight made, a tag renamed) searches again.
 */
export function useSearch(api: NotebookApi, request: SearchRequest, refreshKey: unknown): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  // The request as a value that changes only when what is asked changes.
  const input = JSON.stringify(searchInput(request));
  const blank = request.query.trim() === '';

  useEffect(() => {
    if (blank) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((before) => ({ status: 'searching', previous: before.status === 'done' ? before.result : before.status === 'searching' ? before.previous : null }));
    const timer = setTimeout(() => {
      void api.call('search.query', JSON.parse(input) as ApiInput<'search.query'>).then((result) => {
        if (current) setState(result.ok ? { status: 'done', result: result.value } : { status: 'failed', error: result.error });
      });
    }, TYPING_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, input, blank, refreshKey]);

  return state;
}
