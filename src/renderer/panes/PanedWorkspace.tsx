import { useCallback, useContext, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import type { CharOffset, SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi, PaneView, SourceSummary } from '../../shared/api-contract';
import { sourceIdFromHash, type AppLocation } from '../app/location-hash';
import { PassageActionsContext, type PassageActions, type SelectedPassage } from '../app/passage-actions';
import { useApiResource, type Resource } from '../app/use-api-resource';
import { SourceWorkspace } from '../reader/SourceWorkspace';
import { RelatedButton } from '../search/RelatedButton';
import { SearchPanel } from '../search/SearchPanel';
import { useFindShortcut } from '../search/use-find-shortcut';
import { FindBar } from '../search/FindBar';
import { MemoPanes, MemoPanesContext, useMemoPanes } from '../memos/memo-panes';
import { MemoPane } from '../memos/MemoPane';
import { ReplaceMemoDialog } from '../memos/ReplaceMemoDialog';
import { TagView } from '../tags/TagView';
import { SearchView } from '../search/SearchView';
import { CommandCenter, type WorkspaceState } from '../commands/CommandCenter';
import { PaneBar } from './PaneBar';
import { PaneDivider } from './PaneDivider';
import { Sidebar } from './Sidebar';
import { useSettings } from '../settings/use-settings';
import { onMac } from '../commands/shortcut';
import { otherPane, paneForSearch, type PaneName } from './pane-layout';
import { twinNotes } from './shared-passages';
import { SharedPassageMarkers } from './SharedPassageMarkers';
import { usePanes, type Panes } from './use-panes';
import { usePaneScroll, useShownReader } from './use-pane-reader';
import { PaneContext, sourceLabel, WorkspaceContext, type WorkspaceCommands } from './workspace-context';

interface PanedWorkspaceProps {
  readonly api: NotebookApi;
  readonly location: AppLocation;
  readonly sources: Resource<readonly SourceSummary[]>;
  readonly onSourceChanged: () => void;
  /** The library and the views, below the search. */
  readonly sidebar: ReactNode;
  /** What the left pane shows: the view the window's location names. */
  readonly children: ReactNode;
}

/** What the left pane is called when it shows a view rather than a source. */
const VIEW_TITLES: Readonly<Record<AppLocation['view'], string>> = { source: 'No source open', tag: 'Tag view', mentions: 'Mentions', tags: 'Manage tags', memo: 'Memos', problems: 'Needs attention', matrix: 'Evidence matrix', cooccurrence: 'Co-occurrence', links: 'Link chart', ach: 'Competing hypotheses', search: 'Search', help: 'Help' };

function viewTitle(sources: ReadonlyMap<SourceId, SourceSummary>, view: PaneView): string {
  switch (view.kind) {
    case 'source':
      return sourceLabel(sources, view.sourceId);
    case 'memo':
      return view.memoId === null ? 'Memos' : 'Memo';
    case 'tag':
      return 'Tag view';
    case 'search':
      return 'Search';
  }
}

const sourceOf = (view: PaneView | null): SourceId | null => (view?.kind === 'source' ? view.sourceId : null);

const isMac = onMac();

/**
 * The window's workspace: search, library and views on the left, then one or two panes. The left
 * pane shows what the window's location names; a source, memo or tag view opened "to the side"
 * shows in the right one. Each pane keeps its own reader (scroll, selection, highlights); the
 * divider, what each pane shows and where are restored on restart. Ctrl+F (Cmd+F) finds in the
 * source of the pane the keyboard is in; Shift+Enter on a library entry opens it to the side; the
 * other keys (F6 between the regions, the palette) are the command center's.
 */
export function PanedWorkspace({ api, location, sources, onSourceChanged, sidebar, children }: PanedWorkspaceProps) {
  const panes = usePanes(api, location);
  const { layout } = panes;
  const areaRef = useRef<HTMLDivElement>(null);
  const workspaceRef = useRef<HTMLDivElement>(null);
  const firstRef = useRef<HTMLElement>(null);
  const secondRef = useRef<HTMLElement>(null);
  const [related, setRelated] = useState<SelectedPassage | null>(null);
  const [finding, setFinding] = useState<PaneName | null>(null);

  const byId = useMemo(() => new Map(sources.status === 'ready' ? sources.value.map((s) => [s.id, s] as const) : []), [sources]);
  // Which texts the sources have: what they share changes only when this does (a source replaced).
  const texts = sources.status === 'ready' ? sources.value.map((source) => `${source.id}:${source.replaced?.versionHash ?? ''}`).join(' ') : null;
  const loadTwins = useCallback(() => api.call('sources.twins', {}), [api]);
  const { resource: twinPairs } = useApiResource(loadTwins, texts);
  const twins = useMemo(() => (twinPairs.status === 'ready' ? twinNotes(twinPairs.value) : new Map()), [twinPairs]);
  const commands = useMemo<WorkspaceCommands>(
    () => ({ sources: byId, texts, twins, openToSide: panes.openToSide, openInOtherPane: panes.openInOtherPane, show: panes.show, openBeside: panes.openBeside, showRelated: setRelated }),
    [byId, texts, twins, panes.openToSide, panes.openInOtherPane, panes.show, panes.openBeside],
  );
  const { show } = panes;
  const memoPanes = useMemo(() => new MemoPanes((pane) => show(pane, { kind: 'memo', memoId: null })), [show]);

  const paneRef = (pane: PaneName) => (pane === 'first' ? firstRef : secondRef);
  const focusPane = (pane: PaneName) => {
    const element = paneRef(pane).current;
    // The reader's text, or else the first thing in the pane that takes the keyboard.
    const target = element?.querySelector<HTMLElement>('article.reader') ?? element?.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]');
    target?.focus({ preventScroll: true });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const entry = event.target instanceof HTMLAnchorElement && event.target.classList.contains('library-entry') ? event.target : null;
    if (entry && event.key === 'Enter' && event.shiftKey) {
      // Where a browser would open the link in a new window, the source opens in the other pane.
      const sourceId = sourceIdFromHash(new URL(entry.href).hash);
      if (sourceId !== null) {
        event.preventDefault();
        panes.openToSide(sourceId);
      }
    }
  };
  const focusedSource = sourceOf(layout[layout.focused]);
  useFindShortcut(isMac, focusedSource !== null, () => setFinding(layout.focused));

  const twoPanes = layout.second !== null;
  // In hundredths: a pane that gives way to the other's floor leaves a lone flexible track, which
  // takes all the room left only if its factor is 1 or more (CSS grid shrinks factors that sum below 1).
  const split = { '--first': `${layout.split * 100}fr`, '--second': `${(1 - layout.split) * 100}fr` } as CSSProperties;
  const firstTitle = layout.first === null ? VIEW_TITLES[location.view] : viewTitle(byId, layout.first);
  const secondTitle = layout.second === null ? null : viewTitle(byId, layout.second);
  const settings = useSettings();
  const sidebarWidth = (settings.sidebar.width === null ? {} : { '--sidebar-width': `${settings.sidebar.width}px` }) as CSSProperties;
  const workspace: WorkspaceState = {
    twoPanes,
    readingSource: focusedSource !== null,
    focusedPane: layout.focused,
    show: panes.show,
    openToSide: panes.openToSide,
    swapPanes: panes.swap,
    closeRightPane: () => panes.close('second'),
    focusOtherPane: () => {
      if (twoPanes) focusPane(otherPane(layout.focused));
    },
    findInSource: () => setFinding(layout.focused),
  };

  return (
    <WorkspaceContext.Provider value={commands}>
      <MemoPanesContext.Provider value={memoPanes}>
      <div className="workspace" ref={workspaceRef} data-sidebar={settings.sidebar.collapsed ? 'collapsed' : 'shown'} style={sidebarWidth} onKeyDownCapture={onKeyDown}>
        <Sidebar>
          <SearchPanel api={api} related={related} onCloseRelated={() => setRelated(null)} onShowAll={(query) => show(paneForSearch(layout), { kind: 'search', query })} />
          {sidebar}
        </Sidebar>
        <div className="panes" ref={areaRef} data-count={twoPanes ? 2 : 1} style={split}>
          <Pane
            api={api}
            name="first"
            paneRef={firstRef}
            label={twoPanes ? `Left pane: ${firstTitle}` : 'Reading pane'}
            sourceId={sourceOf(layout.first)}
            focused={twoPanes && layout.focused === 'first'}
            restore={panes.restore.first}
            panes={panes}
            finding={finding === 'first'}
            onFindClose={() => setFinding(null)}
            bar={twoPanes ? (bar) => <PaneBar title={firstTitle} side="Left" {...bar} onSwap={panes.swap} onClose={() => panes.close('first')} /> : null}
          >
            {children}
          </Pane>
          {twoPanes && <PaneDivider split={layout.split} areaRef={areaRef} onSplit={panes.setSplit} />}
          {layout.second !== null && secondTitle !== null && (
            <Pane
              api={api}
              name="second"
              paneRef={secondRef}
              label={`Right pane: ${secondTitle}`}
              sourceId={sourceOf(layout.second)}
              focused={layout.focused === 'second'}
              restore={panes.restore.second}
              panes={panes}
              finding={finding === 'second'}
              onFindClose={() => setFinding(null)}
              bar={(bar) => <PaneBar title={secondTitle} side="Right" {...bar} onSwap={panes.swap} onClose={() => panes.close('second')} />}
            >
              <SecondView api={api} view={layout.second} sources={sources} byId={byId} at={panes.sideTarget?.range ?? null} onSourceChanged={onSourceChanged} />
            </Pane>
          )}
          {panes.problem && (
            <p className="panes-problem" role="status">
              {panes.problem}
            </p>
          )}
        </div>
      </div>
      <CommandCenter api={api} sources={sources} rootRef={workspaceRef} workspace={workspace} />
      {panes.replacing && (
        <ReplaceMemoDialog
          api={api}
          memoId={panes.replacing.memoId}
          side={panes.replacing.pane === 'first' ? 'left' : 'right'}
          view={panes.replacing.view}
          onReplace={() => panes.answerReplacing(true)}
          onCancel={() => panes.answerReplacing(false)}
        />
      )}
      </MemoPanesContext.Provider>
    </WorkspaceContext.Provider>
  );
}

