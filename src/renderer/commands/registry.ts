import type { SourceSummary } from '../../shared/api-contract';
import { hashFor, hashForSource } from '../app/location-hash';
import { largerText, setLineWidth, setTheme, setTypeface, smallerText, toggleSidebar } from '../settings/settings-store';
import { LINE_WIDTH_LABELS, THEME_LABELS, TYPEFACE_LABELS, type LineWidth, type ThemeChoice, type Typeface } from '../settings/workspace-settings';
import type { TagIndex } from '../tags/tag-index';
import type { Command } from './command';
import type { Keystroke } from './shortcut';
import { VIEWS } from './views';

/** The palette's own keys; "Ctrl+K" followed by a second stroke is how chords start. */
export const PALETTE_STROKE: Keystroke = { key: 'k', mod: true };

/** The mark Library's "Add sources" button carries (Electron's menu presses it by the same mark). */
const ADD_SOURCES_MARK = 'add-sources';

const general: readonly Command[] = [
  { id: 'palette.open', title: 'Show all commands', section: 'General', keywords: ['palette'], shortcuts: [[PALETTE_STROKE]], inPalette: false, run: (c) => c.openPalette() },
  { id: 'help.open', title: 'Open Help: keyboard shortcuts', section: 'General', keywords: ['keys', 'shortcuts'], shortcuts: [[{ key: 'F1' }]], run: (c) => c.go(hashFor({ view: 'help' })) },
  { id: 'history.undo', title: 'Undo the last change', section: 'General', shortcuts: [[{ key: 'z', mod: true }]], keysHandledBy: 'feature', run: (c) => c.undo() },
  {
    id: 'history.redo',
    title: 'Redo',
    section: 'General',
    shortcuts: [[{ key: 'z', mod: true, shift: true }], [{ key: 'y', mod: true }]],
    keysHandledBy: 'feature',
    run: (c) => c.redo(),
  },
];

const moving: readonly Command[] = [
  { id: 'region.next', title: 'Go to the next region', section: 'Move around', keywords: ['focus', 'pane', 'sidebar'], shortcuts: [[{ key: 'F6' }]], run: (c) => c.cycleRegions(1) },
  { id: 'region.previous', title: 'Go to the previous region', section: 'Move around', keywords: ['focus', 'pane', 'sidebar'], shortcuts: [[{ key: 'F6', shift: true }]], run: (c) => c.cycleRegions(-1) },
  {
    id: 'pane.other',
    title: 'Go to the other pane',
    section: 'Move around',
    keywords: ['focus'],
    shortcuts: [[PALETTE_STROKE, { key: 'ArrowRight', mod: true }]],
    available: (c) => c.twoPanes,
    run: (c) => c.focusOtherPane(),
  },
  {
    id: 'search.focus',
    title: 'Search all sources',
    section: 'Move around',
    keywords: ['find'],
    shortcuts: [[{ key: 'f', mod: true, shift: true }]],
    run: (c) => void c.focus('input[type="search"][aria-label="Search sources"]'),
  },
  {
    id: 'source.find',
    title: 'Find in this source',
    section: 'Move around',
    shortcuts: [[{ key: 'f', mod: true }]],
    keysHandledBy: 'feature',
    available: (c) => c.readingSource,
    run: (c) => c.findInSource(),
  },
  { id: 'library.filter', title: 'Filter the library', section: 'Library', run: (c) => void c.focus('input[aria-label="Filter the library"]') },
  {
    id: 'library.add',
    title: 'Add sources…',
    section: 'Library',
    keywords: ['import', 'pdf', 'word', 'epub'],
    run: (c) => {
      if (!c.press(ADD_SOURCES_MARK)) c.report('“Add sources” is not on screen: show the sidebar first.');
    },
  },
];

const views: readonly Command[] = VIEWS.filter((entry) => entry.view !== 'help').map((entry) => ({
  id: `view.${entry.view}`,
  title: `Open ${entry.label}`,
  section: 'Views' as const,
  keywords: ['view'],
  run: (c) => c.go(entry.hash),
}));

const memos: readonly Command[] = [
  {
    id: 'memo.new',
    title: 'New memo',
    section: 'Memos',
    keywords: ['write', 'note'],
    run: async (c) => {
      const made = await c.api.call('memos.create', {});
      if (!made.ok) return c.report(`A new memo could not be made: ${made.error.message}`);
      // Beside what is being read, as the Memos button opens them.
      c.show('second', { kind: 'memo', memoId: made.value.id });
    },
  },
  { id: 'memo.list', title: 'Show the memos', section: 'Memos', run: (c) => c.show('second', { kind: 'memo', memoId: null }) },
];

const panes: readonly Command[] = [
  { id: 'pane.tag-side', title: 'Open the tag view to the side', section: 'Panes', run: (c) => c.show('second', { kind: 'tag', tagId: null }) },
  { id: 'pane.swap', title: 'Swap panes', section: 'Panes', available: (c) => c.twoPanes, run: (c) => c.swapPanes() },
  { id: 'pane.close', title: 'Close the right pane', section: 'Panes', available: (c) => c.twoPanes, run: (c) => c.closeRightPane() },
];

const choices = <T extends string>(labels: Readonly<Record<T, string>>): readonly T[] => Object.keys(labels) as T[];

