import type { Highlight, HighlightTag, Stance, Tag, TagFamily } from '../model/highlight';
import type { FamilyId, TagId } from '../model/ids';
import type { ChangeSet } from './change-set';

export type TagCheck = { readonly ok: true; readonly tags: readonly HighlightTag[] } | { readonly ok: false; readonly message: string };

/**
 * Checks a highlight's tags against the tag set: every tag exists, none repeats, and a stance is
 * carried exactly by recommendation tags (defaulting to "context", the neutral stance, so a
 * highlight tagged to a recommendation always has one).
 */
export function checkHighlightTags(
  tags: readonly { readonly tagId: TagId; readonly stance?: Stance | undefined }[],
  tagsById: ReadonlyMap<TagId, Tag>,
  familiesById: ReadonlyMap<FamilyId, TagFamily>,
): TagCheck {
  const seen = new Set<TagId>();
  const checked: HighlightTag[] = [];
  for (const { tagId, stance } of tags) {
    const tag = tagsById.get(tagId);
    if (!tag) return { ok: false, message: `There is no tag with id “${tagId}”; it may have been deleted. Reload the tag list and try again.` };
    if (seen.has(tagId)) continue;
    seen.add(tagId);
    const isRecommendation = familiesById.get(tag.familyId)?.kind === 'recommendations';
    if (!isRecommendation && stance !== undefined) {
      return { ok: false, message: `“${tag.name}” is not a recommendation, so a highlight tagged to it carries no stance.` };
    }
    checked.push(isRecommendation ? { tagId, stance: stance ?? 'context' } : { tagId });
  }
  return { ok: true, tags: checked };
}

export const planHighlightCreate = (highlight: Highlight): ChangeSet => ({
  label: highlight.tags.length > 0 ? 'Highlight and tag' : 'Highlight',
  highlights: [{ before: null, after: highlight }],
  tags: [],
  families: [],
});

export const planHighlightUpdate = (before: Highlight, after: Highlight, label: string): ChangeSet => ({
  label,
  highlights: [{ before, after }],
  tags: [],
  families: [],
});

export const planHighlightDelete = (highlight: Highlight): ChangeSet => ({
  label: 'Delete highlight',
  highlights: [{ before: highlight, after: null }],
  tags: [],
  families: [],
});
