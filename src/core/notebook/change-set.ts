import type { Highlight, Tag, TagFamily } from '../model/highlight';
import type { MentionDismissal } from '../tags/mention-dismissal';

/** One entity before and after a change: null before = created, null after = deleted. */
export interface EntityChange<T> {
  readonly before: T | null;
  readonly after: T | null;
}

/**
 * Every highlight and tag operation is expressed as a change set: the before and after images of
 * each entity it touches. The services apply change sets; undo applies the inverse. One mechanism
 * for every operation, so undo can never forget a side effect (a merge retagging 40 highlights
 * undoes as one step).
 */
export interface ChangeSet {
  /** What the person did, for the Undo/Redo labels: "Highlight", "Delete tag “TTP”". */
  readonly label: string;
  readonly highlights: readonly EntityChange<Highlight>[];
  readonly tags: readonly EntityChange<Tag>[];
  readonly families: readonly EntityChange<TagFamily>[];
  /** Mentions set aside in the Mentions view (absent: none touched). */
  readonly dismissals?: readonly EntityChange<MentionDismissal>[];
}

const flip = <T>(c: EntityChange<T>): EntityChange<T> => ({ before: c.after, after: c.before });

export function invertChangeSet(change: ChangeSet): ChangeSet {
  return {
    label: change.label,
    // Reverse order so that dependent entities are restored in the opposite order they were changed.
    highlights: [...change.highlights].reverse().map(flip),
    tags: [...change.tags].reverse().map(flip),
    families: [...change.families].reverse().map(flip),
    ...(change.dismissals === undefined ? {} : { dismissals: [...change.dismissals].reverse().map(flip) }),
  };
}

export function isEmptyChangeSet(change: ChangeSet): boolean {
  return change.highlights.length === 0 && change.tags.length === 0 && change.families.length === 0 && (change.dismissals?.length ?? 0) === 0;
}
