import type { CharOffset, SourceId, TagId, TextHash } from '../model/ids';

/**
 * A mention of a group the analyst looked at and set aside ("not about the group", "already
 * covered elsewhere"), so the Mentions view stops offering it. It holds for the text it was made
 * on: offsets mean nothing in another version of the source, so a replaced source offers its
 * mentions again.
 */
export interface MentionDismissal {
  /** Made from the fields below, so dismissing the same mention twice names one dismissal. */
  readonly id: string;
  readonly tagId: TagId;
  readonly sourceId: SourceId;
  /** The source text the offsets are in. */
  readonly textHash: TextHash;
  readonly start: CharOffset;
  readonly end: CharOffset;
  /** ISO 8601. */
  readonly dismissed: string;
}

export const mentionDismissalId = (tagId: TagId, sourceId: SourceId, textHash: TextHash, start: number, end: number): string =>
  `${tagId}|${sourceId}|${textHash}|${start}-${end}`;
