/**
 * Keyboard shortcuts as values: what a key stroke is, whether a press matches one, and how it is
 * written for the person (the palette and the Help view show the same words the dispatcher reads).
 */

/** The parts of a keyboard event a shortcut looks at. */
export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** One stroke: a key (as KeyboardEvent.key names it) and its modifiers. */
export interface Keystroke {
  readonly key: string;
  /** Ctrl, or Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
  readonly alt?: boolean;
}

/** Strokes pressed one after the other (most shortcuts are one stroke; "Ctrl+K, Ctrl+→" is two). */
export type KeySequence = readonly Keystroke[];

const sameKey = (pressed: string, wanted: string): boolean => pressed === wanted || (wanted.length === 1 && pressed.toLowerCase() === wanted.toLowerCase());

export function matchesStroke(press: KeyPress, stroke: Keystroke, mac: boolean): boolean {
  const mod = mac ? press.metaKey : press.ctrlKey;
  // The other system's command key held down is never part of a shortcut (Ctrl+K on a Mac is a text-editing key).
  const foreign = mac ? press.ctrlKey : press.metaKey;
  return sameKey(press.key, stroke.key) && mod === (stroke.mod ?? false) && !foreign && press.shiftKey === (stroke.shift ?? false) && press.altKey === (stroke.alt ?? false);
}

/** F-keys and strokes with the command key work even while typing; a plain letter belongs to the field. */
export const worksWhileTyping = (stroke: Keystroke): boolean => stroke.mod === true || /^F\d{1,2}$/.test(stroke.key);

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  ' ': 'Space',
};

const keyName = (key: string): string => KEY_NAMES[key] ?? (key.length === 1 ? key.toUpperCase() : key);

/** The keys of a stroke, one by one, as written on the keyboard ("Ctrl", "Shift", "K"). */
export function strokeKeys(stroke: Keystroke, mac: boolean): readonly string[] {
  return [...(stroke.mod ? [mac ? 'Cmd' : 'Ctrl'] : []), ...(stroke.alt ? [mac ? 'Option' : 'Alt'] : []), ...(stroke.shift ? ['Shift'] : []), keyName(stroke.key)];
}

/** "Ctrl+Shift+F", or "Ctrl+K, Ctrl+→" for a sequence. */
export function sequenceLabel(sequence: KeySequence, mac: boolean): string {
  return sequence.map((stroke) => strokeKeys(stroke, mac).join('+')).join(', ');
}

/** Whether the browser runs on a Mac, where Cmd takes Ctrl's part. */
export const onMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
