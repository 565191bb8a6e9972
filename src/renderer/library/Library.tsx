import { useId, type ComponentType, type KeyboardEvent } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { SourceSummary } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import type { Resource } from '../app/use-api-resource';
import { LibraryEntry } from './LibraryEntry';
import { entryIndexForKey } from './roving-focus';

interface LibraryProps {
  readonly sources: Resource<readonly SourceSummary[]>;
  readonly selectedId: SourceId | null;
  readonly onRetry: () => void;
  /** What other features show below each entry (e.g. "Open to the side"). */
  readonly entryExtras?: ComponentType<{ readonly source: SourceSummary }>;
}

/** Every source of the notebook; choosing one opens it in the reader. */
export function Library({ sources, selectedId, onRetry, entryExtras }: LibraryProps) {
  const headingId = useId();

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a.library-entry')];
    const current = entries.findIndex((entry) => entry === document.activeElement);
    const next = entryIndexForKey(event.key, Math.max(current, 0), entries.length);
    if (next === null) return;
    event.preventDefault();
    entries[next]?.focus();
  };

  return (
    <nav className="library" aria-labelledby={headingId}>
      <h2 id={headingId} className="library-heading">
        Library
      </h2>
      {sources.status === 'loading' && (
        <p className="library-status" role="status">
          Loading sources…
        </p>
      )}
      {sources.status === 'failed' && <FailureNotice what="The library could not be loaded." error={sources.error} onRetry={onRetry} />}
      {sources.status === 'ready' && sources.value.length === 0 && <p className="library-status">The library has no sources.</p>}
      {sources.status === 'ready' && sources.value.length > 0 && (
        <ul className="library-list" onKeyDown={onKeyDown}>
          {sources.value.map((source) => (
            <LibraryEntry key={source.id} source={source} selected={source.id === selectedId} extras={entryExtras} />
          ))}
        </ul>
      )}
    </nav>
  );
}
