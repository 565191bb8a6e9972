import { describe, expect, it } from 'vitest';
import { isLinkKey, linkIndexForKey } from './reader-links';

const viewport = { top: 100, bottom: 500 };
// Two links above the screen, three on it, one below.
const tops = [10, 60, 120, 300, 480, 900];

describe('linkIndexForKey', () => {
  it('goes from the text to the first or last link on screen', () => {
    expect(linkIndexForKey('ArrowRight', tops, -1, viewport)).toBe(2);
    expect(linkIndexForKey('ArrowLeft', tops, -1, viewport)).toBe(4);
    expect(linkIndexForKey('ArrowDown', tops, -1, viewport)).toBeNull();
    expect(linkIndexForKey('ArrowRight', [10, 900], -1, viewport)).toBeNull();
    expect(linkIndexForKey('ArrowRight', [], -1, viewport)).toBeNull();
  });

  it('steps through the links and stops at the ends', () => {
    expect(linkIndexForKey('ArrowRight', tops, 2, viewport)).toBe(3);
    expect(linkIndexForKey('ArrowDown', tops, 5, viewport)).toBe(5);
    expect(linkIndexForKey('ArrowUp', tops, 0, viewport)).toBe(0);
    expect(linkIndexForKey('Home', tops, 3, viewport)).toBe(0);
    expect(linkIndexForKey('End', tops, 3, viewport)).toBe(5);
    expect(linkIndexForKey('Enter', tops, 3, viewport)).toBeNull();
  });
});

describe('isLinkKey', () => {
  it('takes lone arrows, Home, End and Escape, and leaves Shift+arrows to selecting', () => {
    const press = (key: string, shiftKey = false) => ({ key, shiftKey, ctrlKey: false, metaKey: false, altKey: false });
    expect(isLinkKey(press('ArrowRight'))).toBe(true);
    expect(isLinkKey(press('Escape'))).toBe(true);
    expect(isLinkKey(press('ArrowRight', true))).toBe(false);
    expect(isLinkKey(press('h'))).toBe(false);
  });
});
