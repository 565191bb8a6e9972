import { autoUpdate, flip, hide, offset, shift, size, useFloating, type Placement, type ReferenceType, type VirtualElement } from '@floating-ui/react';
import { useLayoutEffect, type CSSProperties } from 'react';

/** The room a popover keeps from the edges of its bounds. */
const EDGE = 8;
/** However little room there is, a popover keeps this height and scrolls inside rather than vanish. */
const MIN_HEIGHT = 120;

export interface PopoverOptions {
  /** Where the popover goes first; it flips to the other side when that one has no room. */
  readonly placement?: Placement;
  /** The space between the popover and what it points at. */
  readonly gap?: number;
  /**
   * What the popover must stay inside (the pane it belongs to): it never sits under the sidebar,
   * another pane or the status bar. Without one, the window and the scrolling areas around it.
   */
  readonly boundary?: Element | null;
  /** Hidden while what it points at is scrolled out of its bounds (a toolbar), rather than held at the edge. */
  readonly hideDetached?: boolean;
}

export interface Popover {
  /** The popover's element. */
  readonly ref: (element: HTMLElement | null) => void;
  /** Its place, and its size capped to the room there (the popover scrolls inside). */
  readonly style: CSSProperties;
}

/** The pane an element is in, to keep its popovers inside; null outside the panes. */
export const paneOf = (element: Element | null | undefined): Element | null => element?.closest('[data-pane]') ?? null;

/**
 * A rectangle of a scrolling area's content (where tools for a passage go), as Floating UI's
 * reference: it moves with the content as the area scrolls.
 */
export function contentRect(scroller: Element, rect: { readonly top: number; readonly left: number; readonly width: number; readonly height: number }): VirtualElement {
  return {
    contextElement: scroller,
    getBoundingClientRect: () => {
      const box = scroller.getBoundingClientRect();
      return DOMRect.fromRect({ x: box.left + rect.left, y: box.top + rect.top - scroller.scrollTop, width: rect.width, height: rect.height });
    },
  };
}

/**
 * Places a popover next to `reference` with Floating UI, wholly inside its bounds and the window:
 * it flips to the other side, shifts along, and when even that side is short of room its height is
 * capped and it scrolls inside, so every control in it can be reached and clicked.
 */
export function usePopover(reference: ReferenceType | null, { placement = 'bottom-start', gap = 6, boundary = null, hideDetached = false }: PopoverOptions = {}): Popover {
  const bounds = { boundary: boundary ?? 'clippingAncestors', padding: EDGE } as const;
  const { refs, floatingStyles, middlewareData } = useFloating({
    placement,
    // Fixed: out of the clipping of the scrolling area it is in, whatever its place in the page.
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(gap),
      flip({ ...bounds, fallbackStrategy: 'bestFit' }),
      shift({ ...bounds, crossAxis: true }),
      size({
        ...bounds,
        apply: ({ availableWidth, availableHeight, elements }) => {
          // A popover's own cap (--popover-max-height in its style) holds where there is more room.
          Object.assign(elements.floating.style, {
            maxWidth: `${Math.max(0, availableWidth)}px`,
            maxHeight: `min(var(--popover-max-height, 100vh), ${Math.max(MIN_HEIGHT, availableHeight)}px)`,
          });
        },
      }),
      ...(hideDetached ? [hide({ ...bounds, padding: 0 })] : []),
    ],
  });
  const { setPositionReference } = refs;
  useLayoutEffect(() => setPositionReference(reference), [setPositionReference, reference]);
  const hidden = middlewareData.hide?.referenceHidden === true;
  return { ref: refs.setFloating, style: hidden ? { ...floatingStyles, visibility: 'hidden' } : floatingStyles };
}
