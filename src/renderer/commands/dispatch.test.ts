import { describe, expect, it } from 'vitest';
import type { Command } from './command';
import { chordCommand, commandForPress } from './dispatch';
import { COMMANDS, PALETTE_STROKE } from './registry';
import type { KeyPress } from './shortcut';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });
const idFor = (command: Command | null) => command?.id ?? null;

describe('commandForPress', () => {
  it('opens the palette on Ctrl+K, and on Cmd+K on a Mac only', () => {
    expect(idFor(commandForPress(COMMANDS, press('k', { ctrlKey: true }), false, false))).toBe('palette.open');
    expect(idFor(commandForPress(COMMANDS, press('K', { ctrlKey: true }), false, true))).toBe('palette.open');
    expect(idFor(commandForPress(COMMANDS, press('k', { metaKey: true }), true, false))).toBe('palette.open');
    expect(commandForPress(COMMANDS, press('k', { ctrlKey: true }), true, false)).toBeNull();
    expect(commandForPress(COMMANDS, press('k', { ctrlKey: true, altKey: true }), false, false)).toBeNull();
  });

  it('cycles the regions with F6 and Shift+F6, also while typing', () => {
    expect(idFor(commandForPress(COMMANDS, press('F6'), false, true))).toBe('region.next');
    expect(idFor(commandForPress(COMMANDS, press('F6', { shiftKey: true }), false, false))).toBe('region.previous');
    expect(commandForPress(COMMANDS, press('F6', { ctrlKey: true }), false, false)).toBeNull();
  });

  it('leaves the keys a feature reads itself to that feature', () => {
    expect(commandForPress(COMMANDS, press('z', { ctrlKey: true }), false, false)).toBeNull();
    expect(commandForPress(COMMANDS, press('f', { ctrlKey: true }), false, false)).toBeNull();
    expect(idFor(commandForPress(COMMANDS, press('F', { ctrlKey: true, shiftKey: true }), false, false))).toBe('search.focus');
  });

  it('lets a plain key go to the field being typed in', () => {
    const plain: Command = { id: 'x', title: 'X', section: 'General', shortcuts: [[{ key: '?' }]], run: () => undefined };
    expect(idFor(commandForPress([plain], press('?'), false, false))).toBe('x');
    expect(commandForPress([plain], press('?'), false, true)).toBeNull();
  });
});

describe('chordCommand', () => {
  it('completes Ctrl+K, Ctrl+→ as "go to the other pane"', () => {
    expect(idFor(chordCommand(COMMANDS, PALETTE_STROKE, press('ArrowRight', { ctrlKey: true }), false))).toBe('pane.other');
    expect(chordCommand(COMMANDS, PALETTE_STROKE, press('ArrowRight'), false)).toBeNull();
    expect(chordCommand(COMMANDS, PALETTE_STROKE, press('ArrowLeft', { ctrlKey: true }), false)).toBeNull();
  });
});

describe('the registry', () => {
  it('names each command once, and gives no two commands the same keys', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = COMMANDS.flatMap((c) => (c.shortcuts ?? []).map((s) => JSON.stringify(s)));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
