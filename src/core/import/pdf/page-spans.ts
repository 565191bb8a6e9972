import { assembleSource, BLOCK_SEPARATOR } from '../../document/assemble-source';
import { charOffset } from '../../model/ids';
import type { PageSpan, ParsedSource } from '../../model/source';
import type { PdfDraft } from './build-blocks';

/**
 * Lays the blocks out as canonical text and tiles it with the pages. A page begins where its
 * first text does: inside a paragraph carried over from the page before, at the joint of the two
 * lines; at a block's start, right after the previous block, so that the separator between
 * blocks belongs to the page after it. A page without text gets an empty span where the next
 * page begins. Text placed out of page order (a footnote after a carried-over paragraph) counts
 * toward the page it falls in.
 */
export function withPages(drafts: readonly PdfDraft[], labels: readonly (string | null)[]): ParsedSource {
  const parsed = assembleSource(drafts.map((draft) => draft.block));
  const firstOffset: (number | undefined)[] = labels.map(() => undefined);
  drafts.forEach((draft, i) => {
    const blockStart = parsed.blocks[i]!.range.start;
    for (const { page, at } of draft.pages) {
      const offset = at === 0 ? Math.max(0, blockStart - (i > 0 ? BLOCK_SEPARATOR.length : 0)) : blockStart + at;
      firstOffset[page] = Math.min(firstOffset[page] ?? Infinity, offset);
    }
  });

  const starts: number[] = [];
  let nextStart = parsed.text.length;
  for (let page = labels.length - 1; page >= 0; page--) {
    nextStart = Math.min(firstOffset[page] ?? nextStart, nextStart);
    starts[page] = page === 0 ? 0 : nextStart;
  }
  const pages: PageSpan[] = labels.map((label, page) => ({
    range: { start: charOffset(starts[page]!), end: charOffset(starts[page + 1] ?? parsed.text.length) },
    index: page + 1,
    label: label ?? String(page + 1),
  }));
  return { ...parsed, pages };
}
