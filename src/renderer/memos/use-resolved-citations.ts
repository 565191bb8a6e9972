import { useEffect, useState } from 'react';
import type { HighlightId } from '../../core/model/ids';
import type { NotebookApi, ResolvedCitation } from '../../shared/api-contract';

export interface ResolvedCitations {
  readonly resolved: ReadonlyMap<HighlightId, ResolvedCitation>;
  /** Why the citations could not be checked just now; they show their last known quotes meanwhile. */
  readonly problem: string | null;
}

/**
 * Where each cited passage stands, asked again whenever the set of cited highlights changes or the
 * notebook's highlights do (`revision`), so a citation always shows its highlight as it is.
 */
export function useResolvedCitations(api: NotebookApi, highlightIds: readonly HighlightId[], revision: number): ResolvedCitations {
  const [state, setState] = useState<ResolvedCitations>({ resolved: new Map(), problem: null });
  const key = [...new Set(highlightIds)].sort().join('\n');

  useEffect(() => {
    let current = true;
    const ids = key === '' ? [] : (key.split('\n') as HighlightId[]);
    if (ids.length === 0) {
      setState({ resolved: new Map(), problem: null });
      return;
    }
    void api.call('citations.resolve', { highlightIds: ids }).then((result) => {
      if (!current) return;
      if (result.ok) setState({ resolved: new Map(result.value.map((r) => [r.highlightId, r])), problem: null });
      else setState((before) => ({ resolved: before.resolved, problem: result.error.message }));
    });
    return () => {
      current = false;
    };
  }, [api, key, revision]);

  return state;
}
