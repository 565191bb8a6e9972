import { lazy, Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { ok } from '../../shared/api-result';
import { BackupsButton } from '../backups/BackupsButton';
import { ChangeTracker } from '../changes/change-tracker';
import { StatusBar } from '../changes/StatusBar';
import { ChangesContext } from '../changes/use-changes';
import { useHistoryShortcuts } from '../changes/use-history-shortcuts';
import { HelpView } from '../commands/HelpView';
import { ProblemsView } from '../highlights/ProblemsView';
import { ImportQueue } from '../library/import-queue';
import { Library } from '../library/Library';
import { MemoPane } from '../memos/MemoPane';
import { MemosButton } from '../memos/MemosButton';
import { MentionsView } from '../mentions/MentionsView';
import { LibraryEntryExtras } from '../panes/LibraryEntryExtras';
import { PanedWorkspace } from '../panes/PanedWorkspace';
import { SourceWorkspace } from '../reader/SourceWorkspace';
import { SearchView } from '../search/SearchView';
import { indexTags } from '../tags/tag-index';
import { TagManager } from '../tags/TagManager';
import { TagView } from '../tags/TagView';
import { TagSetContext } from '../tags/use-tag-index';
import { FailureNotice } from './FailureNotice';
import { StoreNotices } from './StoreNotices';
import { useApiResource } from './use-api-resource';
import { useAppLocation } from './use-app-location';
import { ViewsNav } from './ViewsNav';


// The analysis views (and the graph library the link chart draws with) load when first opened,
// so they add nothing to the start-up every reading session pays for.
const AchView = lazy(() => import('../analysis/AchBoard').then((m) => ({ default: m.AchView })));
const CooccurrenceView = lazy(() => import('../analysis/CooccurrenceView').then((m) => ({ default: m.CooccurrenceView })));
const EvidenceMatrixView = lazy(() => import('../analysis/EvidenceMatrixView').then((m) => ({ default: m.EvidenceMatrixView })));
const LinkChartView = lazy(() => import('../analysis/LinkChartView').then((m) => ({ default: m.LinkChartView })));

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
              {location.view === 'search' && <SearchView api={api} query={location.query} />}
              {location.view === 'help' && <HelpView />}
              <Suspense fallback={<AnalysisLoading />}>
                {location.view === 'matrix' && <EvidenceMatrixView api={api} />}
                {location.view === 'cooccurrence' && <CooccurrenceView api={api} />}
                {location.view === 'ach' && <AchView key={location.boardId ?? 'boards'} api={api} boardId={location.boardId} />}
                {location.view === 'links' && <LinkChartView api={api} />}
              </Suspense>
            </PanedWorkspace>
            <StatusBar />
          </div>
      </TagSetContext.Provider>
    </ChangesContext.Provider>
  );
}

function AnalysisLoading() {
  return (
    <main className="reading-area reading-placeholder">
      <p role="status">Opening the view…</p>
    </main>
  );
}
