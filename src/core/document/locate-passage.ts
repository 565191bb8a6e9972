import { charOffset } from '../model/ids';
import type { ParsedSource } from '../model/source';
import { describePages, pagesOf } from './page-of';

/**
 * Where a passage stands, as a reader citing it would say: its section, and its paragraph there,
 * or for a paginated source its pages.
 */
export interface PassageLocation {
  /** Text of the nearest heading at or before the passage; null before the first heading. */
  readonly heading: string | null;
  /**
   * Ordinal from 1 of the block holding the passage among the blocks of its section (every block
   * but a heading counts: paragraphs, list items, quotes, notes); 0 when the passage is in the
   * heading itself.
   */
  readonly paragraph: number;
  /**
   * The printed pages the passage is on ("p. 12", "pp. 12–13"), for a paginated source (PDF);
   * a citation gives them instead of the paragraph, which a reader of the printed pages cannot count.
   */
  readonly pages?: string;
}

/**
 * The location of the passage [start, end) of the source's canonical text. Without an end it is
 * the passage's start alone, which decides its section and paragraph but may miss later pages.
 */
export type PassageLocator = (start: number, end?: number) => PassageLocation;

/**
 * Indexes a source's blocks once, so that locating each of many passages (an export of every
 * highlight) is a binary search. An offset between two blocks belongs to the block after it.
 */
export function createPassageLocator({ text, blocks, pages }: ParsedSource): PassageLocator {
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
  return (start, end = start) => {
    // The first block that ends after `start`: the one holding it, or the next after a gap.
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((blocks[mid]?.range.end ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    const location = locations[Math.min(lo, locations.length - 1)] ?? { heading: null, paragraph: 0 };
    const extent = pagesOf(pages, { start: charOffset(start), end: charOffset(end) });
    return extent === null ? location : { ...location, pages: describePages(extent.first, extent.last) };
  };
}

export const locatePassage = (source: ParsedSource, start: number, end?: number): PassageLocation => createPassageLocator(source)(start, end);
