import { describe, expect, it } from 'vitest';
import { layoutPdf } from './layout-pdf';
import type { PdfPageText, PdfTextItem } from './pdf-text';
import { item } from './test-items';

const page = (label: string | null, items: PdfTextItem[]): PdfPageText => ({ width: 612, height: 792, label, items });
const furniture = (n: number): PdfTextItem[] => [item('The Running Head', 72, 750, 9), item(String(n), 300, 40, 9)];

describe('layoutPdf', () => {
  it('drops running heads and page numbers, joins a paragraph over the page break and tiles the pages', () => {
    const parsed = layoutPdf([
      page('xi', [...furniture(11), item('Chapter One', 72, 700, 16), item('The opening paragraph runs to the foot of the', 72, 670), item('page and beyond it, into the inter-', 72, 658)]),
      page('xii', [...furniture(12), item('national waters of the next page.', 72, 700), item('A new paragraph.', 90, 688)]),
      page('xiii', [...furniture(13), item('Last page paragraph that says enough.', 90, 700)]),
    ]);
    expect(parsed.text).toBe(
      'Chapter One\n\nThe opening paragraph runs to the foot of the page and beyond it, into the international waters of the next page.\n\nA new paragraph.\n\nLast page paragraph that says enough.',
    );
    expect(parsed.blocks.map((block) => [block.kind, block.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
    ]);
    const pageOf = (needle: string): string | undefined => {
      const at = parsed.text.indexOf(needle);
      return parsed.pages!.find((span) => span.range.start <= at && at < span.range.end)?.label;
    };
    expect([pageOf('inter'), pageOf('national'), pageOf('A new'), pageOf('Last page')]).toEqual(['xi', 'xii', 'xii', 'xiii']);
    expect(parsed.pages![0]!.range.start).toBe(0);
    expect(parsed.pages![2]!.range.end).toBe(parsed.text.length);
  });

  it('reads a two-column page column by column', () => {
    const left = ['Left one starts the text', 'of the left column and', 'ends it here, in fact.'];
    const right = ['Right one is the other', 'column, read after the', 'left one is done.'];
    const items = [item('A Title Spanning Both Columns Of The Page', 72, 740, 14), ...left.map((text, i) => item(text, 72, 700 - i * 12)), ...right.map((text, i) => item(text, 320, 700 - i * 12))];
    expect(layoutPdf([page(null, items)]).text).toBe(`A Title Spanning Both Columns Of The Page\n\n${left.join(' ')} ${right.join(' ')}`);
  });

  it('labels pages by index when the file has no labels', () => {
    const parsed = layoutPdf([page(null, [item('One.', 72, 700)]), page(null, [])]);
    expect(parsed.pages!.map((span) => [span.label, span.index, span.range.start, span.range.end])).toEqual([
      ['1', 1, 0, 4],
      ['2', 2, 4, 4],
    ]);
  });
});
