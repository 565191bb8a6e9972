import { readSettings, shownTheme, steppedTextSize, LINE_WIDTH_CH, type LineWidth, type ThemeChoice, type Typeface, type WorkspaceSettings } from './workspace-settings';

/** The part of Web Storage the store needs. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The localStorage key; versioned so a later shape can read this one and move on. */
export const SETTINGS_KEY = 'notebook.settings.v1';

/**
 * The window's settings, remembered in the renderer's storage: they belong to this screen and
 * this person rather than to the notebook's evidence, so they live beside the window, not in the
 * store every backup and export reads. Subscribers (React, through useSettings) hear of each change.
 */
export class SettingsStore {
  private current: WorkspaceSettings;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: SettingsStorage | null) {
    this.current = readSettings(parse(storage?.getItem(SETTINGS_KEY) ?? null));
  }

  readonly snapshot = (): WorkspaceSettings => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: (current: WorkspaceSettings) => WorkspaceSettings): void {
    const next = readSettings(change(this.current));
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    try {
      this.storage?.setItem(SETTINGS_KEY, JSON.stringify(next));
    } catch {
      // Storage full or refused (a private window): the settings still apply until the window closes.
    }
    for (const listener of this.listeners) listener();
  }

  /** Another window of the same notebook changed the settings. */
  reload(): void {
    this.update(() => readSettings(parse(this.storage?.getItem(SETTINGS_KEY) ?? null)));
  }
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function windowStorage(): SettingsStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The window's one store of settings. */
export const settingsStore = new SettingsStore(windowStorage());

// Plain functions for every setting, so the command palette and keyboard shortcuts change them the
// same way the controls do.
export const setTheme = (theme: ThemeChoice): void => settingsStore.update((s) => ({ ...s, theme }));
export const setTextSize = (textSize: number): void => settingsStore.update((s) => ({ ...s, textSize }));
export const largerText = (): void => settingsStore.update((s) => ({ ...s, textSize: steppedTextSize(s.textSize, 1) }));
export const smallerText = (): void => settingsStore.update((s) => ({ ...s, textSize: steppedTextSize(s.textSize, -1) }));
export const setLineWidth = (lineWidth: LineWidth): void => settingsStore.update((s) => ({ ...s, lineWidth }));
export const setTypeface = (typeface: Typeface): void => settingsStore.update((s) => ({ ...s, typeface }));
export const setSidebarCollapsed = (collapsed: boolean): void => settingsStore.update((s) => ({ ...s, sidebar: { ...s.sidebar, collapsed } }));
export const toggleSidebar = (): void => setSidebarCollapsed(!settingsStore.snapshot().sidebar.collapsed);
export const setSidebarWidth = (width: number): void => settingsStore.update((s) => ({ ...s, sidebar: { ...s.sidebar, width } }));

/** What the settings put on the document's root: the theme shown, and the reader's variables (see reader.css). */
export function rootAttributes(settings: WorkspaceSettings, systemDark: boolean): { readonly theme: 'light' | 'dark'; readonly properties: Readonly<Record<string, string>> } {
  return {
    theme: shownTheme(settings.theme, systemDark),
    properties: {
      '--reader-text-size': `${settings.textSize}px`,
      '--reader-measure': `${LINE_WIDTH_CH[settings.lineWidth]}ch`,
      '--reader-font': settings.typeface === 'sans' ? 'var(--font-ui)' : 'var(--font-text)',
    },
  };
}

/**
 * Keeps the document's root in step with the settings and, for "System", with the system's
 * preference; also picks up changes made in another window. Called once, before the first render,
 * so the window never shows the other theme first.
 */
export function applySettingsToDocument(store: SettingsStore, root: HTMLElement, view: Window): void {
  const dark = view.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const { theme, properties } = rootAttributes(store.snapshot(), dark.matches);
    root.dataset.theme = theme;
    for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
  };
  apply();
  store.subscribe(apply);
  dark.addEventListener('change', apply);
  view.addEventListener('storage', (event) => {
    if (event.key === SETTINGS_KEY) store.reload();
  });
}
