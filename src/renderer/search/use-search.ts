import { useEffect, useState } from 'react';
import type { TagId } from '../../core/model/ids';
import type { SearchResult } from '../../core/search/search-types';
import type { NotebookApi } from '../../shared/api-contract';
import type { ApiError } from '../../shared/api-result';
import type { GradeFilter } from '../../core/model/grade-filter';

/** What the person asked for in the search panel. */
export interface SearchRequest {
  readonly query: string;
  readonly expandAliases: boolean;
  readonly disabledGroups: readonly TagId[];
  readonly highlightedOnly: boolean;
  readonly tagId: TagId | null;
  /** Only passages graded this well (see GradeFilter); any when both halves are null. */
  readonly grade: GradeFilter;
}

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
  const { query, expandAliases, disabledGroups, highlightedOnly, tagId } = request;
  const { maxCredibility, minReliability } = request.grade;
  const groupsKey = disabledGroups.join('\u0000');

  useEffect(() => {
    if (query.trim() === '') {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState((before) => ({ status: 'searching', previous: before.status === 'done' ? before.result : before.status === 'searching' ? before.previous : null }));
    const timer = setTimeout(() => {
      const filter = {
        ...(tagId !== null ? { tagId } : highlightedOnly ? { highlighted: true } : {}),
        ...(maxCredibility !== null ? { maxCredibility } : {}),
        ...(minReliability !== null ? { minReliability } : {}),
      };
      void api
        .call('search.query', { query, expandAliases, disabledGroups: groupsKey === '' ? [] : groupsKey.split('\u0000'), ...(Object.keys(filter).length > 0 ? { filter } : {}) })
        .then((result) => {
          if (current) setState(result.ok ? { status: 'done', result: result.value } : { status: 'failed', error: result.error });
        });
    }, TYPING_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, expandAliases, groupsKey, highlightedOnly, tagId, maxCredibility, minReliability, refreshKey]);

  return state;
}
