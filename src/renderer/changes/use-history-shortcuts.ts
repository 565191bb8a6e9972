import { useEffect } from 'react';
import type { ChangeTracker } from './change-tracker';
import { historyCommand, isTypingTarget } from './history-keys';

/**
 * Ctrl/Cmd+Z and Shift+Ctrl/Cmd+Z anywhere in the window undo and redo the last highlight or tag
 * change, except while typing, where the field (or the memo editor) keeps its own undo.
 */
export function useHistoryShortcuts(tracker: ChangeTracker): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = historyCommand(event);
      if (!command) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (isTypingTarget(target)) return;
      event.preventDefault();
      void (command === 'undo' ? tracker.undo() : tracker.redo());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [tracker]);
}
