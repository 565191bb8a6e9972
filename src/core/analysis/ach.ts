import { cellKey, evidenceLabel, type AchBoard, type AchRating } from '../model/ach';
import { gradeWeight, meetsCredibility, type Credibility, type Reliability } from '../model/grades';
import type { HighlightId } from '../model/ids';

/**
 * Scores of an Analysis of Competing Hypotheses board, after Heuer: a hypothesis is judged by the
 * evidence against it, not for it, so hypotheses are ranked by how inconsistent the evidence is
 * with each (least first). A passage counts in proportion to its grades (gradeWeight), so a
 * confirmed passage from a reliable source outweighs a doubtful one from an unknown source.
 */

/** The grades of an evidence row's passage: its source's reliability and its own credibility. */
export interface EvidenceGrades {
  readonly reliability: Reliability | null;
  readonly credibility: Credibility | null;
}

/**
 * Where a rating sits between very consistent (2) and very inconsistent (−2). Diagnosticity is the
 * spread of these along a row; inconsistency and consistency take their negative and positive parts.
 */
export const CONSISTENCY: Readonly<Record<AchRating, number>> = { CC: 2, C: 1, N: 0, I: -1, II: -2 };

/** Scores compare equal closer than this: weights are products of decimals, so sums carry rounding noise. */
const EPSILON = 1e-9;

export interface EvidenceRowScore {
  readonly evidenceId: string;
  /** "E1"… by position on the board. */
  readonly label: string;
  /** gradeWeight of the row's passage. */
  readonly weight: number;
  /**
   * How well the row tells the hypotheses apart: the spread (highest minus lowest consistency) of
   * its ratings, 0 to 4. A row rated alike everywhere, or rated for fewer than two hypotheses, is 0.
   */
  readonly diagnosticity: number;
  /** False when the sensitivity threshold hides the row. */
  readonly included: boolean;
}

export interface HypothesisScore {
  readonly hypothesisId: string;
  readonly label: string;
  /** Σ weight × (1 for I, 2 for II) over the rows counted. Lower is better. */
  readonly inconsistency: number;
  /** Σ weight × (1 for C, 2 for CC) over the rows counted; breaks ties of inconsistency. */
  readonly consistency: number;
  /** 1 for the least inconsistent; hypotheses that tie on both scores share a rank. */
  readonly rank: number;
}

export interface AchRanking {
  /** In board order. */
  readonly hypotheses: readonly HypothesisScore[];
  /** Hypothesis ids, least inconsistent first (ties in board order). */
  readonly order: readonly string[];
  /** How many evidence rows were counted. */
  readonly rows: number;
}

export interface AchScores {
  readonly rows: readonly EvidenceRowScore[];
  /** Every row counted. */
  readonly all: AchRanking;
  /** The threshold asked for, or null for none. */
  readonly maxCredibility: Credibility | null;
  /** With the rows under the threshold hidden; null when no threshold was asked for. */
  readonly sensitive: AchRanking | null;
  /** Whether hiding those rows changes the rank of any hypothesis. */
  readonly rankingChanged: boolean;
}

export interface ScoreOptions {
  /**
   * Counts only rows whose passage's credibility is this or better (1 is best); rows graded worse,
   * "cannot be judged" (6) below a threshold of 6, or not graded, are hidden.
   */
  readonly maxCredibility?: Credibility;
}

const UNGRADED: EvidenceGrades = { reliability: null, credibility: null };

/** The spread of a row's consistency values; 0 when fewer than two cells are rated. */
function diagnosticity(values: readonly number[]): number {
  return values.length < 2 ? 0 : Math.max(...values) - Math.min(...values);
}

function rank(board: AchBoard, rows: readonly { readonly evidenceId: string; readonly weight: number }[]): AchRanking {
  const sums = board.hypotheses.map((hypothesis, position) => {
    let inconsistency = 0;
    let consistency = 0;
    for (const { evidenceId, weight } of rows) {
      const rating = board.ratings[cellKey(evidenceId, hypothesis.id)]?.rating;
      if (rating === undefined) continue;
      const value = CONSISTENCY[rating];
      if (value < 0) inconsistency += weight * -value;
      else consistency += weight * value;
    }
    return { hypothesis, position, inconsistency, consistency };
  });
  const better = (a: (typeof sums)[number], b: (typeof sums)[number]): number => {
    if (Math.abs(a.inconsistency - b.inconsistency) > EPSILON) return a.inconsistency - b.inconsistency;
    if (Math.abs(a.consistency - b.consistency) > EPSILON) return b.consistency - a.consistency;
    return 0;
  };
  const ordered = [...sums].sort((a, b) => better(a, b) || a.position - b.position);
  const ranks = new Map<string, number>();
  ordered.forEach((entry, i) => {
    const previous = ordered[i - 1];
    const shared = previous !== undefined && better(previous, entry) === 0 ? ranks.get(previous.hypothesis.id) : undefined;
    ranks.set(entry.hypothesis.id, shared ?? i + 1);
  });
  return {
    hypotheses: sums.map(({ hypothesis, inconsistency, consistency }) => ({
      hypothesisId: hypothesis.id,
      label: hypothesis.label,
      inconsistency,
      consistency,
      rank: ranks.get(hypothesis.id) ?? sums.length,
    })),
    order: ordered.map((entry) => entry.hypothesis.id),
    rows: rows.length,
  };
}

/**
 * The board's scores: each row's weight and diagnosticity, the ranking of the hypotheses on every
 * row, and, with `maxCredibility`, the ranking on only the rows graded that credible or better, so
 * the analyst sees whether the conclusion rests on doubtful passages.
 */
export function scoreBoard(board: AchBoard, grades: ReadonlyMap<HighlightId, EvidenceGrades>, options: ScoreOptions = {}): AchScores {
  const threshold = options.maxCredibility ?? null;
  const rows = board.evidence.map((evidence, index): EvidenceRowScore => {
    const { reliability, credibility } = grades.get(evidence.highlightId) ?? UNGRADED;
    const values = board.hypotheses.flatMap((h) => {
      const rating = board.ratings[cellKey(evidence.id, h.id)]?.rating;
      return rating === undefined ? [] : [CONSISTENCY[rating]];
    });
    return {
      evidenceId: evidence.id,
      label: evidenceLabel(index),
      weight: gradeWeight(reliability, credibility),
      diagnosticity: diagnosticity(values),
      included: threshold === null || meetsCredibility(credibility, threshold),
    };
  });
  const all = rank(board, rows);
  const sensitive = threshold === null ? null : rank(board, rows.filter((row) => row.included));
  // Ranks, not order: ties keep board order, so a tie broken by hiding rows would not show in it.
  const rankingChanged = sensitive !== null && sensitive.hypotheses.some((h, i) => h.rank !== all.hypotheses[i]?.rank);
  return { rows, all, maxCredibility: threshold, sensitive, rankingChanged };
}