interface SecondViewProps {
  readonly api: NotebookApi;
  readonly view: PaneView;
  readonly sources: Resource<readonly SourceSummary[]>;
  readonly byId: ReadonlyMap<SourceId, SourceSummary>;
  /** The passage a source opened to the side is to show. */
  readonly at: TextRange | null;
  readonly onSourceChanged: () => void;
}

/** What the right pane shows, as its view names it. */
function SecondView({ api, view, sources, byId, at, onSourceChanged }: SecondViewProps) {
  switch (view.kind) {
    case 'memo':
      return <MemoPane api={api} memoId={view.memoId} />;
    case 'tag':
      return <TagView api={api} tagId={view.tagId} />;
    case 'search':
      return <SearchView api={api} query={view.query} />;
    case 'source': {
      const source = byId.get(view.sourceId);
      if (source) return <SourceWorkspace key={source.id} api={api} summary={source} at={at} onSourceChanged={onSourceChanged} />;
      return (
        sources.status === 'ready' && (
          <main className="reading-area reading-placeholder">
            <p>The library has no source “{view.sourceId}” any more. Close this pane, or open another source to the side.</p>
          </main>
        )
      );
    }
  }
}

interface PaneProps {
  readonly api: NotebookApi;
  readonly name: PaneName;
  readonly paneRef: RefObject<HTMLElement | null>;
  readonly label: string;
  /** The source the pane shows; null for another view. */
  readonly sourceId: SourceId | null;
  readonly focused: boolean;
  readonly restore: CharOffset | null;
  readonly panes: Panes;
  readonly finding: boolean;
  readonly onFindClose: () => void;
  /** The pane's bar, when two panes are open, given the state of its annotations. */
  readonly bar: ((annotations: { annotations: boolean | null; onAnnotations: (shown: boolean) => void }) => ReactNode) | null;
  readonly children: ReactNode;
}

