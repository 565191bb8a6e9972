import type { SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { SharedTextPair } from '../../core/shared-text/shared-text-types';

/** A stretch of the open source that another source has too. */
export interface SharedPassage {
  readonly range: TextRange;
  readonly twinId: SourceId;
  /** The same words in the twin. */
  readonly twinRange: TextRange;
}

/** The shared passages of `sourceId`, from the pairs it is in, in text order (then by twin). */
export function sharedPassagesOf(pairs: readonly SharedTextPair[], sourceId: SourceId): SharedPassage[] {
  const passages: SharedPassage[] = [];
  for (const pair of pairs) {
    if (pair.a !== sourceId && pair.b !== sourceId) continue;
    const mine = pair.a === sourceId ? 'a' : 'b';
    const twinId = mine === 'a' ? pair.b : pair.a;
    for (const passage of pair.passages) {
      passages.push({ range: passage[mine], twinId, twinRange: mine === 'a' ? passage.b : passage.a });
    }
  }
  return passages.sort((x, y) => x.range.start - y.range.start || (x.twinId < y.twinId ? -1 : 1));
}

/** What the library says of a source that shares most of its text: with which source, and how much. */
export interface TwinNote {
  readonly twinId: SourceId;
  /** Share of this source's text that the twin has, 0 to 1. */
  readonly share: number;
}

/** For each source in a pair of twins, its twins, the one sharing the most first. */
export function twinNotes(pairs: readonly SharedTextPair[]): Map<SourceId, TwinNote[]> {
  const notes = new Map<SourceId, TwinNote[]>();
  const add = (sourceId: SourceId, note: TwinNote) => notes.set(sourceId, [...(notes.get(sourceId) ?? []), note].sort((x, y) => y.share - x.share));
  for (const pair of pairs) {
    if (!pair.twins) continue;
    add(pair.a, { twinId: pair.b, share: pair.shareOfA });
    add(pair.b, { twinId: pair.a, share: pair.shareOfB });
  }
  return notes;
}

/** "100%", "43%"; a share that is not all is never rounded up to all. */
export const percent = (share: number): string => `${share < 1 ? Math.min(99, Math.round(share * 100)) : 100}%`;
