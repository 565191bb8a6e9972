import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CharOffset, MemoId, SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi, PaneLayout, PaneView } from '../../shared/api-contract';
import { hashForView, locationFromHash, paneViewOf, type AppLocation } from '../app/location-hash';
import { debounce } from '../reader/debounce';
import { INITIAL_LAYOUT, otherPane, replacesMemo, sameView, swapped, withFirst, withOffset, withoutSecond, withSecond, type PaneName } from './pane-layout';

/** Scrolling and dragging settle for this long before the layout is saved. */
const SAVE_DELAY_MS = 400;

/** A passage to bring into view in the right pane, briefly emphasised; a new object each time. */
export interface SideTarget {
  readonly range: TextRange;
}

/** A view waiting to take the place of the memo open in a pane, until the person says yes or no. */
export interface MemoReplacement {
  readonly pane: PaneName;
  readonly memoId: MemoId;
  readonly view: PaneView;
}

export interface Panes {
  readonly layout: PaneLayout;
  /** What the right pane must bring into view once it shows its source. */
  readonly sideTarget: SideTarget | null;
  /** Where to put each pane once its source is shown after a restart, when the reading position cannot say. */
  readonly restore: Readonly<Record<PaneName, CharOffset | null>>;
  /** Why the layout is not being saved or could not be restored. */
  readonly problem: string | null;
  openToSide(sourceId: SourceId, at?: TextRange): void;
  /** Opens a source in the other pane than `from`, at a passage when given. */
  openInOtherPane(from: PaneName, sourceId: SourceId, at: TextRange | null): void;
  /**
   * Shows a view in a pane (the left one through the window's location), which takes the focus. A
   * memo's own pane showing memos never asks; any other view asks before it puts an open memo away.
   */
  show(pane: PaneName, view: PaneView): void;
  /** Shows a view in the pane other than `from`, asking first if that would put away a memo open there. */
  openBeside(from: PaneName, view: PaneView): void;
  /** What is waiting to replace an open memo, while the person is asked. */
  readonly replacing: MemoReplacement | null;
  /** The person's answer: replace the memo, or leave it. */
  answerReplacing(replace: boolean): void;
  close(pane: PaneName): void;
  swap(): void;
  setSplit(split: number, settled: boolean): void;
  setFocused(pane: PaneName): void;
  setOffset(pane: PaneName, offset: CharOffset): void;
  restored(pane: PaneName): void;
}

const goTo = (hash: string, replace = false) => {
  if (replace) window.location.replace(hash);
  else window.location.hash = hash;
};

/**
 * The two panes' state: restored from layout.get at start, saved with layout.set as it changes
 * (at once when a pane opens, closes or swaps; once scrolling or dragging settles otherwise).
 */
