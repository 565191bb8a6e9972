import type { Credibility, Reliability } from '../model/grades';
import type { HighlightTag } from '../model/highlight';
import type { CharOffset, HighlightId, SourceId } from '../model/ids';

/**
 * A highlight as the analyses see it: its tags, where it now stands in its source, and the grades
 * that decide its weight. Gathered by the services from the sources in the library (a removed
 * source's highlights are left out) so that the analyses themselves stay pure.
 */
export interface AnalysisPassage {
  readonly highlightId: HighlightId;
  readonly sourceId: SourceId;
  readonly tags: readonly HighlightTag[];
  /** Where the passage now is in its source's text; null for an orphan (no longer found). */
  readonly start: CharOffset | null;
  readonly end: CharOffset | null;
  /** Indexes of the source's blocks (paragraphs, list items…) the passage touches; empty for an orphan. */
  readonly blocks: readonly number[];
  /** The reliability of its source and its own credibility; null where nobody graded them. */
  readonly reliability: Reliability | null;
  readonly credibility: Credibility | null;
}

export const carries = (passage: AnalysisPassage, tagId: string): boolean => passage.tags.some((t) => t.tagId === tagId);
