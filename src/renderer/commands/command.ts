import type { SourceId } from '../../core/model/ids';
import type { NotebookApi, PaneView } from '../../shared/api-contract';
import type { PaneName } from '../panes/pane-layout';
import type { KeySequence } from './shortcut';

/** What the window lets a command do; the command center builds it from the workspace's state. */
export interface CommandContext {
  readonly api: NotebookApi;
  /** Whether a second pane is open. */
  readonly twoPanes: boolean;
  /** Whether the pane with the keyboard shows a source (so there is a text to find in). */
  readonly readingSource: boolean;
  /** Goes to a location of the window (a view, a source). */
  go(hash: string): void;
  show(pane: PaneName, view: PaneView): void;
  openToSide(sourceId: SourceId): void;
  swapPanes(): void;
  closeRightPane(): void;
  /** Moves the keyboard to the next (1) or previous (-1) region: the sidebar, each pane, each annotations panel. */
  cycleRegions(step: 1 | -1): void;
  focusOtherPane(): void;
  /** Focuses the first control marked with this `data-command` (a control whose state lives in its own component). */
  press(mark: string): boolean;
  /** Focuses an element found by a selector, without scrolling anything. */
  focus(selector: string): boolean;
  findInSource(): void;
  openPalette(): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Says why a command could not do what it was asked. */
  report(problem: string): void;
}

/** Where a command is listed in the palette and the Help view. */
export type CommandSection = 'General' | 'Move around' | 'Views' | 'Memos' | 'Panes' | 'Library' | 'Reading' | 'Appearance' | 'Sources' | 'Tags';

/**
 * One thing the person can do from the palette, and from its keys when it has some. Commands are
 * plain values; the palette, the Help view and the key dispatcher all read the same list.
 */
export interface Command {
  /** Stable and unique: "memo.new". */
  readonly id: string;
  /** What the palette shows and finds, as an action: "New memo". */
  readonly title: string;
  readonly section: CommandSection;
  /** Other words the palette finds it by. */
  readonly keywords?: readonly string[];
  /** The keys that run it; the first is the one shown in the palette. */
  readonly shortcuts?: readonly KeySequence[];
  /**
   * The keys are read by the feature itself, where only it knows whether they apply (undo outside
   * text fields, find when a source is open); the dispatcher leaves them alone.
   */
  readonly keysHandledBy?: 'feature';
  /** False for the palette's own command, which the palette does not list (Help still does). */
  readonly inPalette?: false;
  /** Whether it can run now; unavailable commands stay out of the palette. */
  readonly available?: (context: CommandContext) => boolean;
  readonly run: (context: CommandContext) => void | Promise<void>;
}
