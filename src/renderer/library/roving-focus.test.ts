import { describe, expect, it } from 'vitest';
import { entryIndexForKey } from './roving-focus';

describe('entryIndexForKey', () => {
  it('moves one entry with the arrows and stops at the ends', () => {
    expect(entryIndexForKey('ArrowDown', 0, 5)).toBe(1);
    expect(entryIndexForKey('ArrowDown', 4, 5)).toBe(4);
    expect(entryIndexForKey('ArrowUp', 3, 5)).toBe(2);
    expect(entryIndexForKey('ArrowUp', 0, 5)).toBe(0);
  });

  it('jumps to the first and last entries with Home and End', () => {
    expect(entryIndexForKey('Home', 3, 5)).toBe(0);
    expect(entryIndexForKey('End', 1, 5)).toBe(4);
  });

  it('leaves other keys, and an empty library, alone', () => {
    expect(entryIndexForKey('Enter', 2, 5)).toBeNull();
    expect(entryIndexForKey('a', 2, 5)).toBeNull();
    expect(entryIndexForKey('ArrowDown', 0, 0)).toBeNull();
  });
});
