import type { Block, PageSpan, TextRange } from '../model/source';

/** The first and last page a passage is printed on (the same page for a passage on one). */
export interface PageExtent {
  readonly first: PageSpan;
  readonly last: PageSpan;
}

/**
 * Position in `pages` of the first page ending after `offset`: the page holding that character
 * (or, in the text between two blocks, the page after it, which the gap belongs to). Past the end
 * of the text it is the last page, so a caret at the very end still has a page.
 */
function pageIndexAt(pages: readonly PageSpan[], offset: number): number {
  let lo = 0;
  let hi = pages.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pages[mid]?.range.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, pages.length - 1);
}

/**
 * The pages the passage [start, end) is on, or null for a source without pages. The end is
 * exclusive: a passage ending exactly where a page ends is on that page only. An empty passage
 * is on the page of the character at its start.
 */
export function pagesOf(pages: readonly PageSpan[] | undefined, { start, end }: TextRange): PageExtent | null {
  if (pages === undefined) return null;
  const first = pages[pageIndexAt(pages, start)];
  if (first === undefined) return null;
  const last = end > start ? pages[pageIndexAt(pages, end - 1)] : undefined;
  return { first, last: last ?? first };
}

/** How a citation names pages, by their printed labels: "p. 12", or "pp. 12–13" for a passage across pages. */
export function describePages(first: PageSpan, last: PageSpan): string {
  return first.index === last.index ? `p. ${first.label}` : `pp. ${first.label}–${last.label}`;
}

/**
 * Where pages begin among the blocks, for the reader's page markers: the index of each block a
 * page begins in (at its start or inside it), with the labels of the pages beginning there, in
 * order; usually one, more when pages without text (a blank page, a full-page figure) begin
 * there too. A page beginning between two blocks begins in the block after it, as that text
 * belongs to it; one beginning after the last block has no block to mark.
 */
export function pageStarts(blocks: readonly Block[], pages: readonly PageSpan[]): ReadonlyMap<number, readonly string[]> {
  const starts = new Map<number, string[]>();
  let b = 0;
  for (const page of pages) {
    // Pages and blocks are both in text order, so the search for each page resumes where the last stopped.
    while (b < blocks.length && (blocks[b]?.range.end ?? 0) <= page.range.start) b++;
    if (b === blocks.length) break;
    const labels = starts.get(b);
    if (labels === undefined) starts.set(b, [page.label]);
    else labels.push(page.label);
  }
  return starts;
}
