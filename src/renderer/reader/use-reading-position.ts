import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { CharOffset, SourceId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { debounce } from './debounce';
import { firstVisibleBlockStart, scrollToOffset } from './reading-anchor';

/** Scrolling settles for this long before the position is saved. */
const SAVE_DELAY_MS = 300;

/** Where a shown source opened: its saved position, or null for the top. */
export interface ShownAt {
  readonly position: CharOffset | null;
}

/**
 * Once the source is shown (`shown` set), restores its reading position, then saves the first
 * visible block's offset as the person scrolls. A pending save is sent at once when the source
 * closes or the page is left (reload, closing the window, switching away). Call it from the
 * component that owns the scrolling element, so the source's blocks are in the DOM by the time
 * its layout effect runs. Returns why the position could not be saved.
 */
export function useReadingPosition(
  api: NotebookApi,
  sourceId: SourceId,
  scrollerRef: RefObject<HTMLElement | null>,
  shown: ShownAt | null,
): string | null {
  const [saveProblem, setSaveProblem] = useState<string | null>(null);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !shown) return;
    if (shown.position === null || !scrollToOffset(scroller, shown.position)) scroller.scrollTop = 0;
  }, [scrollerRef, shown]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || !shown) return;
    let saved = shown.position;
    const save = debounce((offset: CharOffset) => {
      if (offset === saved) return;
      saved = offset;
      void api.call('reading.set', { sourceId, offset }).then((result) => {
        if (result.ok) {
          setSaveProblem(null);
          return;
        }
        // Forget it, so the next scroll tries again.
        saved = null;
        setSaveProblem(result.error.message);
      });
    }, SAVE_DELAY_MS);
    const onScroll = () => {
      const offset = firstVisibleBlockStart(scroller);
      if (offset !== null) save.schedule(offset);
    };
    const flush = () => save.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') save.flush();
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      save.flush();
    };
  }, [api, sourceId, scrollerRef, shown]);

  return saveProblem;
}
