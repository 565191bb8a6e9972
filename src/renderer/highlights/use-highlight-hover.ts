import { useEffect, useRef, useState, type RefObject } from 'react';
import type { HighlightId } from '../../core/model/ids';
import { characterAt } from './hit-test';
import type { HighlightPainter } from './highlight-painter';
import { anchorIn, type ToolAnchor } from './use-reader-selection';

/** The highlights whose card is shown, and where. */
export interface HighlightPopoverState {
  readonly ids: readonly HighlightId[];
  readonly anchor: ToolAnchor;
  /** Stays until closed (opened by a click, or worked in); else it goes when the pointer leaves. */
  readonly pinned: boolean;
  /** Opened by a click: takes keyboard focus, so its actions are a Tab away. */
  readonly takesFocus: boolean;
}

/** The card keeps clear of this much above and below the pointer: about the line it is on. */
const LINE_REACH = 14;

/** Hovering this long over a highlight shows its card; leaving for this long hides it. */
const SHOW_DELAY_MS = 350;
const HIDE_DELAY_MS = 300;

const sameIds = (a: readonly HighlightId[], b: readonly HighlightId[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Hovering over a highlight's text shows its card; clicking it (without selecting) pins the card.
 * The text is never wrapped: the character under the pointer is found from the caret position
 * there and looked up among the painted ranges. Returns the card state and its controls.
 */
export function useHighlightHover(
  bodyRef: RefObject<HTMLElement | null>,
  scrollerRef: RefObject<HTMLElement | null>,
  painter: HighlightPainter | null,
): {
  readonly popover: HighlightPopoverState | null;
  readonly close: () => void;
  readonly keepOpen: (inside: boolean) => void;
  /** The person started working in a hovered card: it stays until closed. */
  readonly pin: () => void;
} {
  const [popover, setPopover] = useState<HighlightPopoverState | null>(null);
  const current = useRef<HighlightPopoverState | null>(null);
  current.current = popover;
  const insidePopover = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const body = bodyRef.current;
    const scroller = scrollerRef.current;
    if (!body || !scroller || !painter) return;
    let frame = 0;
    let last: { x: number; y: number } | null = null;
    const idsAt = (x: number, y: number) => {
      const at = characterAt(document, x, y);
      return at === null ? [] : painter.highlightsAt(at);
    };
    const later = (run: () => void, ms: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(run, ms);
    };

    const hover = () => {
      frame = 0;
      if (!last || current.current?.pinned) return;
      const { x, y } = last;
      const ids = idsAt(x, y);
      painter.showHover(ids);
      const shown = current.current;
      if (ids.length === 0) {
        if (shown) later(() => !insidePopover.current && setPopover(null), HIDE_DELAY_MS);
        else clearTimeout(timer.current);
        return;
      }
      if (shown && sameIds(shown.ids, ids)) return clearTimeout(timer.current);
      later(() => setPopover({ ids, anchor: anchorIn(scroller, x, y - LINE_REACH, y + LINE_REACH), pinned: false, takesFocus: false }), shown ? 0 : SHOW_DELAY_MS);
    };
    const onMove = (event: MouseEvent) => {
      last = { x: event.clientX, y: event.clientY };
      if (frame === 0) frame = requestAnimationFrame(hover);
    };
    const onLeave = () => {
      last = null;
      painter.showHover([]);
      if (!current.current?.pinned) later(() => !insidePopover.current && setPopover(null), HIDE_DELAY_MS);
    };
    const onClick = (event: MouseEvent) => {
      // A click that ends a selection is for the selection toolbar, not a card.
      if (document.getSelection()?.isCollapsed === false) return;
      const ids = idsAt(event.clientX, event.clientY);
      clearTimeout(timer.current);
      // A click on text outside every highlight puts a card opened by a click away.
      if (ids.length === 0) {
        if (current.current?.pinned) setPopover(null);
        return;
      }
      setPopover({ ids, anchor: anchorIn(scroller, event.clientX, event.clientY - LINE_REACH, event.clientY + LINE_REACH), pinned: true, takesFocus: true });
    };
    body.addEventListener('mousemove', onMove, { passive: true });
    body.addEventListener('mouseleave', onLeave);
    body.addEventListener('click', onClick);
    return () => {
      body.removeEventListener('mousemove', onMove);
      body.removeEventListener('mouseleave', onLeave);
      body.removeEventListener('click', onClick);
      cancelAnimationFrame(frame);
      clearTimeout(timer.current);
    };
  }, [bodyRef, scrollerRef, painter]);

  return {
    popover,
    close: () => {
      clearTimeout(timer.current);
      insidePopover.current = false;
      painter?.showHover([]);
      setPopover(null);
    },
    pin: () => {
      clearTimeout(timer.current);
      setPopover((shown) => (shown && !shown.pinned ? { ...shown, pinned: true } : shown));
    },
    keepOpen: (inside) => {
      insidePopover.current = inside;
      if (inside) clearTimeout(timer.current);
      else if (!current.current?.pinned) timer.current = setTimeout(() => setPopover(null), HIDE_DELAY_MS);
    },
  };
}
