import type { TagId } from '../../core/model/ids';
import type { AnchoredHighlight } from '../../shared/api-contract';

export interface SortedHighlights {
  /** Anchored highlights (exactly or fuzzily), in text order. */
  readonly placed: readonly AnchoredHighlight[];
  /** Highlights needing review, then orphaned ones, each by when they were made. */
  readonly problems: readonly AnchoredHighlight[];
}

const byCreated = (a: AnchoredHighlight, b: AnchoredHighlight) => a.highlight.created.localeCompare(b.highlight.created);

/** A source's highlights as the annotations panel lists them, only those with `tagId` if given. */
export function sortHighlights(highlights: readonly AnchoredHighlight[], tagId: TagId | null): SortedHighlights {
  const shown = tagId === null ? highlights : highlights.filter((h) => h.highlight.tags.some((t) => t.tagId === tagId));
  const placed = shown
    .filter((h) => (h.status === 'exact' || h.status === 'fuzzy') && h.start !== null)
    .sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0) || byCreated(a, b));
  const problems = [...shown.filter((h) => h.status === 'review').sort(byCreated), ...shown.filter((h) => h.status === 'orphan').sort(byCreated)];
  return { placed, problems };
}

/** The tags the highlights carry, with how many carry each, most used first. */
export function tagsInUse(highlights: readonly AnchoredHighlight[]): { readonly tagId: TagId; readonly count: number }[] {
  const counts = new Map<TagId, number>();
  for (const { highlight } of highlights) for (const { tagId } of highlight.tags) counts.set(tagId, (counts.get(tagId) ?? 0) + 1);
  return [...counts].map(([tagId, count]) => ({ tagId, count })).sort((a, b) => b.count - a.count);
}
