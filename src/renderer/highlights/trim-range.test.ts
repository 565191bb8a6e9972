import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import { trimRange } from './trim-range';

const range = (start: number, end: number) => ({ start: charOffset(start), end: charOffset(end) });
const text = 'One.\n\n  Two words \nThree';

describe('trimRange', () => {
  it('drops spaces and line breaks at both ends', () => {
    expect(trimRange(text, range(4, 18))).toEqual(range(8, 17));
  });

  it('leaves a selection without them as it is', () => {
    expect(trimRange(text, range(8, 11))).toEqual(range(8, 11));
  });

  it('is null for a selection of nothing but spaces', () => {
    expect(trimRange(text, range(4, 8))).toBeNull();
    expect(trimRange(text, range(3, 3))).toBeNull();
  });

  it('keeps within the text', () => {
    expect(trimRange(text, range(19, 99))).toEqual(range(19, 24));
  });
});
