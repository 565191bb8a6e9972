import { useEffect, type RefObject } from 'react';
import { inWidget, isLink, isLinkKey, leaveTabOrder, linkIndexForKey, linksOnPage } from './reader-links';

/**
 * Makes the reader one Tab stop with its links on the arrow keys (see reader-links.ts): links
 * leave the Tab order as they appear, whoever renders them; → and ← from the text go to the links
 * on screen, the arrows then step through them, and Escape returns to the text. Moving to the text
 * never scrolls it; moving to a link off screen brings just that link into view.
 */
export function useReaderLinks(scrollerRef: RefObject<HTMLElement | null>, articleRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    leaveTabOrder(scroller);
    const added = new MutationObserver((mutations) => {
      for (const mutation of mutations) for (const node of mutation.addedNodes) if (node instanceof Element) leaveTabOrder(node);
    });
    added.observe(scroller, { childList: true, subtree: true });

    const onKeyDown = (event: KeyboardEvent) => {
      const article = articleRef.current;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.defaultPrevented || !article || !target || !isLinkKey(event)) return;
      const onLink = isLink(target);
      // Keys in the text's widgets (toolbar, popovers, menus) are theirs; in the text, only → and ← are ours.
      if (!onLink && (!article.contains(target) || inWidget(target))) return;
      if (event.key === 'Escape') {
        if (!onLink) return;
        event.preventDefault();
        article.focus({ preventScroll: true });
        return;
      }
      const links = linksOnPage(scroller);
      const bounds = scroller.getBoundingClientRect();
      const current = onLink ? links.findIndex((link) => link.element === target) : -1;
      const next = linkIndexForKey(event.key, links.map((link) => link.top), current, { top: bounds.top, bottom: bounds.bottom });
      const link = next === null ? undefined : links[next]?.element;
      if (!link) return;
      event.preventDefault();
      link.focus({ preventScroll: true });
      link.scrollIntoView({ block: 'nearest' });
    };
    scroller.addEventListener('keydown', onKeyDown);
    return () => {
      added.disconnect();
      scroller.removeEventListener('keydown', onKeyDown);
    };
  }, [scrollerRef, articleRef]);
}
