import { describe, expect, it } from 'vitest';
import { matchesStroke, sequenceLabel, worksWhileTyping, type KeyPress } from './shortcut';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });

describe('shortcuts', () => {
  it('match a letter in either case, with exactly the modifiers asked for', () => {
    expect(matchesStroke(press('K', { ctrlKey: true }), { key: 'k', mod: true }, false)).toBe(true);
    expect(matchesStroke(press('k', { ctrlKey: true, shiftKey: true }), { key: 'k', mod: true }, false)).toBe(false);
    expect(matchesStroke(press('k', { metaKey: true, ctrlKey: true }), { key: 'k', mod: true }, true)).toBe(false);
    expect(matchesStroke(press('F6'), { key: 'F6' }, false)).toBe(true);
  });

  it('are written as on the keyboard of the system', () => {
    const chord = [{ key: 'k', mod: true }, { key: 'ArrowRight', mod: true }];
    expect(sequenceLabel(chord, false)).toBe('Ctrl+K, Ctrl+→');
    expect(sequenceLabel(chord, true)).toBe('Cmd+K, Cmd+→');
    expect(sequenceLabel([{ key: 'F6', shift: true }], false)).toBe('Shift+F6');
  });

  it('work while typing only with the command key or as F-keys', () => {
    expect(worksWhileTyping({ key: 'k', mod: true })).toBe(true);
    expect(worksWhileTyping({ key: 'F1' })).toBe(true);
    expect(worksWhileTyping({ key: 'h' })).toBe(false);
  });
});
