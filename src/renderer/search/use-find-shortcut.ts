import { useEffect, useRef } from 'react';

/**
 * Ctrl+F (Cmd+F on macOS) finds in the open source instead of the page, when a pane shows one;
 * otherwise the browser's own find is left alone.
 */
export function useFindShortcut(mac: boolean, enabled: boolean, onFind: () => void): void {
  const latest = useRef(onFind);
  useEffect(() => {
    latest.current = onFind;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = mac ? event.metaKey : event.ctrlKey;
      if (!command || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'f') return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [mac, enabled]);
}
