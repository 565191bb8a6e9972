import type { Block } from '../../core/model/source';

export interface OutlineEntry {
  /** The heading's index among the source's blocks (its element id comes from it). */
  readonly index: number;
  /** 1 for the outermost headings the source has, 2 for those under them, and so on. */
  readonly depth: number;
  readonly title: string;
}

/**
 * The source's headings, in text order, as an outline: the trailer (links a capture appended) is
 * no part of the source's own structure, and a heading with no words has nothing to show.
 */
export function outlineOf(text: string, blocks: readonly Block[]): OutlineEntry[] {
  const headings = blocks.flatMap((block, index) => {
    if (block.kind !== 'heading' || block.trailer === true) return [];
    const title = text.slice(block.range.start, block.range.end).replace(/\s+/g, ' ').trim();
    return title === '' ? [] : [{ index, level: block.level ?? 1, title }];
  });
  const top = Math.min(...headings.map((h) => h.level));
  return headings.map(({ index, level, title }) => ({ index, depth: level - top + 1, title }));
}
