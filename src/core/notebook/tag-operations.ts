import type { Highlight, HighlightTag, Tag, TagFamily } from '../model/highlight';
import type { TagId } from '../model/ids';
import type { ChangeSet, EntityChange } from './change-set';

/** What happens to the highlights that carry a tag being deleted: nothing is deleted silently. */
export type TaggedHighlightsPolicy = 'untag' | 'delete-highlights';

const carries = (h: Highlight, ids: ReadonlySet<TagId>): boolean => h.tags.some((t) => ids.has(t.tagId));

function withoutTags(h: Highlight, ids: ReadonlySet<TagId>, now: string): Highlight {
  return { ...h, tags: h.tags.filter((t) => !ids.has(t.tagId)), modified: now };
}

function highlightChanges(
  highlights: readonly Highlight[],
  ids: ReadonlySet<TagId>,
  policy: TaggedHighlightsPolicy,
  now: string,
): EntityChange<Highlight>[] {
  return highlights
    .filter((h) => carries(h, ids))
    .map((h) => ({ before: h, after: policy === 'delete-highlights' ? null : withoutTags(h, ids, now) }));
}

export function planTagDelete(tag: Tag, highlights: readonly Highlight[], policy: TaggedHighlightsPolicy, now: string): ChangeSet {
  return {
    label: `Delete tag “${tag.name}”`,
    highlights: highlightChanges(highlights, new Set([tag.id]), policy, now),
    tags: [{ before: tag, after: null }],
    families: [],
  };
}

export function planFamilyDelete(
  family: TagFamily,
  tags: readonly Tag[],
  highlights: readonly Highlight[],
  policy: TaggedHighlightsPolicy,
  now: string,
): ChangeSet {
  const members = tags.filter((t) => t.familyId === family.id);
  return {
    label: `Delete family “${family.name}”`,
    highlights: highlightChanges(highlights, new Set(members.map((t) => t.id)), policy, now),
    tags: members.map((t) => ({ before: t, after: null })),
    families: [{ before: family, after: null }],
  };
}

/**
 * Merging `from` into `into`: every highlight tagged `from` is tagged `into` instead (keeping its
 * stance; a highlight that already had `into` keeps its own entry), `from`'s name and aliases become
 * aliases of `into` so mentions and search still find them, and `from` is deleted.
 */
export function planTagMerge(from: Tag, into: Tag, highlights: readonly Highlight[], now: string): ChangeSet {
  const retagged: EntityChange<Highlight>[] = highlights
    .filter((h) => h.tags.some((t) => t.tagId === from.id))
    .map((h) => {
      const hasInto = h.tags.some((t) => t.tagId === into.id);
      const tags: HighlightTag[] = [];
      for (const t of h.tags) {
        if (t.tagId !== from.id) tags.push(t);
        else if (!hasInto) tags.push({ ...t, tagId: into.id });
      }
      return { before: h, after: { ...h, tags, modified: now } };
    });
  const aliases = [...new Set([...into.aliases, from.name, ...from.aliases])].filter((a) => a !== into.name);
  return {
    label: `Merge “${from.name}” into “${into.name}”`,
    highlights: retagged,
    tags: [
      { before: into, after: { ...into, aliases } },
      { before: from, after: null },
    ],
    families: [],
  };
}

export function countTagged(highlights: readonly Highlight[], tagIdToCount: TagId): number {
  return highlights.reduce((n, h) => (h.tags.some((t) => t.tagId === tagIdToCount) ? n + 1 : n), 0);
}
