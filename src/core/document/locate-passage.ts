import type { ParsedSource } from '../model/source';

/** Where a passage stands, as a reader citing it would say: its section, and its paragraph there. */
export interface PassageLocation {
  /** Text of the nearest heading at or before the passage; null before the first heading. */
  readonly heading: string | null;
  /**
   * Ordinal from 1 of the block holding the passage among the blocks of its section (every block
   * but a heading counts: paragraphs, list items, quotes, notes); 0 when the passage is in the
   * heading itself.
   */
  readonly paragraph: number;
}

/** The location of the passage starting at `offset` of the source's canonical text. */
export type PassageLocator = (offset: number) => PassageLocation;

/**
 * Indexes a source's blocks once, so that locating each of many passages (an export of every
 * highlight) is a binary search. An offset between two blocks belongs to the block after it.
 */
export function createPassageLocator({ text, blocks }: ParsedSource): PassageLocator {
  const locations: PassageLocation[] = [];
  let heading: string | null = null;
  let paragraph = 0;
  for (const block of blocks) {
    if (block.kind === 'heading') {
      heading = text.slice(block.range.start, block.range.end);
      paragraph = 0;
    } else {
      paragraph++;
    }
    locations.push({ heading, paragraph });
  }
  return (offset) => {
    // The first block that ends after `offset`: the one holding it, or the next after a gap.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((blocks[mid]?.range.end ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return locations[Math.min(lo, locations.length - 1)] ?? { heading: null, paragraph: 0 };
  };
}

export const locatePassage = (source: ParsedSource, offset: number): PassageLocation => createPassageLocator(source)(offset);