const reading: readonly Command[] = [
  { id: 'reading.larger', title: 'Larger text', section: 'Reading', keywords: ['font', 'size', 'zoom'], run: () => largerText() },
  { id: 'reading.smaller', title: 'Smaller text', section: 'Reading', keywords: ['font', 'size', 'zoom'], run: () => smallerText() },
  ...choices<LineWidth>(LINE_WIDTH_LABELS).map((width) => ({
    id: `reading.width.${width}`,
    title: `Line width: ${LINE_WIDTH_LABELS[width]}`,
    section: 'Reading' as const,
    keywords: ['measure', 'column'],
    run: () => setLineWidth(width),
  })),
  ...choices<Typeface>(TYPEFACE_LABELS).map((typeface) => ({
    id: `reading.typeface.${typeface}`,
    title: `Typeface: ${TYPEFACE_LABELS[typeface]}`,
    section: 'Reading' as const,
    keywords: ['font'],
    run: () => setTypeface(typeface),
  })),
];

const appearance: readonly Command[] = [
  ...choices<ThemeChoice>(THEME_LABELS).map((theme) => ({
    id: `theme.${theme}`,
    title: theme === 'system' ? 'Theme: follow the system' : `Theme: ${THEME_LABELS[theme]}`,
    section: 'Appearance' as const,
    keywords: ['dark', 'light', 'colour', 'color', 'mode'],
    run: () => setTheme(theme),
  })),
  { id: 'sidebar.toggle', title: 'Hide or show the sidebar', section: 'Appearance', keywords: ['library', 'collapse'], run: () => toggleSidebar() },
];

/** Every command that is always there, in the order the Help view lists them. */
export const COMMANDS: readonly Command[] = [...general, ...moving, ...views, ...memos, ...panes, ...reading, ...appearance];

/** "Open …" and "Open … to the side" for each source of the library. */
export function sourceCommands(sources: readonly SourceSummary[]): readonly Command[] {
  return sources.flatMap((source) => [
    { id: `source.open.${source.id}`, title: `Open “${source.title}”`, section: 'Sources' as const, keywords: [source.author ?? '', source.publisher ?? ''], run: (c) => c.go(hashForSource(source.id)) },
    {
      id: `source.side.${source.id}`,
      title: `Open “${source.title}” to the side`,
      section: 'Sources' as const,
      keywords: [source.author ?? '', source.publisher ?? ''],
      run: (c) => c.openToSide(source.id),
    },
  ]);
}

/** "Tag view: …" for each tag that carries passages. */
export function tagCommands(tags: TagIndex): readonly Command[] {
  return tags.set.tags
    .filter((tag) => tags.usage(tag.id) > 0)
    .map((tag) => ({
      id: `tag.view.${tag.id}`,
      title: `Tag view: ${tag.name}`,
      section: 'Tags' as const,
      keywords: tag.aliases,
      run: (c) => c.go(hashFor({ view: 'tag', tagId: tag.id })),
    }));
}

/** Keys read where they apply rather than from anywhere: documented in Help beside the commands. */
export interface KeyInPlace {
  readonly where: string;
  readonly keys: readonly string[];
  readonly what: string;
}

export const KEYS_IN_PLACE: readonly KeyInPlace[] = [
  { where: 'Anywhere', keys: ['Tab', 'Shift+Tab'], what: 'Next or previous control; the reader’s text and the tag view’s list of tags are one stop each.' },
  { where: 'Library, list of tags', keys: ['↑', '↓', 'Home', 'End'], what: 'Move through the entries.' },
  { where: 'Library', keys: ['Shift+Enter'], what: 'Open the source to the side.' },
  { where: 'Reader', keys: ['↑', '↓', 'Page Up', 'Page Down'], what: 'Scroll.' },
  { where: 'Reader', keys: ['→', '←'], what: 'Move through the links on screen (contents, notes, the source’s actions); Esc returns to the text.' },
  { where: 'Reader', keys: ['Shift+arrows'], what: 'Select text; with Ctrl (Option on a Mac), by word or paragraph.' },
  { where: 'Reader, with a selection', keys: ['H'], what: 'Highlight the selection.' },
  { where: 'Reader, with a selection', keys: ['T'], what: 'Tag the selection.' },
  { where: 'Reader, with a selection', keys: ['Esc'], what: 'Clear the selection.' },
  { where: 'A highlight (card or popover)', keys: ['G, then 1–6'], what: 'Grade the information’s credibility.' },
  { where: 'Find in this source', keys: ['Enter', 'Shift+Enter'], what: 'Next or previous match; Esc closes the find bar.' },
  { where: 'Search box', keys: ['Esc'], what: 'Clear the search.' },
  { where: 'Search results', keys: ['↑', '↓', 'Page Up', 'Page Down', 'Home', 'End'], what: 'Move through the results.' },
  { where: 'Memo', keys: ['@'], what: 'Cite a highlight: type a few of its words, then Enter.' },
  { where: 'Competing hypotheses grid', keys: ['arrows', 'Home', 'End'], what: 'Move between cells (with Ctrl, to the first or last cell).' },
  { where: 'Competing hypotheses grid', keys: ['1–5', 'Delete'], what: 'Rate the cell from CC (most consistent) to II; Delete or 0 clears it.' },
  { where: 'Panes', keys: ['←', '→', 'Home', 'End'], what: 'On the divider: resize the panes.' },
  { where: 'Command palette', keys: ['↑', '↓', 'Enter'], what: 'Choose a command; Esc closes the palette.' },
  { where: 'Dialogs and menus', keys: ['Esc'], what: 'Close, and return to where you were.' },
];
