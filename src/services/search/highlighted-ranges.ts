import type { CharOffset, SourceId, TagId } from '../../core/model/ids';
import type { HitFilter } from '../../core/search/search-types';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import type { SourceLibrary } from '../sources/source-library';

export interface HighlightedRangeParts {
  readonly library: SourceLibrary;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
}

/** Disjoint ranges [starts[i], ends[i]), ascending. */
interface Ranges {
  readonly starts: number[];
  readonly ends: number[];
}

function merge(ranges: readonly (readonly [number, number])[]): Ranges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Ranges = { starts: [], ends: [] };
  for (const [start, end] of sorted) {
    const last = merged.ends.length - 1;
    if (last >= 0 && start <= (merged.ends[last] ?? 0)) merged.ends[last] = Math.max(merged.ends[last] ?? 0, end);
    else {
      merged.starts.push(start);
      merged.ends.push(end);
    }
  }
  return merged;
}

/** Whether [start, end) overlaps one of the ranges. */
function overlaps(ranges: Ranges, start: CharOffset, end: CharOffset): boolean {
  let lo = 0;
  let hi = ranges.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ranges.ends[mid] ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.starts.length && (ranges.starts[lo] ?? 0) < end;
}

/**
 * A search filter letting through the hits that fall on a highlight (any, or one carrying `tagId`),
 * as the highlights stand in each source's current text; orphaned highlights cover nothing.
 */
export async function highlightedHits({ library, store, anchored }: HighlightedRangeParts, tagId: TagId | null): Promise<HitFilter> {
  await store.load();
  const bySource = new Map<SourceId, Ranges>();
  const withHighlights = new Set(store.sourceIds());
  for (const meta of await library.manifest()) {
    const sourceId = meta.id;
    if (!withHighlights.has(sourceId)) continue;
    const source = await library.get(sourceId);
    const ranges: [number, number][] = [];
    for (const placed of anchored.place(source, store.of(sourceId))) {
      if (placed.start === null || placed.end === null) continue;
      if (tagId !== null && !placed.highlight.tags.some((tag) => tag.tagId === tagId)) continue;
      ranges.push([placed.start, placed.end]);
    }
    bySource.set(sourceId, merge(ranges));
  }
  return (sourceId, start, end) => {
    const ranges = bySource.get(sourceId);
    return ranges !== undefined && overlaps(ranges, start, end);
  };
}
