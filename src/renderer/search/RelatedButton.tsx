import type { SelectedPassage } from '../app/passage-actions';
import { useWorkspace } from '../panes/workspace-context';

/** In the selection toolbar: the passages of other sources like the one selected. */
export function RelatedButton({ passage }: { readonly passage: SelectedPassage }) {
  const { showRelated } = useWorkspace();
  return (
    <button type="button" className="toolbar-button" title="Passages of other sources like this one" onClick={() => showRelated(passage)}>
      Related passages
    </button>
  );
}
