/**
 * Grading of sources and passages with the Admiralty code (NATO STANAG 2511): a source's
 * reliability is a letter, a passage's credibility a digit, and the two together make the
 * familiar mark "B2" (usually reliable source, information probably true).
 */

/** Source reliability: A completely reliable … E unreliable; F reliability cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Information credibility: 1 confirmed by other sources … 5 improbable; 6 truth cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export const RELIABILITIES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];
export const CREDIBILITIES: readonly Credibility[] = [1, 2, 3, 4, 5, 6];

export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = {
  A: 'A – Completely reliable',
  B: 'B – Usually reliable',
  C: 'C – Fairly reliable',
  D: 'D – Not usually reliable',
  E: 'E – Unreliable',
  F: 'F – Reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Readonly<Record<Credibility, string>> = {
  1: '1 – Confirmed by other sources',
  2: '2 – Probably true',
  3: '3 – Possibly true',
  4: '4 – Doubtfully true',
  5: '5 – Improbable',
  6: '6 – Truth cannot be judged',
};

export const isReliability = (value: unknown): value is Reliability =>
  typeof value === 'string' && (RELIABILITIES as readonly string[]).includes(value);

export const isCredibility = (value: unknown): value is Credibility =>
  typeof value === 'number' && (CREDIBILITIES as readonly number[]).includes(value);

/** The dash that stands for a half of the mark nobody has graded yet. */
const UNGRADED = '–';

/** The compact mark, "B2"; an ungraded half shows as "–" ("B–", "–2"); null when neither is graded. */
export function gradeMark(reliability: Reliability | null | undefined, credibility: Credibility | null | undefined): string | null {
  if (reliability == null && credibility == null) return null;
  return `${reliability ?? UNGRADED}${credibility ?? UNGRADED}`;
}

/*
 * Weights for scores (an evidence matrix, competing hypotheses). Each scale falls from 1.0 for the
 * best grade in steps that widen towards the bottom, so "usually reliable" stays close to
 * "completely reliable" while "unreliable" counts for little:
 *   reliability  A 1.0  B 0.85  C 0.7  D 0.5  E 0.3  F 0.6
 *   credibility  1 1.0  2 0.85  3 0.7  4 0.5  5 0.3  6 0.6
 * "Cannot be judged" (F, 6) is an absence of judgement, not a bad one: it weighs about the middle
 * of the judged range ((1.0 + 0.3) / 2, rounded down so it never outweighs a fairly reliable C / 3).
 * A passage nobody graded is in the same position, so a missing grade weighs like F / 6.
 * The two halves are independent judgements (who says it, how likely it is), so the weight is
 * their product: it lies in (0, 1] — from 0.09 (E5) to 1.0 (A1), 0.36 for an ungraded passage.
 */
const RELIABILITY_WEIGHTS: Readonly<Record<Reliability, number>> = { A: 1, B: 0.85, C: 0.7, D: 0.5, E: 0.3, F: 0.6 };
const CREDIBILITY_WEIGHTS: Readonly<Record<Credibility, number>> = { 1: 1, 2: 0.85, 3: 0.7, 4: 0.5, 5: 0.3, 6: 0.6 };

/** The weight in (0, 1] a passage carries in scores, from its source's reliability and its credibility. */
export function gradeWeight(reliability: Reliability | null | undefined, credibility: Credibility | null | undefined): number {
  return RELIABILITY_WEIGHTS[reliability ?? 'F'] * CREDIBILITY_WEIGHTS[credibility ?? 6];
}

/**
 * Whether a passage's credibility is at least as good as `max` (1 is best, so "1–3" means
 * credibility ≤ 3). "Cannot be judged" (6) and ungraded passages never meet a threshold below 6.
 */
export function meetsCredibility(credibility: Credibility | null | undefined, max: Credibility): boolean {
  return credibility != null && credibility <= max;
}

/** Whether a source's reliability is at least `min` (A is best, so min "C" admits A, B and C; F and ungraded never do below F). */
export function meetsReliability(reliability: Reliability | null | undefined, min: Reliability): boolean {
  return reliability != null && RELIABILITIES.indexOf(reliability) <= RELIABILITIES.indexOf(min);
}
