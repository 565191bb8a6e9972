import { describe, expect, it } from 'vitest';
import type { AchBoard, AchCell, AchCellKey, AchRating } from '../model/ach';
import { achBoardId, highlightId, type HighlightId } from '../model/ids';
import { scoreBoard, type EvidenceGrades } from './ach';

type Ratings = Readonly<Record<string, readonly AchRating[]>>;

/** A board with hypotheses h1..hn and one row per entry of `ratings` (row id → rating per hypothesis, "" for none). */
function board(hypotheses: number, ratings: Ratings): AchBoard {
  const cells: Record<AchCellKey, AchCell> = {};
  for (const [row, values] of Object.entries(ratings)) {
    values.forEach((rating, i) => {
      cells[`${row}:h${i + 1}`] = { rating };
    });
  }
  return {
    id: achBoardId('b'),
    question: 'Who attacked?',
    hypotheses: Array.from({ length: hypotheses }, (_, i) => ({ id: `h${i + 1}`, label: `H${i + 1}`, text: `Hypothesis ${i + 1}` })),
    evidence: Object.keys(ratings).map((row) => ({ id: row, highlightId: highlightId(`hl-${row}`) })),
    ratings: cells,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  };
}

const grades = (entries: Readonly<Record<string, EvidenceGrades>>): Map<HighlightId, EvidenceGrades> =>
  new Map(Object.entries(entries).map(([row, g]) => [highlightId(`hl-${row}`), g]));

/*
 * The hand-computed fixture. Weights (grades.ts: reliability A 1, B .85, C .7, D .5; credibility
 * 1 1, 2 .85, 3 .7, 5 .3; the weight is their product):
 *   e1  A1  1 × 1     = 1
 *   e2  B2  .85 × .85 = .7225
 *   e3  C3  .7 × .7   = .49
 *   e4  D5  .5 × .3   = .15
 * Ratings (consistency CC 2, C 1, N 0, I −1, II −2):
 *         H1  H2  H3    diagnosticity = highest − lowest
 *   e1    C   I   C     1 − (−1) = 2
 *   e2    I   C   N     1 − (−1) = 2
 *   e3    C   C   II    1 − (−2) = 3
 *   e4    II  CC  I     2 − (−2) = 4
 * Inconsistency (I counts 1, II 2, times the weight):
 *   H1 = e2 .7225 × 1 + e4 .15 × 2 = 1.0225
 *   H2 = e1 1 × 1                  = 1
 *   H3 = e3 .49 × 2 + e4 .15 × 1   = 1.13
 *   → H2 (1), H1 (2), H3 (3)
 * Consistency (C 1, CC 2, times the weight):
 *   H1 = e1 1 + e3 .49             = 1.49
 *   H2 = e2 .7225 + e3 .49 + e4 .3 = 1.5125
 *   H3 = e1 1                      = 1
 * Sensitivity, credibility 1–2 (hides e3, graded 3, and e4, graded 5):
 *   H1 = .7225, H2 = 1, H3 = 0  → H3 (1), H1 (2), H2 (3): the ranking turns over.
 */
const FIXTURE = board(3, { e1: ['C', 'I', 'C'], e2: ['I', 'C', 'N'], e3: ['C', 'C', 'II'], e4: ['II', 'CC', 'I'] });
const FIXTURE_GRADES = grades({
  e1: { reliability: 'A', credibility: 1 },
  e2: { reliability: 'B', credibility: 2 },
  e3: { reliability: 'C', credibility: 3 },
  e4: { reliability: 'D', credibility: 5 },
});

