import { useSyncExternalStore } from 'react';
import { settingsStore } from './settings-store';
import type { WorkspaceSettings } from './workspace-settings';

/** The window's settings, rendering again when they change. */
export function useSettings(): WorkspaceSettings {
  return useSyncExternalStore(settingsStore.subscribe, settingsStore.snapshot);
}
