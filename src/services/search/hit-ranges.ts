import type { CharOffset, SourceId } from '../../core/model/ids';
import type { HitFilter } from '../../core/search/search-types';

/**
 * Which hits a filtered search lets through, as plain data so that it can be sent to the search
 * worker: per admitted source, 'all' or the disjoint ranges [starts[i], ends[i]) (ascending) a hit
 * must overlap. A source not listed lets no hit through.
 */
export type HitRanges = ReadonlyMap<SourceId, 'all' | { readonly starts: readonly number[]; readonly ends: readonly number[] }>;

/** Merges overlapping ranges into disjoint ones, ascending. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): { starts: number[]; ends: number[] } {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged = { starts: [] as number[], ends: [] as number[] };
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

/** The search filter the ranges stand for. */
export function hitFilter(ranges: HitRanges): HitFilter {
  return (sourceId: SourceId, start: CharOffset, end: CharOffset) => {
    const found = ranges.get(sourceId);
    if (found === undefined) return false;
    if (found === 'all') return true;
    let lo = 0;
    let hi = found.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((found.ends[mid] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < found.starts.length && (found.starts[lo] ?? 0) < end;
  };
}
