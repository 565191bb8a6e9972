import type { Block } from '../model/source';

/**
 * What a block is to a reader weighing the evidence: the source's own prose (`body`), or its
 * apparatus, which names things without saying anything about them: a `heading` (titles
 * included), a `contents` line, a `reference` (a numbered note of the back matter or an entry of a
 * reference list), or the `trailer` of links an aggregator appends to a news capture. Mentions and
 * search rank the apparatus below the prose, or set it apart.
 */
export type BlockRole = 'body' | 'heading' | 'contents' | 'reference' | 'trailer';

/**
 * The role of a block. The parsers already type the apparatus they recognise (a "Contents"
 * section's lines become `tocEntry`, a "Notes"/"References"/"Bibliography" section's items `note`
 * or `reference`), so the role follows the block's kind; the trailer mark wins over the kind,
 * since a trailer's list items and paragraphs are links, not prose.
 */
export function blockRole(block: Block): BlockRole {
  if (block.trailer === true) return 'trailer';
  switch (block.kind) {
    case 'heading':
      return 'heading';
    case 'tocEntry':
      return 'contents';
    case 'note':
    case 'reference':
      return 'reference';
    case 'paragraph':
    case 'listItem':
    case 'quote':
      return 'body';
  }
}

/** The block holding `offset` (blocks are in text order and do not overlap), or null between blocks. */
export function blockAt(blocks: readonly Block[], offset: number): Block | null {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((blocks[mid]?.range.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  const block = blocks[lo];
  return block !== undefined && block.range.start <= offset ? block : null;
}

/** The role of the text at `offset`: that of the block holding it, `body` for text between blocks. */
export function roleAt(blocks: readonly Block[], offset: number): BlockRole {
  const block = blockAt(blocks, offset);
  return block === null ? 'body' : blockRole(block);
}