describe('scoreBoard', () => {
  it('weighs each row by its grades and gives its diagnosticity', () => {
    const { rows } = scoreBoard(FIXTURE, FIXTURE_GRADES);
    expect(rows.map((r) => r.label)).toEqual(['E1', 'E2', 'E3', 'E4']);
    expect(rows.map((r) => r.weight)).toEqual([1, expect.closeTo(0.7225, 9), expect.closeTo(0.49, 9), expect.closeTo(0.15, 9)]);
    expect(rows.map((r) => r.diagnosticity)).toEqual([2, 2, 3, 4]);
    expect(rows.every((r) => r.included)).toBe(true);
  });

  it('ranks the hypotheses by weighted inconsistency, least first', () => {
    const { all, sensitive, maxCredibility, rankingChanged } = scoreBoard(FIXTURE, FIXTURE_GRADES);
    expect(all.hypotheses.map((h) => [h.label, h.inconsistency, h.consistency, h.rank])).toEqual([
      ['H1', expect.closeTo(1.0225, 9), expect.closeTo(1.49, 9), 2],
      ['H2', expect.closeTo(1, 9), expect.closeTo(1.5125, 9), 1],
      ['H3', expect.closeTo(1.13, 9), expect.closeTo(1, 9), 3],
    ]);
    expect(all.order).toEqual(['h2', 'h1', 'h3']);
    expect(all.rows).toBe(4);
    expect([sensitive, maxCredibility, rankingChanged]).toEqual([null, null, false]);
  });

  it('shows the ranking turning over when the less credible passages are hidden', () => {
    const scores = scoreBoard(FIXTURE, FIXTURE_GRADES, { maxCredibility: 2 });
    expect(scores.rows.map((r) => r.included)).toEqual([true, true, false, false]);
    expect(scores.all.order).toEqual(['h2', 'h1', 'h3']);
    expect(scores.sensitive?.hypotheses.map((h) => [h.label, h.inconsistency, h.rank])).toEqual([
      ['H1', expect.closeTo(0.7225, 9), 2],
      ['H2', expect.closeTo(1, 9), 3],
      ['H3', 0, 1],
    ]);
    expect(scores.sensitive?.order).toEqual(['h3', 'h1', 'h2']);
    expect(scores.sensitive?.rows).toBe(2);
    expect(scores.maxCredibility).toBe(2);
    expect(scores.rankingChanged).toBe(true);
  });

  it('keeps the ranking when the threshold hides nothing that matters', () => {
    // Credibility 1–5 keeps every row: the same ranking, reported as unchanged.
    const scores = scoreBoard(FIXTURE, FIXTURE_GRADES, { maxCredibility: 5 });
    expect(scores.sensitive?.order).toEqual(scores.all.order);
    expect(scores.rankingChanged).toBe(false);
  });

  it('hides ungraded and "cannot be judged" passages below a threshold of 6, and weighs them like F6', () => {
    const b = board(2, { e1: ['I', 'C'], e2: ['C', 'I'] });
    const scores = scoreBoard(b, grades({ e2: { reliability: null, credibility: 6 } }), { maxCredibility: 5 });
    // Both ungraded (e1 has no entry at all) and F6 weigh .6 × .6 = .36.
    expect(scores.rows.map((r) => [r.weight, r.included])).toEqual([
      [expect.closeTo(0.36, 9), false],
      [expect.closeTo(0.36, 9), false],
    ]);
    expect(scores.sensitive?.rows).toBe(0);
    expect(scores.sensitive?.hypotheses.map((h) => [h.inconsistency, h.rank])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it('gives a row rated alike everywhere, or rated once, no diagnosticity', () => {
    const b = board(3, { e1: ['I', 'I', 'I'], e2: ['CC'], e3: [] });
    expect(scoreBoard(b, new Map()).rows.map((r) => r.diagnosticity)).toEqual([0, 0, 0]);
  });

  it('breaks ties of inconsistency by consistency, and lets exact ties share a rank', () => {
    // H1 and H2 are each inconsistent with one row (1 × .36); H2 is consistent with e3 as well.
    // H3 matches H1 on both scores, so they share rank 2, and H4 is next at rank 4.
    const b = board(4, { e1: ['I', 'N', 'I', 'II'], e2: ['N', 'I', 'N', 'N'], e3: ['N', 'CC', 'N', 'N'] });
    const { all } = scoreBoard(b, new Map());
    expect(all.order).toEqual(['h2', 'h1', 'h3', 'h4']);
    expect(all.hypotheses.map((h) => h.rank)).toEqual([2, 1, 2, 4]);
  });

  it('compares sums of decimals without their rounding noise', () => {
    // H1 is inconsistent with C3 (.49) and F6 (.36), H2 with A2 (.85): equal, though .49 + .36 is
    // 0.8499999999999999 in floating point. A tie, not H2 first.
    const b = board(2, { e1: ['I', 'N'], e2: ['I', 'N'], e3: ['N', 'I'] });
    const g = grades({ e1: { reliability: 'C', credibility: 3 }, e2: { reliability: 'F', credibility: 6 }, e3: { reliability: 'A', credibility: 2 } });
    const { all } = scoreBoard(b, g);
    expect(all.hypotheses[0]?.inconsistency).not.toBe(all.hypotheses[1]?.inconsistency);
    expect(all.hypotheses.map((h) => h.rank)).toEqual([1, 1]);
  });
});
