import { describe, expect, it } from 'vitest';
import { historyCommand, isTypingTarget, type KeyPress } from './history-keys';

const press = (key: string, mods: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('historyCommand', () => {
  it('undoes with Ctrl+Z or Cmd+Z', () => {
    expect(historyCommand(press('z', { ctrlKey: true }))).toBe('undo');
    expect(historyCommand(press('z', { metaKey: true }))).toBe('undo');
  });

  it('redoes with Shift added (the key then reads "Z"), or with Ctrl+Y', () => {
    expect(historyCommand(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyCommand(press('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(historyCommand(press('y', { ctrlKey: true }))).toBe('redo');
  });

  it('leaves other keys and combinations alone', () => {
    expect(historyCommand(press('z'))).toBeNull();
    expect(historyCommand(press('z', { ctrlKey: true, metaKey: true }))).toBeNull();
    expect(historyCommand(press('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyCommand(press('y', { metaKey: true }))).toBeNull();
    expect(historyCommand(press('x', { ctrlKey: true }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields, text areas, selects and editable content', () => {
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false, type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false, type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA', isContentEditable: false })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT', isContentEditable: false })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
  });

  it('is false for buttons, colour and choice inputs, the reader’s text, and no focus at all', () => {
    expect(isTypingTarget({ tagName: 'BUTTON', isContentEditable: false })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false, type: 'color' })).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', isContentEditable: false, type: 'radio' })).toBe(false);
    expect(isTypingTarget({ tagName: 'ARTICLE', isContentEditable: false })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
