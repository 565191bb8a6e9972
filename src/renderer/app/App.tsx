import { useCallback } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { Library } from '../library/Library';
import { Reader } from '../reader/Reader';
import { StoreNotices } from './StoreNotices';
import { useApiResource } from './use-api-resource';
import { useHashSource } from './use-hash-source';

/**
 * The notebook's window: store notices on top, the library on the left, the open source beside it.
 * The grid leaves columns for the annotations panel and a second reader to come.
 */
export function App({ api }: { readonly api: NotebookApi }) {
  const selectedId = useHashSource();
  const load = useCallback(() => api.call('sources.list', {}), [api]);
  const { resource: sources, retry } = useApiResource(load);
  const selected = sources.status === 'ready' ? sources.value.find((s) => s.id === selectedId) : undefined;

  return (
    <div className="app">
      <StoreNotices api={api} />
      <div className="workspace">
        <Library sources={sources} selectedId={selectedId} onRetry={retry} />
        <main className="reading-area">
          {selected && <Reader key={selected.id} api={api} summary={selected} />}
          {!selected && sources.status === 'ready' && (
            <div className="reading-placeholder">
              <p>{selectedId === null ? 'Choose a source in the library to start reading.' : `The library has no source “${selectedId}”. Choose one from the list.`}</p>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
