import type { SourceId } from '../model/ids';
import type { Block } from '../model/source';
import { decodePositions } from './postings';
import { indexText, LONG_TOKEN, type SegmentData } from './segment-data';
import type { TermDictionary } from './term-dictionary';

/**
 * Everything the index knows about one source, in typed arrays: adding, replacing or removing a
 * source touches only its own segment (and the dictionary entries of its terms). It is the
 * source's SegmentData with its terms replaced by their ids in the index's dictionary.
 *
 * Bytes per token: 4 (tokenStart) + 1 (tokenLength) + 1 to 2 (postings), plus 16 per distinct term
 * of the source and 12 per passage.
 */
export interface SourceSegment extends Omit<SegmentData, 'terms'> {
  readonly sourceId: SourceId;
  /** Global ids of the source's distinct terms, ascending; the arrays of SegmentData follow this order. */
  readonly termIds: Uint32Array;
  readonly passageCount: number;
  /** Tokens in the source (not counting the unused positions). */
  readonly tokenCount: number;
}

/** Tokens of passage p: positions [passageFirst[p], passageFirst[p + 1] - 1). */
export const passageLength = (segment: SourceSegment, p: number): number =>
  (segment.passageFirst[p + 1] ?? 0) - (segment.passageFirst[p] ?? 0) - 1;

/** Original range [start, end) of the `length` tokens from `position`. */
export function tokenRange(segment: SourceSegment, position: number, length: number): [number, number] {
  const last = position + length - 1;
  const stored = segment.tokenLength[last] ?? 0;
  const lastLength = stored === LONG_TOKEN ? (segment.longTokens.get(last) ?? 0) : stored;
  return [segment.tokenStart[position] ?? 0, (segment.tokenStart[last] ?? 0) + lastLength];
}

/** Index of termId in segment.termIds, or -1. */
export function findTerm(segment: SourceSegment, termId: number): number {
  const ids = segment.termIds;
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] ?? 0) < termId) lo = mid + 1;
    else hi = mid;
  }
  return ids[lo] === termId ? lo : -1;
}

/** Positions of termIds[k], ascending, decoded into an array of the given size from `take`. */
export function termPositionsInto(segment: SourceSegment, k: number, take: (size: number) => Uint32Array): Uint32Array {
  const out = take(segment.occurrences[k] ?? 0);
  decodePositions(segment.postings, segment.postingStart[k] ?? 0, out.length, out);
  return out;
}

/** Tokenises and indexes one source, registering its terms in the dictionary. */
export function buildSegment(sourceId: SourceId, text: string, blocks: readonly Block[] | undefined, dictionary: TermDictionary): SourceSegment {
  return attachSegment(sourceId, indexText(text, blocks), dictionary);
}

/** Registers an indexed source's terms in the dictionary, and orders its term lists by their ids there. */
export function attachSegment(sourceId: SourceId, data: SegmentData, dictionary: TermDictionary): SourceSegment {
  const termCount = data.terms.length;
  const globalIds = new Uint32Array(termCount);
  for (let k = 0; k < termCount; k++) globalIds[k] = dictionary.add(data.terms[k] ?? '', data.passageCounts[k] ?? 0);
  // Local terms in order of their global ids: sort (id, local) pairs packed into one number,
  // which a typed array sorts natively, much faster than with a comparator.
  const keys = Float64Array.from(globalIds, (id, local) => id * termCount + local).sort();
  const termIds = new Uint32Array(termCount);
  const occurrences = new Uint32Array(termCount);
  const passageCounts = new Uint32Array(termCount);
  const postingStart = new Uint32Array(termCount);
  for (let k = 0; k < termCount; k++) {
    const local = (keys[k] ?? 0) % termCount;
    termIds[k] = globalIds[local] ?? 0;
    occurrences[k] = data.occurrences[local] ?? 0;
    passageCounts[k] = data.passageCounts[local] ?? 0;
    postingStart[k] = data.postingStart[local] ?? 0;
  }
  const passageCount = data.passageStart.length;
  return {
    sourceId,
    text: data.text,
    termIds,
    occurrences,
    passageCounts,
    postingStart,
    postings: data.postings,
    tokenStart: data.tokenStart,
    tokenLength: data.tokenLength,
    longTokens: data.longTokens,
    passageFirst: data.passageFirst,
    passageStart: data.passageStart,
    passageEnd: data.passageEnd,
    passageRoles: data.passageRoles,
    passageCount,
    tokenCount: data.tokenStart.length - passageCount,
  };
}

/** Takes the segment's terms back out of the dictionary (the segment itself is then dropped). */
export function releaseSegment(segment: SourceSegment, dictionary: TermDictionary): void {
  for (let k = 0; k < segment.termIds.length; k++) dictionary.release(segment.termIds[k] ?? 0, segment.passageCounts[k] ?? 0);
}
