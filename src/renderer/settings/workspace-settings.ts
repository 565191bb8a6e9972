/**
 * How the person has set up the window: the theme, how sources read (text size, line width,
 * typeface) and the sidebar. Plain values and the rules that keep them in range; the store that
 * remembers them is settings-store.ts.
 */

export type ThemeChoice = 'light' | 'dark' | 'system';
export type LineWidth = 'narrow' | 'medium' | 'wide';
export type Typeface = 'serif' | 'sans';

export interface WorkspaceSettings {
  /** "system" follows the operating system's light or dark preference. */
  readonly theme: ThemeChoice;
  /** The reader's text size in CSS pixels, one of TEXT_SIZES. */
  readonly textSize: number;
  readonly lineWidth: LineWidth;
  readonly typeface: Typeface;
  readonly sidebar: {
    readonly collapsed: boolean;
    /** Its width in CSS pixels; null: the default, which follows the window's width. */
    readonly width: number | null;
  };
}

/** The sizes "Larger text" and "Smaller text" step through; 18 px is the reader's own. */
export const TEXT_SIZES = [14, 15, 16, 17, 18, 20, 22, 24, 26] as const;

/** Characters a line, at most, for each line width: 66 is the classic measure. */
export const LINE_WIDTH_CH: Readonly<Record<LineWidth, number>> = { narrow: 56, medium: 66, wide: 80 };
export const LINE_WIDTH_LABELS: Readonly<Record<LineWidth, string>> = { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' };
export const THEME_LABELS: Readonly<Record<ThemeChoice, string>> = { light: 'Light', dark: 'Dark', system: 'System' };
export const TYPEFACE_LABELS: Readonly<Record<Typeface, string>> = { serif: 'Serif', sans: 'Sans-serif' };

export const MIN_SIDEBAR_WIDTH = 200;
export const MAX_SIDEBAR_WIDTH = 480;
const SIDEBAR_KEY_STEP = 16;
const SIDEBAR_PAGE_STEP = 64;

export const DEFAULT_SETTINGS: WorkspaceSettings = {
  theme: 'system',
  textSize: 18,
  lineWidth: 'medium',
  typeface: 'serif',
  sidebar: { collapsed: false, width: null },
};

const oneOf = <T extends string>(choices: Readonly<Record<T, unknown>>, value: unknown, fallback: T): T =>
  typeof value === 'string' && Object.hasOwn(choices, value) ? (value as T) : fallback;

export const clampSidebarWidth = (width: number): number => Math.round(Math.min(MAX_SIDEBAR_WIDTH, Math.max(MIN_SIDEBAR_WIDTH, width)));

/**
 * Settings read back from storage, whatever was stored: a value that is missing, of another kind or
 * out of range falls back to its default on its own, so one bad value never loses the others.
 */
export function readSettings(stored: unknown): WorkspaceSettings {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const sidebar = typeof raw.sidebar === 'object' && raw.sidebar !== null ? (raw.sidebar as Record<string, unknown>) : {};
  const size = raw.textSize;
  const width = sidebar.width;
  return {
    theme: oneOf(THEME_LABELS, raw.theme, DEFAULT_SETTINGS.theme),
    textSize: typeof size === 'number' && (TEXT_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SETTINGS.textSize,
    lineWidth: oneOf(LINE_WIDTH_LABELS, raw.lineWidth, DEFAULT_SETTINGS.lineWidth),
    typeface: oneOf(TYPEFACE_LABELS, raw.typeface, DEFAULT_SETTINGS.typeface),
    sidebar: {
      collapsed: sidebar.collapsed === true,
      width: typeof width === 'number' && Number.isFinite(width) ? clampSidebarWidth(width) : null,
    },
  };
}

/** The next text size up (step 1) or down (step -1), staying at the ends. */
export function steppedTextSize(size: number, step: 1 | -1): number {
  const index = TEXT_SIZES.findIndex((s) => s >= size);
  const at = index < 0 ? TEXT_SIZES.length - 1 : index;
  const next = TEXT_SIZES[Math.min(TEXT_SIZES.length - 1, Math.max(0, at + step))];
  return next ?? size;
}

/** The sidebar's width after a key on its resizer (the ARIA window splitter), or null for other keys. */
export function sidebarWidthForKey(width: number, key: string): number | null {
  switch (key) {
    case 'ArrowLeft':
      return clampSidebarWidth(width - SIDEBAR_KEY_STEP);
    case 'ArrowRight':
      return clampSidebarWidth(width + SIDEBAR_KEY_STEP);
    case 'PageDown':
      return clampSidebarWidth(width - SIDEBAR_PAGE_STEP);
    case 'PageUp':
      return clampSidebarWidth(width + SIDEBAR_PAGE_STEP);
    case 'Home':
      return MIN_SIDEBAR_WIDTH;
    case 'End':
      return MAX_SIDEBAR_WIDTH;
    default:
      return null;
  }
}

/** The theme the window shows for a choice: "system" takes the system's preference. */
export const shownTheme = (choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' => (choice === 'system' ? (systemDark ? 'dark' : 'light') : choice);
