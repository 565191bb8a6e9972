import { describe, expect, it } from 'vitest';
import { driftText, readReport, spreadTargets } from '../../../bench/anchoring-workload';
import { anchorAll } from './anchor';

/**
 * The benchmark's workload, checked for correctness: 1,000 highlights over the report, re-anchored
 * after an editor's pass every 500 characters. The edits are known, so the true new place of every
 * highlight is known too.
 */
describe('re-anchoring 1,000 highlights after edits throughout the report', () => {
  const report = readReport();
  const targets = spreadTargets(report, 1000, 7);
  const drifted = driftText(report, 500, 11);
  const results = anchorAll(drifted.text, targets);
  const cases = targets.map((target, i) => {
    const { start, end } = target.position;
    const truth = { start: drifted.mapOffset(start, 'start'), end: drifted.mapOffset(end, 'end') };
    return { result: results[i], touched: drifted.touches(start, end), truth };
  });
  const touched = cases.filter((c) => c.touched);

  it('edits the text throughout, inside a third of the highlights', () => {
    expect(drifted.edits.length).toBeGreaterThan(180);
    expect(touched.length).toBeGreaterThan(300);
  });

  it('finds every untouched highlight verbatim at its true new place', () => {
    for (const c of cases.filter((x) => !x.touched)) {
      expect(c.result?.status).toBe('exact');
      expect(c.result?.range).toEqual(c.truth);
    }
  });

  it('recovers every edited highlight on its own passage', () => {
    for (const c of touched) {
      expect(c.result?.status).toMatch(/^(exact|fuzzy)$/);
      const range = c.result?.range ?? { start: 0, end: 0 };
      const overlap = Math.min(range.end, c.truth.end) - Math.max(range.start, c.truth.start);
      expect(overlap / (c.truth.end - c.truth.start)).toBeGreaterThan(0.5);
    }
  });

  it('keeps the exact boundaries of most edited highlights', () => {
    // A clause inserted within a few characters of a quote's edge costs more than dropping those
    // characters, so such a match starts or ends a word short; everything else keeps its bounds.
    const exactBounds = touched.filter((c) => c.result?.range?.start === c.truth.start && c.result.range.end === c.truth.end);
    expect(exactBounds.length / touched.length).toBeGreaterThan(0.85);
  });
});
