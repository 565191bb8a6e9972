import type { Command } from './command';
import { matchesStroke, worksWhileTyping, type KeyPress, type Keystroke } from './shortcut';

/**
 * The command a key press runs from anywhere in the window, or null. Keys a feature reads itself
 * (undo, find) are left to it; while the person types, only strokes with the command key or an
 * F-key count, so a letter always goes into the field.
 */
export function commandForPress(commands: readonly Command[], press: KeyPress, mac: boolean, typing: boolean): Command | null {
  for (const command of commands) {
    if (command.keysHandledBy === 'feature') continue;
    for (const sequence of command.shortcuts ?? []) {
      const [stroke, ...rest] = sequence;
      if (stroke && rest.length === 0 && matchesStroke(press, stroke, mac) && (!typing || worksWhileTyping(stroke))) return command;
    }
  }
  return null;
}

const sameStroke = (a: Keystroke, b: Keystroke): boolean =>
  a.key.toLowerCase() === b.key.toLowerCase() && (a.mod ?? false) === (b.mod ?? false) && (a.shift ?? false) === (b.shift ?? false) && (a.alt ?? false) === (b.alt ?? false);

/**
 * The command a second stroke completes after `first` (as Ctrl+K, Ctrl+→): the first stroke opens
 * the palette, so the palette asks this of the next press while nothing has been typed in it.
 */
export function chordCommand(commands: readonly Command[], first: Keystroke, press: KeyPress, mac: boolean): Command | null {
  for (const command of commands) {
    for (const sequence of command.shortcuts ?? []) {
      const [head, second, ...rest] = sequence;
      if (head && second && rest.length === 0 && sameStroke(head, first) && matchesStroke(press, second, mac)) return command;
    }
  }
  return null;
}
