import type { Highlight } from '../../core/model/highlight';
import type { CharOffset, SourceId } from '../../core/model/ids';
import type { SourceMeta } from '../../core/model/source';
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

/** Which hits a search lets through: on highlights (those `carries` accepts), in sources `admits` accepts. */
export interface HitCriteria {
  /** Null: any hit in an admitted source, highlighted or not. */
  readonly carries: ((highlight: Highlight) => boolean) | null;
  readonly admits: (source: SourceMeta) => boolean;
}

/**
 * A search filter letting through the hits that fall in an admitted source and, when asked, on a
 * highlight meeting the criteria (a tag, a grade), as the highlights stand in each source's current
 * text; orphaned highlights cover nothing.
 */
export async function highlightedHits({ library, store, anchored }: HighlightedRangeParts, criteria: HitCriteria): Promise<HitFilter> {
  await store.load();
  const { carries, admits } = criteria;
  const bySource = new Map<SourceId, Ranges | 'all'>();
  const withHighlights = new Set(store.sourceIds());
  for (const meta of await library.manifest()) {
    const sourceId = meta.id;
    if (!admits(meta)) continue;
    if (carries === null) {
      bySource.set(sourceId, 'all');
      continue;
    }
    if (!withHighlights.has(sourceId)) continue;
    const source = await library.get(sourceId);
    const ranges: [number, number][] = [];
    for (const placed of anchored.place(source, store.of(sourceId))) {
      if (placed.start === null || placed.end === null) continue;
      if (!carries(placed.highlight)) continue;
      ranges.push([placed.start, placed.end]);
    }
    bySource.set(sourceId, merge(ranges));
  }
  return (sourceId, start, end) => {
    const ranges = bySource.get(sourceId);
    return ranges === 'all' || (ranges !== undefined && overlaps(ranges, start, end));
  };
}
