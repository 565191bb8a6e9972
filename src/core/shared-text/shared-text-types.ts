import type { SourceId } from '../model/ids';
import type { TextRange } from '../model/source';

/** One stretch of text two sources share: where it is in each. */
export interface SharedPassage {
  /** In the pair's source `a`. */
  readonly a: TextRange;
  /** The same words in the pair's source `b`. */
  readonly b: TextRange;
}

/** Two sources that share text, and how much. */
export interface SharedTextPair {
  readonly a: SourceId;
  readonly b: SourceId;
  /** Share of a's words (outside an aggregator's trailer) that b has too, from 0 to 1. */
  readonly shareOfA: number;
  /** Share of b's words that a has too. */
  readonly shareOfB: number;
  /** Most of one source's text is in the other: two versions or captures of the same text. */
  readonly twins: boolean;
  /** In the order of a, each within one passage of a and one passage of b. */
  readonly passages: readonly SharedPassage[];
}
