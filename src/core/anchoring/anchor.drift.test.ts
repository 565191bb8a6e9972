import { describe, expect, it } from 'vitest';
import { driftText, readReport, spreadTargets } from '../../../bench/anchoring-workload';
import { anchorAll } from './anchor';
import { isShortQuote } from './quote-evidence';

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
    // Units inserted or replaced inside the quote, against the third of its length that anchoring allows.
    const edited = drifted.edits
      .filter((e) => (e.removed > 0 ? e.at < end && e.at + e.removed > start : e.at > start && e.at < end))
      .reduce((sum, e) => sum + Math.max(e.inserted.length, e.removed), 0);
    return { result: results[i], touched: edited > 0, withinBound: edited <= (end - start) / 3, short: isShortQuote(target.quote.exact), truth };
  });
  const touched = cases.filter((c) => c.touched);
  /** The share of the passage's true new range that the result covers. */
  const covered = (c: (typeof cases)[number]): number => {
    const range = c.result?.range ?? { start: 0, end: 0 };
    return (Math.min(range.end, c.truth.end) - Math.max(range.start, c.truth.start)) / (c.truth.end - c.truth.start);
  };

  it('edits the text throughout, inside more than a third of the highlights', () => {
    expect(drifted.edits.length).toBeGreaterThan(180);
    expect(touched.length).toBeGreaterThan(300);
  });

  it('finds every untouched highlight verbatim at its true new place', () => {
    for (const c of cases.filter((x) => !x.touched)) {
      expect(c.result?.status).toBe('exact');
      expect(c.result?.range).toEqual(c.truth);
    }
  });

  it('recovers every highlight edited within the allowed third, on its own passage', () => {
    // Short quotes are never matched approximately: edited, they become orphans by design.
    for (const c of touched.filter((x) => x.withinBound && !x.short)) {
      expect(c.result?.status).toMatch(/^(exact|fuzzy)$/);
      expect(covered(c)).toBeGreaterThan(0.5);
    }
  });

  it('never places a highlight edited beyond that, or short, on another passage', () => {
    // Such a highlight may be an orphan, or keep only the part of its passage left recognisable.
    const beyond = touched.filter((c) => !c.withinBound || c.short);
    expect(beyond.length).toBeGreaterThan(0);
    for (const c of beyond) {
      if (c.result?.status === 'exact' || c.result?.status === 'fuzzy') expect(covered(c)).toBeGreaterThan(0);
    }
  });

  it('keeps the exact bounds of nearly every edited highlight', () => {
    // The bounds follow the recorded context; a long clause inserted within a few units of a
    // quote's edge can still make a match start or end a word short.
    const exactBounds = touched.filter((c) => c.result?.range?.start === c.truth.start && c.result.range.end === c.truth.end);
    expect(exactBounds.length / touched.length).toBeGreaterThan(0.93);
  });
});
