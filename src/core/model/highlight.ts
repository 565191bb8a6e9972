import type { Credibility } from './grades';
import type { CharOffset, FamilyId, HighlightId, SourceId, TagId, TextHash } from './ids';

export type { Credibility } from './grades';

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** W3C Web Annotation TextPositionSelector, over the canonical text. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: CharOffset;
  readonly end: CharOffset;
}

export interface HighlightTarget {
  readonly sourceId: SourceId;
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
  /** Hash of the canonical text the selectors were made on. */
  readonly textHash: TextHash;
}

export type Stance = 'supports' | 'contradicts' | 'context';

export interface HighlightTag {
  readonly tagId: TagId;
  /** Only for tags of the recommendations family. */
  readonly stance?: Stance;
}

/** Where a highlight stands against the current text of its source. */
export type AnchorStatus = 'exact' | 'fuzzy' | 'review' | 'orphan';

export interface Highlight {
  readonly id: HighlightId;
  readonly target: HighlightTarget;
  /** CSS colour; null means "the colour of the first tag". */
  readonly color: string | null;
  readonly tags: readonly HighlightTag[];
  readonly comment: string;
  /** ISO 8601 timestamps. */
  readonly created: string;
  readonly modified: string;
  /** Admiralty information credibility (1 confirmed … 6 cannot be judged); absent until graded. */
  readonly credibility?: Credibility;
  /** Other highlights of the notebook that corroborate this one; absent when none. */
  readonly corroboratedBy?: readonly HighlightId[];
  /** Who changed the grading, and when, oldest first; absent until first graded. */
  readonly history?: readonly GradeChange[];
}

/** One change to a highlight's grading, kept on the highlight as its audit trail. */
export type GradeChange =
  | { readonly at: string; readonly by: string; readonly field: 'credibility'; readonly from: Credibility | null; readonly to: Credibility | null }
  | { readonly at: string; readonly by: string; readonly field: 'corroboratedBy'; readonly from: readonly HighlightId[]; readonly to: readonly HighlightId[] };

export type FamilyKind = 'groups' | 'recommendations' | 'custom';

export interface TagFamily {
  readonly id: FamilyId;
  readonly name: string;
  readonly kind: FamilyKind;
}

export interface Tag {
  readonly id: TagId;
  readonly familyId: FamilyId;
  readonly name: string;
  readonly color: string;
  /** Other names the sources use for the same group (groups only). */
  readonly aliases: readonly string[];
  /** Full text of a recommendation / way forward (recommendations only). */
  readonly description: string;
  /** The passage that states it (recommendations only). */
  readonly statedAt: { readonly sourceId: SourceId; readonly start: CharOffset; readonly end: CharOffset } | null;
}
