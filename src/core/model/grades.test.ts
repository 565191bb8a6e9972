import { describe, expect, it } from 'vitest';
import {
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  RELIABILITIES,
  RELIABILITY_LABELS,
  gradeMark,
  gradeWeight,
  isCredibility,
  isReliability,
  meetsCredibility,
  meetsReliability,
} from './grades';

describe('gradeMark', () => {
  it('joins the letter and the digit', () => {
    expect(gradeMark('B', 2)).toBe('B2');
    expect(gradeMark('F', 6)).toBe('F6');
  });

  it('shows a missing half as a dash, and nothing when neither is graded', () => {
    expect(gradeMark('B', undefined)).toBe('B–');
    expect(gradeMark(null, 2)).toBe('–2');
    expect(gradeMark(null, null)).toBeNull();
    expect(gradeMark(undefined, undefined)).toBeNull();
  });
});

describe('gradeWeight', () => {
  it('is the product of the two halves, within (0, 1]', () => {
    expect(gradeWeight('A', 1)).toBe(1);
    expect(gradeWeight('B', 2)).toBeCloseTo(0.7225);
    expect(gradeWeight('E', 5)).toBeCloseTo(0.09);
    for (const r of RELIABILITIES) {
      for (const c of CREDIBILITIES) {
        const w = gradeWeight(r, c);
        expect(w).toBeGreaterThan(0);
        expect(w).toBeLessThanOrEqual(1);
      }
    }
  });

  it('falls with each judged grade and puts "cannot be judged" mid-range', () => {
    const byReliability = (['A', 'B', 'C', 'D', 'E'] as const).map((r) => gradeWeight(r, 1));
    expect([...byReliability].sort((a, b) => b - a)).toEqual(byReliability);
    const byCredibility = ([1, 2, 3, 4, 5] as const).map((c) => gradeWeight('A', c));
    expect([...byCredibility].sort((a, b) => b - a)).toEqual(byCredibility);
    expect(gradeWeight('F', 1)).toBeLessThan(gradeWeight('C', 1));
    expect(gradeWeight('F', 1)).toBeGreaterThan(gradeWeight('D', 1));
    expect(gradeWeight('A', 6)).toBeLessThan(gradeWeight('A', 3));
    expect(gradeWeight('A', 6)).toBeGreaterThan(gradeWeight('A', 4));
  });

  it('weighs a missing grade like "cannot be judged"', () => {
    expect(gradeWeight(null, 2)).toBe(gradeWeight('F', 2));
    expect(gradeWeight('B', undefined)).toBe(gradeWeight('B', 6));
    expect(gradeWeight(null, null)).toBeCloseTo(0.36);
  });
});

describe('thresholds', () => {
  it('admits credibility at or better than the maximum; ungraded never', () => {
    expect(meetsCredibility(2, 3)).toBe(true);
    expect(meetsCredibility(3, 3)).toBe(true);
    expect(meetsCredibility(4, 3)).toBe(false);
    expect(meetsCredibility(6, 4)).toBe(false);
    expect(meetsCredibility(undefined, 4)).toBe(false);
  });

  it('admits reliability at or better than the minimum; ungraded never', () => {
    expect(meetsReliability('A', 'B')).toBe(true);
    expect(meetsReliability('B', 'B')).toBe(true);
    expect(meetsReliability('C', 'B')).toBe(false);
    expect(meetsReliability('F', 'E')).toBe(false);
    expect(meetsReliability(null, 'F')).toBe(false);
  });
});

describe('labels and guards', () => {
  it('labels every grade, starting with the grade itself', () => {
    expect(RELIABILITY_LABELS.A).toBe('A – Completely reliable');
    expect(RELIABILITY_LABELS.F).toBe('F – Reliability cannot be judged');
    expect(CREDIBILITY_LABELS[1]).toBe('1 – Confirmed by other sources');
    expect(CREDIBILITY_LABELS[6]).toBe('6 – Truth cannot be judged');
    for (const r of RELIABILITIES) expect(RELIABILITY_LABELS[r].startsWith(`${r} – `)).toBe(true);
    for (const c of CREDIBILITIES) expect(CREDIBILITY_LABELS[c].startsWith(`${c} – `)).toBe(true);
  });

  it('recognises grades and nothing else', () => {
    expect(isReliability('C')).toBe(true);
    expect(isReliability('G')).toBe(false);
    expect(isReliability('a')).toBe(false);
    expect(isCredibility(6)).toBe(true);
    expect(isCredibility(0)).toBe(false);
    expect(isCredibility('2')).toBe(false);
  });
});