function Pane({ api, name, paneRef, label, sourceId, focused, restore, panes, finding, onFindClose, bar, children }: PaneProps) {
  const reader = useShownReader(paneRef);
  const { setOffset, restored, setFocused } = panes;
  const onOffset = useCallback((offset: CharOffset) => setOffset(name, offset), [setOffset, name]);
  const onRestored = useCallback(() => restored(name), [restored, name]);
  usePaneScroll(reader, restore, onOffset, onRestored);
  const [annotations, setAnnotations] = useState(false);

  // The selection toolbar of this pane's reader offers "Related passages" after the others' tools,
  // and its highlight cards cite in the memos beside it.
  const outer = useContext(PassageActionsContext);
  const memoPanes = useMemoPanes();
  const actions = useMemo<PassageActions>(
    () => ({
      ...outer,
      citeInMemo: (highlightId) => memoPanes.cite(name, highlightId),
      selectionTools: (passage) => (
        <>
          {outer.selectionTools?.(passage)}
          <RelatedButton passage={passage} />
        </>
      ),
    }),
    [outer, memoPanes, name],
  );

  return (
    <PaneContext.Provider value={name}>
      <PassageActionsContext.Provider value={actions}>
        <section
          className="pane"
          ref={paneRef}
          aria-label={label}
          data-pane={name}
          data-region="pane"
          data-focused={focused}
          data-annotations={annotations ? 'shown' : undefined}
          onFocusCapture={() => setFocused(name)}
        >
          {bar?.({ annotations: sourceId === null ? null : annotations, onAnnotations: setAnnotations })}
          {finding && reader && sourceId !== null && <FindBar key={sourceId} api={api} reader={reader} sourceId={sourceId} onClose={onFindClose} />}
          <div className="pane-body" data-view={sourceId === null ? 'other' : 'source'}>
            {children}
          </div>
          {reader && sourceId !== null && <SharedPassageMarkers api={api} sourceId={sourceId} reader={reader} />}
        </section>
      </PassageActionsContext.Provider>
    </PaneContext.Provider>
  );
}
