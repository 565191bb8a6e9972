import type { CharOffset } from '../../core/model/ids';
import type { Block, TextRange } from '../../core/model/source';

/**
 * Which notes a source has, where each note's text is (for its preview), and where each is first
 * referred to (the target of its back-link).
 */
export interface FootnoteIndex {
  readonly notes: ReadonlySet<number>;
  readonly noteRange: ReadonlyMap<number, TextRange>;
  readonly firstRef: ReadonlyMap<number, CharOffset>;
}

export function indexFootnotes(blocks: readonly Block[]): FootnoteIndex {
  const notes = new Set<number>();
  const noteRange = new Map<number, TextRange>();
  const firstRef = new Map<number, CharOffset>();
  for (const block of blocks) {
    if (block.kind === 'note' && block.note !== undefined) {
      notes.add(block.note);
      // A number given to two notes previews the first, as the marker's link leads to the first.
      if (!noteRange.has(block.note)) noteRange.set(block.note, block.range);
    }
    for (const mark of block.marks) {
      if (mark.kind !== 'footnoteRef') continue;
      const seen = firstRef.get(mark.note);
      if (seen === undefined || mark.range.start < seen) firstRef.set(mark.note, mark.range.start);
    }
  }
  return { notes, noteRange, firstRef };
}