export function usePanes(api: NotebookApi, location: AppLocation): Panes {
  const [layout, setLayout] = useState<PaneLayout>(() => withFirst(INITIAL_LAYOUT, paneViewOf(location)));
  const [loaded, setLoaded] = useState(false);
  const [sideTarget, setSideTarget] = useState<SideTarget | null>(null);
  const [restore, setRestore] = useState<Record<PaneName, CharOffset | null>>({ first: null, second: null });
  const [problem, setProblem] = useState<string | null>(null);
  const [replacing, setReplacing] = useState<(MemoReplacement & { readonly proceed: () => void }) | null>(null);
  const urgent = useRef(false);

  useEffect(() => {
    let current = true;
    void api.call('layout.get', {}).then((result) => {
      if (!current) return;
      setLoaded(true);
      if (!result.ok) {
        setProblem(`The panes could not be restored: ${result.error.message}`);
        return;
      }
      const stored = result.value;
      if (stored === null) return;
      // A window opened without a location shows what the left pane showed; one with a location shows it.
      const opened = locationFromHash(window.location.hash);
      const fresh = opened.view === 'source' && opened.sourceId === null;
      const first = fresh ? stored.first : paneViewOf(opened);
      if (fresh && first !== null) goTo(hashForView(first), true);
      const restored: PaneLayout = { ...stored, first: sameView(first, stored.first) ? stored.first : first };
      setLayout(restored);
      // Each source's reading position restores its pane, unless both panes show the same source.
      if (restored.first?.kind === 'source' && restored.second?.kind === 'source' && sameView(restored.first, restored.second)) {
        setRestore({ first: restored.first.offset, second: restored.second.offset });
      }
    });
    return () => {
      current = false;
    };
  }, [api]);

  // The left pane shows what the location says.
  const locationView = useMemo(() => paneViewOf(location), [location]);
  useEffect(() => {
    setLayout((current) => withFirst(current, locationView));
  }, [locationView]);

  const save = useMemo(
    () =>
      debounce((next: PaneLayout) => {
        void api.call('layout.set', { layout: next }).then((result) => setProblem(result.ok ? null : `The panes are not being saved: ${result.error.message}`));
      }, SAVE_DELAY_MS),
    [api],
  );
  // The layout to save: `layout` with where each pane is scrolled to. Scrolling changes it on every
  // scroll event, so it is kept here rather than in state, which would render the window each time.
  const latest = useRef(layout);
  const loadedRef = useRef(false);
  useEffect(() => {
    const before = latest.current;
    const scrolled = (pane: PaneName): PaneView | null => {
      const view = layout[pane];
      const known = before[pane];
      return view?.kind === 'source' && known?.kind === 'source' && sameView(view, known) ? { ...view, offset: known.offset } : view;
    };
    latest.current = { ...layout, first: scrolled('first'), second: scrolled('second') };
    loadedRef.current = loaded;
    if (!loaded) return;
    save.schedule(latest.current);
    if (urgent.current) {
      urgent.current = false;
      save.flush();
    }
  }, [layout, loaded, save]);
  useEffect(() => {
    const flush = () => save.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      save.flush();
    };
  }, [save]);

  const change = useCallback((next: (current: PaneLayout) => PaneLayout, now: boolean) => {
    if (now) urgent.current = true;
    setLayout(next);
  }, []);

  /** Runs `proceed`, which shows `view` in `pane`, once the person agrees if that puts an open memo away. */
  const askFirst = useCallback((pane: PaneName, view: PaneView, proceed: () => void) => {
    const shown = latest.current[pane];
    if (shown?.kind === 'memo' && shown.memoId !== null && replacesMemo(latest.current, pane, view)) setReplacing({ pane, memoId: shown.memoId, view, proceed });
    else proceed();
  }, []);
  const answerReplacing = useCallback(
    (replace: boolean) => {
      if (replace) replacing?.proceed();
      setReplacing(null);
    },
    [replacing],
  );

  const openToSide = useCallback(
    (sourceId: SourceId, at?: TextRange) => {
      const view: PaneView = { kind: 'source', sourceId, offset: null };
      askFirst('second', view, () => {
        change((current) => withSecond(current, view), true);
        setSideTarget(at ? { range: at } : null);
      });
    },
    [change, askFirst],
  );
  const openInOtherPane = useCallback(
    (from: PaneName, sourceId: SourceId, at: TextRange | null) => {
      if (from === 'first') openToSide(sourceId, at ?? undefined);
      else {
        const view: PaneView = { kind: 'source', sourceId, offset: null };
        askFirst('first', view, () => goTo(hashForView(view, at)));
      }
    },
    [openToSide, askFirst],
  );
  const showNow = useCallback(
    (pane: PaneName, view: PaneView) => {
      if (pane === 'second') {
        change((current) => withSecond(current, view), true);
        setSideTarget(null);
        return;
      }
      goTo(hashForView(view));
      change((current) => ({ ...current, focused: 'first' }), true);
    },
    [change],
  );
  const show = useCallback(
    (pane: PaneName, view: PaneView) => {
      if (view.kind === 'memo') showNow(pane, view);
      else askFirst(pane, view, () => showNow(pane, view));
    },
    [showNow, askFirst],
  );
  const openBeside = useCallback((from: PaneName, view: PaneView) => askFirst(otherPane(from), view, () => showNow(otherPane(from), view)), [showNow, askFirst]);
  const second = layout.second;
  const close = useCallback(
    (pane: PaneName) => {
      if (pane === 'first' && second !== null) goTo(hashForView(second));
      change(withoutSecond, true);
      setSideTarget(null);
    },
    [change, second],
  );
  const swap = useCallback(() => {
    if (second === null) return;
    goTo(hashForView(second));
    change(swapped, true);
    setSideTarget(null);
  }, [change, second]);
  const setSplit = useCallback((split: number, settled: boolean) => change((current) => ({ ...current, split }), settled), [change]);
  const setFocused = useCallback((pane: PaneName) => change((current) => (current.focused === pane ? current : { ...current, focused: pane }), false), [change]);
  const setOffset = useCallback(
    (pane: PaneName, offset: CharOffset) => {
      const next = withOffset(latest.current, pane, offset);
      if (next === latest.current) return;
      latest.current = next;
      if (loadedRef.current) save.schedule(next);
    },
    [save],
  );
  const restored = useCallback((pane: PaneName) => setRestore((current) => ({ ...current, [pane]: null })), []);

  return useMemo(
    () => ({ layout, sideTarget, restore, problem, openToSide, openInOtherPane, show, openBeside, replacing, answerReplacing, close, swap, setSplit, setFocused, setOffset, restored }),
    [layout, sideTarget, restore, problem, openToSide, openInOtherPane, show, openBeside, replacing, answerReplacing, close, swap, setSplit, setFocused, setOffset, restored],
  );
}
