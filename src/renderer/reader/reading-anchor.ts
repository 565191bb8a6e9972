import { charOffset, type CharOffset } from '../../core/model/ids';

/**
 * The reading position is the canonical offset of the first block visible in the reader's
 * scrolling area. Each rendered block carries its start offset in this attribute.
 */
export const BLOCK_START_ATTRIBUTE = 'data-block-start';

interface RenderedBlock {
  readonly element: Element;
  readonly start: CharOffset;
}

/** Blocks that take up space on screen (those in a collapsed section do not), in canonical order. */
function renderedBlocks(scroller: Element): RenderedBlock[] {
  const blocks: RenderedBlock[] = [];
  for (const element of scroller.querySelectorAll(`[${BLOCK_START_ATTRIBUTE}]`)) {
    const start = Number(element.getAttribute(BLOCK_START_ATTRIBUTE));
    if (Number.isInteger(start) && element.getClientRects().length > 0) blocks.push({ element, start: charOffset(start) });
  }
  return blocks;
}

/**
 * A restored block is placed this far below the top edge, so it does not sit flush against it. A
 * block counts as visible only if it reaches below that line: the block above a restored one then
 * never counts, and saving right after restoring gives back the same offset.
 */
const TOP_MARGIN_PX = 24;

export function firstVisibleBlockStart(scroller: Element): CharOffset | null {
  const line = scroller.getBoundingClientRect().top + TOP_MARGIN_PX;
  const block = renderedBlocks(scroller).find((b) => b.element.getBoundingClientRect().bottom > line);
  return block?.start ?? null;
}

/**
 * Scrolls so the block holding `offset` (the last rendered one starting at or before it) is at the
 * top. Returns false when no rendered block starts at or before it.
 */
export function scrollToOffset(scroller: Element, offset: CharOffset): boolean {
  let block: RenderedBlock | undefined;
  for (const b of renderedBlocks(scroller)) {
    if (b.start > offset) break;
    block = b;
  }
  if (!block) return false;
  const delta = block.element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  scroller.scrollTop += delta - TOP_MARGIN_PX;
  return true;
}
