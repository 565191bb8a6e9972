/**
 * "Focus the other pane" is F6, or the chord Ctrl+K then Ctrl+Right (Cmd on macOS), as in code
 * editors. A chord is two key presses, so whether a press completes one depends on the press
 * before it; this keeps that state, and nothing else.
 */

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export type PaneCommand = 'focus-other-pane';

/** The second key of a chord must follow the first within this long. */
const CHORD_MS = 1500;

const withCommandKey = (press: KeyPress, mac: boolean): boolean => (mac ? press.metaKey : press.ctrlKey) && !press.altKey;

/** Pressing a modifier on its own (between the two keys of a chord, as people do) is no key of its own. */
const MODIFIERS = new Set(['Control', 'Meta', 'Shift', 'Alt', 'AltGraph']);

export class KeyChords {
  #pendingSince: number | null = null;

  constructor(private readonly mac: boolean) {}

  /**
   * The command a press completes, 'pending' when it starts a chord (the caller should keep the
   * browser from acting on it), or null.
   */
  press(press: KeyPress, now: number): PaneCommand | 'pending' | null {
    if (MODIFIERS.has(press.key)) return null;
    const pending = this.#pendingSince !== null && now - this.#pendingSince <= CHORD_MS;
    this.#pendingSince = null;
    if (press.key === 'F6' && !press.ctrlKey && !press.metaKey && !press.altKey) return 'focus-other-pane';
    if (!withCommandKey(press, this.mac) || press.shiftKey) return null;
    if (pending && press.key === 'ArrowRight') return 'focus-other-pane';
    if (press.key.toLowerCase() === 'k') {
      this.#pendingSince = now;
      return 'pending';
    }
    return null;
  }
}
