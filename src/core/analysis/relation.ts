import type { HighlightId, RelationId, TagId } from '../model/ids';

/** The kinds of relation the link chart offers first; an analyst may type any other. */
export const RELATION_PRESETS = ['allied with', 'hosts', 'rival of', 'split from'] as const;

/**
 * A relation an analyst drew between two groups ("Taliban hosts Al Qaeda"), read from `fromTagId`
 * to `toTagId`, and backed by at least one passage.
 */
export interface Relation {
  readonly id: RelationId;
  readonly fromTagId: TagId;
  readonly toTagId: TagId;
  /** One of RELATION_PRESETS or the analyst's own words. */
  readonly type: string;
  readonly highlightIds: readonly HighlightId[];
  readonly note: string;
  /** ISO 8601. */
  readonly created: string;
  readonly modified: string;
}
