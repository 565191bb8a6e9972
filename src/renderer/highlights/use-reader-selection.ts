import type { VirtualElement } from '@floating-ui/react';
import { useEffect, useState, type RefObject } from 'react';
import type { TextRange } from '../../core/model/source';
import { contentRect, paneOf } from '../controls/use-popover';
import { indexText } from '../reader/dom-offsets';
import { trimRange } from './trim-range';

/** Where tools for a selection or a highlight go: a line's height at a point of the scrolling area's content. */
export interface ToolAnchor {
  readonly top: number;
  readonly left: number;
  /** That line on screen, moving with the text as it scrolls: the tools go below it, or above when there is no room below. */
  readonly reference: VirtualElement;
  /** The pane the tools must stay inside (never under the sidebar, another pane or the status bar). */
  readonly boundary: Element | null;
}

export interface ReaderSelection {
  readonly range: TextRange;
  /** The line where the selection ends (where the pointer or caret is), at that end. */
  readonly anchor: ToolAnchor;
}

/** The line from `top` to `bottom` at `x` (viewport coordinates), held in the scroller's content so tools placed there scroll with the text. */
export function anchorIn(scroller: Element, x: number, top: number, bottom: number): ToolAnchor {
  const box = scroller.getBoundingClientRect();
  const at = { top: top - box.top + scroller.scrollTop, left: x - box.left, width: 0, height: Math.max(0, bottom - top) };
  return { top: at.top, left: at.left, reference: contentRect(scroller, at), boundary: paneOf(scroller) };
}

/**
 * The passage selected in the source's text (mouse or keyboard), as canonical offsets without
 * surrounding spaces, or null when nothing there is selected.
 */
export function useReaderSelection(bodyRef: RefObject<HTMLElement | null>, scrollerRef: RefObject<HTMLElement | null>, text: string): ReaderSelection | null {
  const [selection, setSelection] = useState<ReaderSelection | null>(null);

  useEffect(() => {
    let frame = 0;
    // While the mouse button is down the person is still choosing: the tools would only get in the way.
    let dragging = false;
    const read = () => {
      frame = 0;
      if (dragging) return setSelection(null);
      const body = bodyRef.current;
      const scroller = scrollerRef.current;
      const current = document.getSelection();
      if (!body || !scroller || !current || current.rangeCount === 0 || current.isCollapsed) return setSelection(null);
      const dom = current.getRangeAt(0);
      if (!dom.intersectsNode(body)) return setSelection(null);
      const found = indexText(body).toTextRange(dom);
      const range = found && trimRange(text, found);
      if (!range) return setSelection(null);
      // The tools go by the end the person moved last: below its line.
      const backward = current.anchorNode === dom.endContainer && current.anchorOffset === dom.endOffset && !dom.collapsed;
      const rects = [...dom.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
      const edge = backward ? rects[0] : rects.at(-1);
      if (!edge) return setSelection(null);
      const anchor = anchorIn(scroller, backward ? edge.left : edge.right, edge.top, edge.bottom);
      setSelection((previous) =>
        previous && previous.range.start === range.start && previous.range.end === range.end && previous.anchor.top === anchor.top && previous.anchor.left === anchor.left
          ? previous
          : { range, anchor },
      );
    };
    const onChange = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    const onDown = (event: MouseEvent) => {
      if (event.button === 0 && bodyRef.current?.contains(event.target as Node)) dragging = true;
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = false;
      onChange();
    };
    document.addEventListener('selectionchange', onChange);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('mouseup', onUp);
    return () => {
      document.removeEventListener('selectionchange', onChange);
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('mouseup', onUp);
      cancelAnimationFrame(frame);
    };
  }, [bodyRef, scrollerRef, text]);

  return selection;
}
