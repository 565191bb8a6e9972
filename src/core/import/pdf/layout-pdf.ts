import type { ParsedSource } from '../../model/source';
import { buildBlocks } from './build-blocks';
import { buildLines } from './build-lines';
import { removePageFurniture } from './page-furniture';
import { withPages } from './page-spans';
import type { PdfPageText } from './pdf-text';
import { readingOrder } from './reading-order';

/** The canonical text, blocks and page spans of a PDF from the positioned text of its pages. */
export function layoutPdf(pages: readonly PdfPageText[]): ParsedSource {
  const lines = pages.map((page) => buildLines(page.items));
  const bodies = removePageFurniture(pages.map((page, i) => ({ lines: lines[i]!, height: page.height })));
  const ordered = bodies.map((body, i) => ({ lines: readingOrder(body, pages[i]!.width) }));
  return withPages(buildBlocks(ordered), pages.map((page) => page.label));
}
