import { describe, expect, it } from 'vitest';
import { stepRegion } from './regions';

describe('stepRegion', () => {
  it('goes round the regions both ways', () => {
    expect(stepRegion(3, 0, 1, 0)).toBe(1);
    expect(stepRegion(3, 2, 1, 0)).toBe(0);
    expect(stepRegion(3, 0, -1, 0)).toBe(2);
  });

  it('starts from the given region when none has the keyboard', () => {
    expect(stepRegion(3, -1, 1, 1)).toBe(1);
    expect(stepRegion(3, -1, -1, 1)).toBe(1);
    expect(stepRegion(3, -1, 1, 7)).toBe(2);
    expect(stepRegion(0, -1, 1, 0)).toBe(-1);
  });
});
