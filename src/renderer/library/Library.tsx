import { useId, useMemo, useState, type ComponentType, type KeyboardEvent } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { NotebookApi, SourceSummary } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import type { Resource } from '../app/use-api-resource';
import { AddSources, ImportProgress } from './AddSources';
import type { ImportQueue } from './import-queue';
import { orderLibrary, SORT_LABELS, type LibrarySort } from './library-order';
import { LibraryEntry } from './LibraryEntry';
import { RemovedSources } from './RemovedSources';
import { entryIndexForKey } from './roving-focus';

interface LibraryProps {
  readonly api: NotebookApi;
  readonly sources: Resource<readonly SourceSummary[]>;
  readonly selectedId: SourceId | null;
  readonly onRetry: () => void;
  /** What other features show below each entry (e.g. "Open to the side"). */
  readonly entryExtras?: ComponentType<{ readonly source: SourceSummary }>;
  /** The files being added with "Add sources". */
  readonly importQueue: ImportQueue;
  /** Sources were removed or restored, so the list must be read again. */
  readonly onSourcesChanged: () => void;
}

/**
 * Every source of the notebook, filtered and sorted as the person asks; choosing one opens it in
 * the reader. "Add sources" brings files in.
 */
export function Library({ api, sources, selectedId, onRetry, entryExtras, importQueue, onSourcesChanged }: LibraryProps) {
  const headingId = useId();
  const sortId = useId();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<LibrarySort>('library');
  const shown = useMemo(() => (sources.status === 'ready' ? orderLibrary(sources.value, filter, sort) : []), [sources, filter, sort]);

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
      <div className="library-head">
        <h2 id={headingId} className="library-heading">
          Library
        </h2>
        <AddSources queue={importQueue} />
      </div>
      <ImportProgress queue={importQueue} />
      {sources.status === 'ready' && sources.value.length > 1 && (
        <div className="library-tools">
          <input type="search" className="library-filter" aria-label="Filter the library" placeholder="Filter by title, author, file…" value={filter} onChange={(event) => setFilter(event.target.value)} />
          <label className="visually-hidden" htmlFor={sortId}>
            Sort the library
          </label>
          <select id={sortId} className="library-sort" value={sort} onChange={(event) => setSort(event.target.value as LibrarySort)}>
            {(Object.keys(SORT_LABELS) as LibrarySort[]).map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
      )}
      {sources.status === 'loading' && (
        <p className="library-status" role="status">
          Loading sources…
        </p>
      )}
      {sources.status === 'failed' && <FailureNotice what="The library could not be loaded." error={sources.error} onRetry={onRetry} />}
      {sources.status === 'ready' && sources.value.length === 0 && <p className="library-status">The library has no sources.</p>}
      {sources.status === 'ready' && sources.value.length > 0 && shown.length === 0 && <p className="library-status">No source matches “{filter.trim()}”.</p>}
      {shown.length > 0 && (
        <ul className="library-list" onKeyDown={onKeyDown}>
          {shown.map((source) => (
            <LibraryEntry key={source.id} source={source} selected={source.id === selectedId} extras={entryExtras} />
          ))}
        </ul>
      )}
      <RemovedSources api={api} revision={sources} onRestored={onSourcesChanged} />
    </nav>
  );
}
