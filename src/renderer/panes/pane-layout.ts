import type { CharOffset } from '../../core/model/ids';
import type { PaneLayout, PaneView } from '../../shared/api-contract';

/**
 * The two panes, as plain values: the left one follows the window's location (library links, tag
 * views, memos), the right one is opened "to the side". Everything here is pure, so the component
 * only wires it to events.
 */

export type PaneName = PaneLayout['focused'];

export const MIN_SPLIT = 0.2;
export const MAX_SPLIT = 0.8;
const KEY_STEP = 0.05;
const PAGE_STEP = 0.2;

export const INITIAL_LAYOUT: PaneLayout = { first: null, second: null, split: 0.5, focused: 'first' };

export const otherPane = (pane: PaneName): PaneName => (pane === 'first' ? 'second' : 'first');

export const clampSplit = (split: number): number => Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, split));

/** The divider's new position for a key (as the ARIA window-splitter pattern has it), or null for other keys. */
export function splitForKey(split: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clampSplit(split - KEY_STEP);
    case 'ArrowRight':
    case 'ArrowUp':
      return clampSplit(split + KEY_STEP);
    case 'PageDown':
      return clampSplit(split - PAGE_STEP);
    case 'PageUp':
      return clampSplit(split + PAGE_STEP);
    case 'Home':
      return MIN_SPLIT;
    case 'End':
      return MAX_SPLIT;
    default:
      return null;
  }
}

/** The split that puts the divider under the pointer, for an area starting at `left` that is `width` wide. */
export const splitAtPointer = (clientX: number, left: number, width: number): number => clampSplit(width > 0 ? (clientX - left) / width : 0.5);

/** What a view shows, whatever its place in it. */
const subjectOf = (view: PaneView): string | null => {
  switch (view.kind) {
    case 'source':
      return view.sourceId;
    case 'memo':
      return view.memoId;
    case 'tag':
      return view.tagId;
    case 'search':
      return view.query;
  }
};

export const sameView = (a: PaneView | null, b: PaneView | null): boolean =>
  a === b || (a !== null && b !== null && a.kind === b.kind && subjectOf(a) === subjectOf(b));

/**
 * Where "Show all results" opens the search view: the pane showing one already, else the left pane
 * when it shows nothing, else the right one, so that the source being read stays in view.
 */
export function paneForSearch(layout: PaneLayout): PaneName {
  if (layout.first?.kind === 'search') return 'first';
  if (layout.second?.kind === 'search') return 'second';
  return layout.first === null ? 'first' : 'second';
}

/**
 * Whether showing `view` in `pane` would put away the memo open there. It is asked first: the
 * person may be writing in it, and nothing else says it went.
 */
export function replacesMemo(layout: PaneLayout, pane: PaneName, view: PaneView): boolean {
  const shown = layout[pane];
  return shown?.kind === 'memo' && shown.memoId !== null && !sameView(shown, view);
}

/** The left pane now shows `first` (what the window's location says). */
export function withFirst(layout: PaneLayout, first: PaneView | null): PaneLayout {
  if (sameView(layout.first, first)) return layout;
  return { ...layout, first };
}

/** A view opened in the right pane, which takes the focus. */
export const withSecond = (layout: PaneLayout, second: PaneView): PaneLayout => ({ ...layout, second, focused: 'second' });

/** The right pane closed; the left one keeps its view and takes the focus. */
export const withoutSecond = (layout: PaneLayout): PaneLayout => ({ ...layout, second: null, focused: 'first' });

/** The panes' views exchanged; the focus stays with the view that had it. */
export function swapped(layout: PaneLayout): PaneLayout {
  return { ...layout, first: layout.second, second: layout.first, focused: otherPane(layout.focused) };
}

/** Where a pane's source is scrolled to now; other changes of the layout keep it. */
export function withOffset(layout: PaneLayout, pane: PaneName, offset: CharOffset): PaneLayout {
  const view = layout[pane];
  if (view?.kind !== 'source' || view.offset === offset) return layout;
  return { ...layout, [pane]: { ...view, offset } };
}
