import { useEffect, useState, type RefObject } from 'react';
import type { CharOffset } from '../../core/model/ids';
import { debounce } from '../reader/debounce';
import { BLOCK_START_ATTRIBUTE, firstVisibleBlockStart, scrollToOffset } from '../reader/reading-anchor';

/** Scrolling settles for this long before the pane's place is measured. */
const SETTLE_MS = 250;

/** A source shown in a pane: its scrolling element and its article, once its blocks are in place. */
export interface ShownReader {
  readonly scroller: HTMLElement;
  readonly article: HTMLElement;
}

function shownReader(pane: HTMLElement): ShownReader | null {
  const scroller = pane.querySelector<HTMLElement>('.reader-scroller');
  const article = scroller?.querySelector<HTMLElement>('article.reader');
  if (!scroller || !article || article.getAttribute('aria-busy') !== 'false' || !article.querySelector(`[${BLOCK_START_ATTRIBUTE}]`)) return null;
  return { scroller, article };
}

/**
 * The reader in a pane, as sources open and close in it. The pane's views are the app's own
 * components; the pane learns of them from the page, as any overlay would.
 */
export function useShownReader(paneRef: RefObject<HTMLElement | null>): ShownReader | null {
  const [reader, setReader] = useState<ShownReader | null>(null);
  useEffect(() => {
    const pane = paneRef.current;
    if (!pane) return;
    const look = () =>
      setReader((current) => {
        const found = shownReader(pane);
        return found?.scroller === current?.scroller && found?.article === current?.article ? current : found;
      });
    look();
    const observer = new MutationObserver(look);
    observer.observe(pane, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    return () => observer.disconnect();
  }, [paneRef]);
  return reader;
}

/**
 * Tells `onOffset` where the pane's reader is scrolled to, and once it is shown, puts it at
 * `restore` (then calls `onRestored`).
 */
export function usePaneScroll(reader: ShownReader | null, restore: CharOffset | null, onOffset: (offset: CharOffset) => void, onRestored: () => void): void {
  useEffect(() => {
    if (!reader || restore === null) return;
    scrollToOffset(reader.scroller, restore);
    onRestored();
  }, [reader, restore, onRestored]);

  useEffect(() => {
    if (!reader) return;
    const { scroller } = reader;
    // Measured once scrolling settles: finding the first block in view reads every block's box.
    const measure = debounce(() => {
      const offset = firstVisibleBlockStart(scroller);
      if (offset !== null) onOffset(offset);
    }, SETTLE_MS);
    const onScroll = () => measure.schedule(undefined);
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      measure.cancel();
    };
  }, [reader, onOffset]);
}
