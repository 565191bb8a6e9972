/**
 * The window's regions for F6: the sidebar, each pane and each annotations panel shown. F6 moves
 * the keyboard to the next one (Shift+F6 the previous), back to where it last was in it; and when
 * what had the keyboard goes away (a card deleted, a pane closed), the keyboard stays in its
 * region, on what took the place of what went, never on the page's body.
 */

/** Regions mark themselves with this attribute; annotations panels are found inside their pane. */
export const REGION_ATTRIBUTE = 'data-region';
const REGION_SELECTOR = `[${REGION_ATTRIBUTE}], [${REGION_ATTRIBUTE}="pane"] aside.annotations`;
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [contenteditable="true"], [tabindex]';
/** Inside these, focus is the business of the dialog or menu (it returns focus when it closes). */
const TRANSIENT = 'dialog, [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"]';

/** The region `step` away from `current` (-1: none has the keyboard, so start from `from`), going round. */
export function stepRegion(count: number, current: number, step: 1 | -1, from: number): number {
  if (count === 0) return -1;
  if (current < 0) return Math.min(Math.max(from, 0), count - 1);
  return (current + step + count) % count;
}

const shown = (element: Element): boolean => element.getClientRects().length > 0 && !element.closest('[hidden], [inert]');

export function regionsIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(REGION_SELECTOR)].filter(shown);
}

/** The innermost region holding `element` (an annotations panel rather than its pane). */
export function regionOf(regions: readonly HTMLElement[], element: Element | null): number {
  if (!element) return -1;
  for (let i = regions.length - 1; i >= 0; i -= 1) if (regions[i]?.contains(element)) return i;
  return -1;
}

/** What Tab would stop at inside `container`, in order. */
export function tabStops(container: ParentNode): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.tabIndex >= 0 && shown(element) && !element.closest(TRANSIENT));
}

/** Where the keyboard goes in a region it enters afresh: a pane's reader text, else its first stop. */
function entryPoint(region: HTMLElement): HTMLElement | null {
  const reader = region.querySelector<HTMLElement>('article.reader');
  if (reader && region.getAttribute(REGION_ATTRIBUTE) === 'pane' && !reader.closest('aside.annotations')) return reader;
  const body = region.querySelector<HTMLElement>('.pane-body');
  return (body ? tabStops(body)[0] : undefined) ?? tabStops(region)[0] ?? null;
}

/** Keeps track of where the keyboard was in each region, and moves it between them. */
export class RegionFocus {
  readonly #last = new WeakMap<HTMLElement, HTMLElement>();
  /** The last element with the keyboard outside dialogs and menus, and the stops either side of it. */
  #lastPlace: { readonly element: HTMLElement; readonly region: HTMLElement; readonly before?: HTMLElement; readonly after?: HTMLElement } | null = null;

  constructor(private readonly root: HTMLElement) {}

  /** To be called on every focusin in the window. */
  focused(element: HTMLElement): void {
    if (element.closest(TRANSIENT)) return;
    const regions = regionsIn(this.root);
    const region = regions[regionOf(regions, element)];
    if (!region) return;
    this.#last.set(region, element);
    const stops = tabStops(region);
    const index = stops.indexOf(element);
    this.#lastPlace = index < 0 ? { element, region } : { element, region, before: stops[index - 1], after: stops[index + 1] };
  }

  /** Moves the keyboard to the next or previous region; from nowhere, to `start` (e.g. the pane in use). */
  cycle(step: 1 | -1, start: HTMLElement | null): void {
    const regions = regionsIn(this.root);
    const active = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const from = start ? regions.indexOf(start) : 0;
    const next = regions[stepRegion(regions.length, regionOf(regions, active), step, from)];
    if (next) this.enter(next);
  }

  /** Gives the keyboard to a region, where it last was in it when that is still there. */
  enter(region: HTMLElement): void {
    const last = this.#last.get(region);
    const target = last?.isConnected && region.contains(last) && shown(last) ? last : entryPoint(region);
    target?.focus({ preventScroll: true });
  }

  /**
   * When the element with the keyboard went away and left it on the body, puts it on what came
   * after it in its region (the next entry of a list), else what came before, else where the
   * region is entered; when the region went too, into `fallback`.
   */
  rescue(fallback: HTMLElement | null): void {
    const place = this.#lastPlace;
    if (!place || place.element.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    this.#lastPlace = null;
    if (place.region.isConnected && shown(place.region)) {
      const still = (element: HTMLElement | undefined) => (element?.isConnected && place.region.contains(element) && shown(element) ? element : null);
      const target = still(place.after) ?? still(place.before) ?? entryPoint(place.region);
      if (target) {
        target.focus({ preventScroll: true });
        return;
      }
    }
    if (fallback) this.enter(fallback);
  }
}
