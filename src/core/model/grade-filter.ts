import { meetsCredibility, meetsReliability, type Credibility, type Reliability } from './grades';
import type { Highlight } from './highlight';

/** Which passages a view shows by grade; null on either side: any (graded or not). */
export interface GradeFilter {
  /** Credibility this good or better (1 best): 3 shows 1, 2 and 3. */
  readonly maxCredibility: Credibility | null;
  /** Source reliability this good or better (A best): "C" shows A, B and C. */
  readonly minReliability: Reliability | null;
}

export const ANY_GRADE: GradeFilter = { maxCredibility: null, minReliability: null };

export const isAnyGrade = (filter: GradeFilter): boolean => filter.maxCredibility === null && filter.minReliability === null;

/** Whether a highlight, in a source of `reliability`, passes the filter; ungraded passes only "any". */
export function passesGradeFilter(highlight: Highlight, reliability: Reliability | null | undefined, filter: GradeFilter): boolean {
  return (
    (filter.maxCredibility === null || meetsCredibility(highlight.credibility, filter.maxCredibility)) &&
    (filter.minReliability === null || meetsReliability(reliability, filter.minReliability))
  );
}
