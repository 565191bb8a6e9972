/**
 * The reader is one Tab stop: a report has 150+ links (its contents, note markers, back-links,
 * the source's actions, the markers of passages shared with other sources), and tabbing through
 * them would both take forever and scroll the text away from where the person reads. So they
 * leave the Tab order, and the arrow keys move through them instead, starting from what is on
 * screen, in the order they appear on it.
 */

const LINKS = 'a[href], button, summary, [role="button"]';
/** Widgets with their own keys and Tab order: the selection toolbar, popovers, menus, pickers. */
const WIDGETS = 'dialog, [role="dialog"], [role="toolbar"], [role="menu"], [role="listbox"], [role="alertdialog"]';

export const inWidget = (element: Element): boolean => element.closest(WIDGETS) !== null;

export const isLink = (element: Element): element is HTMLElement => element instanceof HTMLElement && element.matches(LINKS) && !inWidget(element);

/** Takes the reader's links out of the Tab order (those that do not say where they stand themselves). */
export function leaveTabOrder(root: Element): void {
  const found = root instanceof HTMLElement && isLink(root) ? [root] : [];
  for (const element of root.querySelectorAll(LINKS)) if (isLink(element)) found.push(element);
  for (const element of found) if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
}

interface Placed {
  readonly element: HTMLElement;
  readonly top: number;
  readonly left: number;
}

/** The links inside `scroller` that are shown, top to bottom, then left to right. */
export function linksOnPage(scroller: Element): readonly Placed[] {
  const placed: Placed[] = [];
  for (const element of scroller.querySelectorAll(LINKS)) {
    if (!isLink(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    placed.push({ element, top: rect.top, left: rect.left });
  }
  return placed.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The top and bottom of the visible part of the scroller, in the viewport's coordinates. */
export interface Viewport {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Which link a key moves to, given the links' tops in order and the one with the keyboard (-1: the
 * text has it). From the text, → takes the first link on screen and ← the last; from a link, the
 * arrows step through them and Home and End go to the ends. Null: the key is not for moving.
 */
export function linkIndexForKey(key: string, tops: readonly number[], current: number, viewport: Viewport): number | null {
  if (tops.length === 0) return null;
  if (current < 0) {
    if (key === 'ArrowRight') {
      const first = tops.findIndex((top) => top >= viewport.top);
      return first < 0 || (tops[first] ?? Infinity) > viewport.bottom ? null : first;
    }
    if (key === 'ArrowLeft') {
      let last = -1;
      tops.forEach((top, i) => {
        if (top >= viewport.top && top < viewport.bottom) last = i;
      });
      return last < 0 ? null : last;
    }
    return null;
  }
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(current + 1, tops.length - 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return tops.length - 1;
    default:
      return null;
  }
}

/** Whether the key event is one the reader's links answer: a lone arrow, Home, End or Escape. */
export const isLinkKey = (event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): boolean =>
  !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Escape'].includes(event.key);
