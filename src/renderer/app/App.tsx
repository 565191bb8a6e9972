import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { ok } from '../../shared/api-result';
import { AchView } from '../analysis/AchBoard';
import { CooccurrenceView } from '../analysis/CooccurrenceView';
import { EvidenceMatrixView } from '../analysis/EvidenceMatrixView';
import { LinkChartView } from '../analysis/LinkChartView';
import { BackupsButton } from '../backups/BackupsButton';
import { ChangeTracker } from '../changes/change-tracker';
import { StatusBar } from '../changes/StatusBar';
import { ChangesContext } from '../changes/use-changes';
import { useHistoryShortcuts } from '../changes/use-history-shortcuts';
import { ProblemsView } from '../highlights/ProblemsView';
import { ImportQueue } from '../library/import-queue';
import { Library } from '../library/Library';
import { MemoPane } from '../memos/MemoPane';
import { MemosButton } from '../memos/MemosButton';
import { MentionsView } from '../mentions/MentionsView';
import { LibraryEntryExtras } from '../panes/LibraryEntryExtras';
import { PanedWorkspace } from '../panes/PanedWorkspace';
import { SourceWorkspace } from '../reader/SourceWorkspace';
import { indexTags } from '../tags/tag-index';
import { TagManager } from '../tags/TagManager';
import { TagView } from '../tags/TagView';
import { TagSetContext } from '../tags/use-tag-index';
import { FailureNotice } from './FailureNotice';
import { StoreNotices } from './StoreNotices';
import { useApiResource } from './use-api-resource';
import { useAppLocation } from './use-app-location';
import { ViewsNav } from './ViewsNav';

/**
 * The notebook's window: store notices on top; search, the library and the views on the left; the
 * open source with its annotations (or a memo, or a view across sources) beside them, and a second
 * pane when one is opened to the side; the status of the person's changes at the bottom. Changes and the
 * tag set are shared by every part, through contexts.
 */
export function App({ api }: { readonly api: NotebookApi }) {
  const location = useAppLocation();
  const tracker = useMemo(() => new ChangeTracker(api), [api]);
  useHistoryShortcuts(tracker);
  useEffect(() => void tracker.refreshHistory(), [tracker]);
  const revision = useSyncExternalStore(tracker.subscribe, () => tracker.snapshot().revision);

  const loadTags = useCallback(async () => {
    const result = await api.call('tags.list', {});
    return result.ok ? ok(indexTags(result.value)) : result;
  }, [api]);
  const { resource: tags, retry: retryTags } = useApiResource(loadTags, revision);
  const tagSet = useMemo(() => ({ tags, retry: retryTags }), [tags, retryTags]);

  const [sourcesVersion, setSourcesVersion] = useState(0);
  const loadSources = useCallback(() => api.call('sources.list', {}), [api]);
  const { resource: sources, retry } = useApiResource(loadSources, sourcesVersion);
  const onSourceChanged = useCallback(() => setSourcesVersion((v) => v + 1), []);
  const onProjectImported = useCallback(() => void tracker.changedElsewhere(), [tracker]);
  const importQueue = useMemo(() => new ImportQueue(api, onSourceChanged, undefined, onProjectImported), [api, onSourceChanged, onProjectImported]);

  const selectedId = location.view === 'source' ? location.sourceId : null;
  const selected = sources.status === 'ready' ? sources.value.find((s) => s.id === selectedId) : undefined;

  return (
    <ChangesContext.Provider value={tracker}>
      <TagSetContext.Provider value={tagSet}>
          <div className="app">
            <StoreNotices api={api} />
            {tags.status === 'failed' && (
              <div className="notices">
                <FailureNotice what="The tags could not be loaded, so passages cannot be tagged." error={tags.error} onRetry={retryTags} />
              </div>
            )}
            <PanedWorkspace
              api={api}
              location={location}
              sources={sources}
              onSourceChanged={onSourceChanged}
              sidebar={
                <>
                  <Library api={api} sources={sources} selectedId={selectedId} onRetry={retry} entryExtras={LibraryEntryExtras} importQueue={importQueue} onSourcesChanged={onSourceChanged} />
                  <ViewsNav location={location} />
                  <MemosButton />
                  <BackupsButton api={api} />
                </>
              }
            >
              {location.view === 'source' && selected && (
                <SourceWorkspace key={selected.id} api={api} summary={selected} at={location.at} onSourceChanged={onSourceChanged} />
              )}
              {location.view === 'source' && !selected && sources.status === 'ready' && (
                <main className="reading-area reading-placeholder">
                  <p>{selectedId === null ? 'Choose a source in the library to start reading.' : `The library has no source “${selectedId}”. Choose one from the list.`}</p>
                </main>
              )}
              {location.view === 'tag' && <TagView api={api} tagId={location.tagId} />}
              {location.view === 'memo' && <MemoPane api={api} memoId={location.memoId} />}
              {location.view === 'mentions' && <MentionsView api={api} tagId={location.tagId} />}
              {location.view === 'problems' && <ProblemsView api={api} />}
              {location.view === 'tags' && <TagManager api={api} />}
              {location.view === 'matrix' && <EvidenceMatrixView api={api} />}
              {location.view === 'cooccurrence' && <CooccurrenceView api={api} />}
              {location.view === 'ach' && <AchView key={location.boardId ?? 'boards'} api={api} boardId={location.boardId} />}
              {location.view === 'links' && <LinkChartView api={api} />}
            </PanedWorkspace>
            <StatusBar />
          </div>
      </TagSetContext.Provider>
    </ChangesContext.Provider>
  );
}
