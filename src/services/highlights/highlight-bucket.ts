import type { HighlightId } from '../../core/model/ids';

/**
 * Each source's highlights are spread over this many files. With 10,000 highlights on one source
 * a file holds about 160 (some 100 KB), so one save stays a small write however many there are.
 */
export const BUCKET_COUNT = 64;

/** "00" to "3f": the names of a source's bucket files (without ".json"). */
export const BUCKET_NAMES: ReadonlySet<string> = new Set(Array.from({ length: BUCKET_COUNT }, (_, n) => n.toString(16).padStart(2, '0')));

/**
 * The file a highlight lives in: "00" to "3f", from a stable hash (32-bit FNV-1a) of its id.
 * Stable across versions and platforms, because a highlight is found again by recomputing it.
 */
export function bucketOf(id: HighlightId): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % BUCKET_COUNT).toString(16).padStart(2, '0');
}
