import { charOffset } from '../model/ids';
import type { Snippet, SnippetOffset } from './search-types';

/**
 * A snippet shows about SNIPPET_CHARS of a passage around its densest cluster of hits, cut
 * between words, with the hits marked relative to the snippet's text.
 */

export const SNIPPET_CHARS = 160;

const isSpaceAt = (text: string, i: number): boolean => /\s/.test(text.charAt(i));

/** `hits` are the passage's hit ranges in the source text: ascending, not overlapping, not empty. */
export function makeSnippet(text: string, passageStart: number, passageEnd: number, hits: readonly (readonly [number, number])[]): Snippet {
  // The cluster: the run of hits that fits in the fewest characters, most hits first.
  let bestFirst = 0;
  let bestLast = 0;
  for (let first = 0, last = 0; first < hits.length; first++) {
    if (last < first) last = first;
    const from = hits[first]?.[0] ?? 0;
    while (last + 1 < hits.length && (hits[last + 1]?.[1] ?? 0) - from <= SNIPPET_CHARS) last++;
    if (last - first > bestLast - bestFirst) {
      bestFirst = first;
      bestLast = last;
    }
  }
  const clusterStart = hits[bestFirst]?.[0] ?? passageStart;
  const clusterEnd = hits[bestLast]?.[1] ?? clusterStart;

  const room = Math.max(0, SNIPPET_CHARS - (clusterEnd - clusterStart));
  let start = clusterStart - Math.floor(room / 2);
  let end = clusterEnd + Math.ceil(room / 2);
  if (start < passageStart) {
    end += passageStart - start;
    start = passageStart;
  }
  if (end > passageEnd) {
    start = Math.max(passageStart, start - (end - passageEnd));
    end = passageEnd;
  }
  // Cut between words: move inwards to a space, never into the cluster.
  if (start > passageStart && !isSpaceAt(text, start - 1)) {
    while (start < clusterStart && !isSpaceAt(text, start)) start++;
  }
  while (start < clusterStart && isSpaceAt(text, start)) start++;
  if (end < passageEnd && !isSpaceAt(text, end)) {
    while (end > clusterEnd && !isSpaceAt(text, end - 1)) end--;
  }
  while (end > clusterEnd && isSpaceAt(text, end - 1)) end--;

  const highlights = hits
    .filter(([from, to]) => from >= start && to <= end)
    .map(([from, to]) => [(from - start) as SnippetOffset, (to - start) as SnippetOffset] as const);
  return {
    text: text.slice(start, end),
    start: charOffset(start),
    highlights,
    clippedStart: /\S/.test(text.slice(passageStart, start)),
    clippedEnd: /\S/.test(text.slice(end, passageEnd)),
  };
}
