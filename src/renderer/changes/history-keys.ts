/** The parts of a keyboard event that decide whether it asks for undo or redo. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/**
 * Ctrl+Z / Cmd+Z undoes; Shift+Ctrl+Z / Shift+Cmd+Z (and Ctrl+Y, as on Windows) redoes. Either
 * modifier works on every system, so a person on a Mac keyboard under Linux is not stuck.
 */
export function historyCommand(press: KeyPress): 'undo' | 'redo' | null {
  if (press.altKey || press.ctrlKey === press.metaKey) return null;
  const key = press.key.toLowerCase();
  if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && press.ctrlKey && !press.shiftKey) return 'redo';
  return null;
}

/** What the focused element is, as far as typing goes. */
export interface FocusTarget {
  readonly tagName: string;
  readonly isContentEditable: boolean;
  readonly type?: string;
}

/** Inputs that take no typed text; the notebook's shortcuts stay on while they have focus. */
const UNTYPED_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/**
 * Whether typing goes into the focused element: then its own undo (a text field's, the memo
 * editor's) and its own letters come first, and the notebook's shortcuts keep out of the way.
 */
export function isTypingTarget(target: FocusTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !UNTYPED_INPUTS.has((target.type ?? 'text').toLowerCase());
}
