import { useCallback, useState } from 'react';
import type { NotebookApi, SourceDependents, SourceSummary } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { Dialog } from '../controls/Dialog';

interface RemoveSourceDialogProps {
  readonly api: NotebookApi;
  readonly summary: SourceSummary;
  readonly onRemoved: () => void;
  readonly onClose: () => void;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function consequences({ highlights, citations, memos }: SourceDependents): string {
  if (highlights === 0 && citations === 0) return 'Nothing in the notebook depends on it.';
  const cited = citations === 0 ? '' : ` ${plural(citations, 'citation', 'citations')} in ${plural(memos, 'memo', 'memos')} keep their last quote, marked “source removed”.`;
  return `${plural(highlights, 'highlight is', 'highlights are')} kept with it, out of sight.${cited}`;
}

/** "Remove source…": says what depends on the source before taking it out; Restore brings all of it back. */
export function RemoveSourceDialog({ api, summary, onRemoved, onClose }: RemoveSourceDialogProps) {
  const load = useCallback(() => api.call('sources.dependents', { sourceId: summary.id }), [api, summary.id]);
  const { resource } = useApiResource(load);
  const [problem, setProblem] = useState<string | null>(null);

  const remove = async () => {
    const result = await api.call('sources.remove', { sourceId: summary.id });
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    onClose();
    onRemoved();
  };

  return (
    <Dialog
      title={`Remove “${summary.title}” from the library?`}
      role="alertdialog"
      onCancel={onClose}
      actions={
        <>
          <button type="button" className="button button-danger" disabled={resource.status !== 'ready'} onClick={() => void remove()}>
            Remove source
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p className="dialog-body">
        {resource.status === 'ready' ? consequences(resource.value) : resource.status === 'failed' ? resource.error.message : 'Counting what depends on it…'}
      </p>
      <p className="dialog-body">You can restore it, with all of that, from “Removed sources” in the Library.</p>
      {problem && (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
