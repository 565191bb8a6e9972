import type { CharOffset } from '../../core/model/ids';
import type { Block } from '../../core/model/source';

/** Which notes a source has, and where each is first referred to (the target of its back-link). */
export interface FootnoteIndex {
  readonly notes: ReadonlySet<number>;
  readonly firstRef: ReadonlyMap<number, CharOffset>;
}

export function indexFootnotes(blocks: readonly Block[]): FootnoteIndex {
  const notes = new Set<number>();
  const firstRef = new Map<number, CharOffset>();
  for (const block of blocks) {
    if (block.kind === 'note' && block.note !== undefined) notes.add(block.note);
    for (const mark of block.marks) {
      if (mark.kind !== 'footnoteRef') continue;
      const seen = firstRef.get(mark.note);
      if (seen === undefined || mark.range.start < seen) firstRef.set(mark.note, mark.range.start);
    }
  }
  return { notes, firstRef };
}
