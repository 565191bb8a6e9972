import { useCallback, useState } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';

interface RemovedSourcesProps {
  readonly api: NotebookApi;
  /** Changes whenever the library does, so the list is read again. */
  readonly revision: unknown;
  readonly onRestored: () => void;
}

/**
 * The sources taken out of the library, each with Restore: removing keeps a source's highlights,
 * so restoring brings it back as it was (the undo of "Remove source…").
 */
export function RemovedSources({ api, revision, onRestored }: RemovedSourcesProps) {
  const load = useCallback(() => api.call('sources.removed', {}), [api]);
  const { resource } = useApiResource(load, revision);
  const [problem, setProblem] = useState<string | null>(null);
  if (resource.status !== 'ready' || resource.value.length === 0) return null;

  const restore = async (sourceId: string) => {
    const result = await api.call('sources.restore', { sourceId });
    setProblem(result.ok ? null : result.error.message);
    if (result.ok) onRestored();
  };

  return (
    <details className="removed-sources">
      <summary>
        Removed sources <span className="count">({resource.value.length})</span>
      </summary>
      <ul>
        {resource.value.map(({ source }) => (
          <li key={source.id}>
            <span className="removed-title">{source.title}</span>
            <button type="button" className="button button-small" aria-label={`Restore ${source.title}`} onClick={() => void restore(source.id)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
