import { createRoot } from 'react-dom/client';
import type { Memo } from '../../core/model/memo';
import type { ApiMethod, NotebookApi } from '../../shared/api-contract';
import { fail, ok } from '../../shared/api-result';
import { ChangeTracker } from '../changes/change-tracker';
import { ChangesContext } from '../changes/use-changes';
import { MemoEditor } from './MemoEditor';

/** What the memo editor's browser test answers: an empty library, and every save taken. */
const ANSWERS: Partial<Record<ApiMethod, unknown>> = { 'sources.list': [], 'tags.list': { families: [], tags: [] }, 'citations.resolve': [] };

/**
 * For the memo editor's browser test: the editor of `memo` over an API that records every call,
 * answering memos.save with the memo as saved.
 */
export function mountMemoEditor(root: HTMLElement, memo: Memo): { readonly calls: { method: string; input: unknown }[] } {
  const calls: { method: string; input: unknown }[] = [];
  const api = {
    call: async (method: ApiMethod, input: unknown) => {
      calls.push({ method, input });
      if (method === 'memos.save') return ok({ ...memo, ...(input as object) });
      if (method in ANSWERS) return ok(ANSWERS[method]);
      return fail('internal', `${method} is not faked`);
    },
  } as NotebookApi;
  createRoot(root).render(
    <ChangesContext.Provider value={new ChangeTracker(api)}>
      <MemoEditor api={api} memo={memo} sources={new Map()} onOpenPassage={() => undefined} />
    </ChangesContext.Provider>,
  );
  return { calls };
}
