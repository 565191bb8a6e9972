import { describe, expect, it } from 'vitest';
import { decodePositions, encodedLength, encodePositions } from './postings';

describe('postings', () => {
  it('round-trips ascending positions, small and large gaps alike', () => {
    const positions = [0, 1, 2, 130, 16_515, 16_516, 2 ** 21 + 5, 2 ** 31 + 7, 2 ** 32 - 2];
    const bytes = new Uint8Array(encodedLength(positions, 0, positions.length) + 3);
    const end = encodePositions(positions, 0, positions.length, bytes, 3);
    expect(end).toBe(bytes.length);
    const out = new Uint32Array(positions.length);
    decodePositions(bytes, 3, positions.length, out);
    expect(Array.from(out)).toEqual(positions);
  });

  it('takes one byte per gap below 128', () => {
    const positions = Array.from({ length: 100 }, (_, i) => i * 127);
    expect(encodedLength(positions, 0, positions.length)).toBe(100);
    expect(encodedLength([128], 0, 1)).toBe(2);
  });
});
