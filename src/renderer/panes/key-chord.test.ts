import { describe, expect, it } from 'vitest';
import { KeyChords, type KeyPress } from './key-chord';

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });
const ctrl = (key: string): KeyPress => press(key, { ctrlKey: true });

describe('KeyChords', () => {
  it('focuses the other pane on F6 alone', () => {
    const chords = new KeyChords(false);
    expect(chords.press(press('F6'), 0)).toBe('focus-other-pane');
    expect(chords.press(press('F6', { altKey: true }), 0)).toBeNull();
  });

  it('focuses the other pane on Ctrl+K then Ctrl+Right, soon after', () => {
    const chords = new KeyChords(false);
    expect(chords.press(ctrl('k'), 1000)).toBe('pending');
    expect(chords.press(ctrl('ArrowRight'), 1500)).toBe('focus-other-pane');
    expect(chords.press(ctrl('ArrowRight'), 1600)).toBeNull();
    expect(chords.press(ctrl('K'), 2000)).toBe('pending');
    expect(chords.press(ctrl('ArrowRight'), 4000)).toBeNull();
  });

  it('lets the modifier be pressed again between the two keys', () => {
    const chords = new KeyChords(false);
    expect(chords.press(ctrl('k'), 0)).toBe('pending');
    expect(chords.press(ctrl('Control'), 100)).toBeNull();
    expect(chords.press(ctrl('ArrowRight'), 200)).toBe('focus-other-pane');
  });

  it('forgets a started chord when another key comes between', () => {
    const chords = new KeyChords(false);
    chords.press(ctrl('k'), 0);
    expect(chords.press(press('a'), 10)).toBeNull();
    expect(chords.press(ctrl('ArrowRight'), 20)).toBeNull();
  });

  it('uses Cmd instead of Ctrl on macOS', () => {
    const chords = new KeyChords(true);
    expect(chords.press(ctrl('k'), 0)).toBeNull();
    expect(chords.press(press('k', { metaKey: true }), 0)).toBe('pending');
    expect(chords.press(press('ArrowRight', { metaKey: true }), 10)).toBe('focus-other-pane');
  });
});
