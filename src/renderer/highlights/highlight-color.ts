import type { Highlight } from '../../core/model/highlight';
import type { TagIndex } from '../tags/tag-index';

/** A highlight with no colour of its own and no tag (or only tags since deleted). */
export const UNTAGGED_COLOR = '#f2c94c';

/** A highlight's colour: its own if set, else its first tag's. */
export function highlightColor(highlight: Highlight, tags: TagIndex | null): string {
  if (highlight.color) return highlight.color;
  for (const { tagId } of highlight.tags) {
    const tag = tags?.tag(tagId);
    if (tag) return tag.color;
  }
  return UNTAGGED_COLOR;
}
