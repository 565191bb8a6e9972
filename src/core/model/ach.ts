import type { AchBoardId, HighlightId } from './ids';

/**
 * An Analysis of Competing Hypotheses board (Heuer, "Psychology of Intelligence Analysis", ch. 8):
 * a question, the hypotheses that could answer it, the evidence (highlighted passages), and how
 * consistent each piece of evidence is with each hypothesis.
 */

/** How consistent a piece of evidence is with a hypothesis: very consistent … very inconsistent. */
export type AchRating = 'CC' | 'C' | 'N' | 'I' | 'II';

export const ACH_RATINGS: readonly AchRating[] = ['CC', 'C', 'N', 'I', 'II'];

export const ACH_RATING_LABELS: Readonly<Record<AchRating, string>> = {
  CC: 'Very consistent',
  C: 'Consistent',
  N: 'Neutral or not applicable',
  I: 'Inconsistent',
  II: 'Very inconsistent',
};

export interface AchHypothesis {
  /** Unique within the board; ratings name it. */
  readonly id: string;
  /** "H1", "H2"…: given when the hypothesis is added and kept when others are removed, so "H3" in a note stays right. */
  readonly label: string;
  readonly text: string;
}

export interface AchEvidence {
  /** Unique within the board. */
  readonly id: string;
  readonly highlightId: HighlightId;
  readonly note?: string;
}

/** The rating of one cell of the matrix, and why. */
export interface AchCell {
  readonly rating: AchRating;
  readonly note?: string;
}

/** `${evidenceId}:${hypothesisId}`: a cell of the matrix. */
export type AchCellKey = `${string}:${string}`;

export interface AchBoard {
  readonly id: AchBoardId;
  readonly question: string;
  readonly hypotheses: readonly AchHypothesis[];
  /** In the order the rows are shown; row n is "En". */
  readonly evidence: readonly AchEvidence[];
  /** Cells not rated are absent. */
  readonly ratings: Readonly<Record<AchCellKey, AchCell>>;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly modified: string;
}

export const cellKey = (evidenceId: string, hypothesisId: string): AchCellKey => `${evidenceId}:${hypothesisId}`;

/** The label of the evidence row at `index` (0-based): "E1", "E2"… */
export const evidenceLabel = (index: number): string => `E${index + 1}`;
