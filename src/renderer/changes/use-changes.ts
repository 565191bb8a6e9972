import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ChangeTracker, ChangesSnapshot } from './change-tracker';

/** The window's one ChangeTracker, provided by the App. */
export const ChangesContext = createContext<ChangeTracker | null>(null);

export function useChanges(): ChangeTracker {
  const tracker = useContext(ChangesContext);
  if (!tracker) throw new Error('useChanges needs a ChangesContext provider above it (the App provides one).');
  return tracker;
}

/** The tracker's state, re-rendering on every change to it. */
export function useChangesSnapshot(): ChangesSnapshot {
  const tracker = useChanges();
  return useSyncExternalStore(tracker.subscribe, tracker.snapshot);
}

/** Grows whenever a change was applied: a view reloads its data when it does. */
export function useRevision(): number {
  const tracker = useChanges();
  return useSyncExternalStore(tracker.subscribe, () => tracker.snapshot().revision);
}
