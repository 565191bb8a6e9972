import { describe, expect, it } from 'vitest';
import { median, percentile, spread } from '../../../bench/percentiles';

describe('percentiles', () => {
  it('takes the nearest-rank sample, whatever the order of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 0.95)).toBe(95);
    expect(percentile(samples, 0.5)).toBe(50);
    expect(spread(samples)).toEqual({ p50: 50, p95: 95, max: 100, count: 100 });
    expect(samples[0]).toBe(100);
  });

  it('gives a sample that was taken, never an interpolation', () => {
    expect(median([1, 10])).toBe(1);
    expect(median([1, 2, 30])).toBe(2);
    expect(percentile([4, 8, 15, 16, 23], 0.95)).toBe(23);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('refuses to summarise no samples', () => {
    expect(() => median([])).toThrow(/at least one sample/);
  });
});
