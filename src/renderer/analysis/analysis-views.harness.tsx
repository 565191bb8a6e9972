import { createRoot } from 'react-dom/client';
import type { ApiMethod, NotebookApi, TagSet } from '../../shared/api-contract';
import { fail, ok } from '../../shared/api-result';
import { ChangeTracker } from '../changes/change-tracker';
import { ChangesContext } from '../changes/use-changes';
import { indexTags } from '../tags/tag-index';
import { TagSetContext } from '../tags/use-tag-index';
import { CooccurrenceView } from './CooccurrenceView';
import { EvidenceMatrixView } from './EvidenceMatrixView';
import { LinkChartView } from './LinkChartView';

const VIEWS = { 'evidence-matrix': EvidenceMatrixView, cooccurrence: CooccurrenceView, 'link-chart': LinkChartView };

/**
 * For the analysis views' browser tests: a view over an API that answers each method in `answers`
 * with its value (relations.create with the relation asked for) and records every call, inside the
 * contexts the App provides.
 */
export function mountAnalysisView(root: HTMLElement, view: keyof typeof VIEWS, answers: Partial<Record<ApiMethod, unknown>>, tags: TagSet): { readonly calls: { method: string; input: unknown }[] } {
  const calls: { method: string; input: unknown }[] = [];
  const api = {
    call: async (method: ApiMethod, input: unknown) => {
      calls.push({ method, input });
      if (method in answers) return ok(answers[method]);
      if (method === 'relations.create') return ok({ id: 'new', ...(input as object), created: '', modified: '' });
      return fail('internal', `${method} is not faked`);
    },
  } as NotebookApi;
  const View = VIEWS[view];
  createRoot(root).render(
    <ChangesContext.Provider value={new ChangeTracker(api)}>
      <TagSetContext.Provider value={{ tags: { status: 'ready', value: indexTags(tags) }, retry: () => undefined }}>
        <View api={api} />
      </TagSetContext.Provider>
    </ChangesContext.Provider>,
  );
  return { calls };
}
