import { describe, expect, it } from 'vitest';
import { NEAR_EXPECTED } from './anchor-policy';
import { expectedPlaces, nearExpected, pointAt } from './expected-place';

describe('expectedPlaces', () => {
  it('brackets a target between where its settled neighbours before and after it moved', () => {
    // Recorded at 100, 200, 300; the first moved by +10, the last by +40; the middle is unsettled.
    const [first, middle, last] = expectedPlaces([100, 200, 300], [110, null, 340], 1000);
    expect(middle).toEqual({ at: 225, low: 210, high: 240, firm: true });
    // A settled target is judged by its neighbours only, never by itself.
    expect(first).toEqual({ at: 140, low: 140, high: 140, firm: true });
    expect(last).toEqual({ at: 310, low: 310, high: 310, firm: true });
  });

  it('ignores a shift that agrees with neither neighbour: a result on a twin passage elsewhere', () => {
    const found = [105, 205, 5300, 405, 505];
    const places = expectedPlaces([100, 200, 300, 400, 500], found, 10_000);
    expect(places[2]).toEqual({ at: 305, low: 305, high: 305, firm: true });
    expect(nearExpected(5300, places[2] ?? pointAt(0))).toBe(false);
    // A large insertion moves everything after it alike: both sides keep their shifts.
    const jump = expectedPlaces([100, 200, 300, 400], [100, 200, 3300, 3400], 10_000);
    expect(jump[1]).toEqual({ at: 1700, low: 200, high: 3200, firm: true });
  });

  it('falls back to the recorded place, not firm, when nothing is settled', () => {
    expect(expectedPlaces([50, 70], [null, null], 60)).toEqual([pointAt(50), pointAt(60)]);
  });
});

describe('nearExpected', () => {
  it('allows NEAR_EXPECTED units either side of the bracket', () => {
    const place = { at: 150, low: 100, high: 200, firm: true };
    expect(nearExpected(100 - NEAR_EXPECTED, place)).toBe(true);
    expect(nearExpected(200 + NEAR_EXPECTED + 1, place)).toBe(false);
  });
});
