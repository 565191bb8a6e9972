import { describe, expect, it } from 'vitest';
import { buildBlocks, type OrderedPage } from './build-blocks';
import type { FlowLine } from './reading-order';

interface LineSpec {
  readonly x?: number;
  readonly right?: number;
  readonly size?: number;
  readonly bold?: boolean;
  readonly flow?: number;
  /** Extra space above the line, in points. */
  readonly gap?: number;
}

/** A page of lines 12pt apart in a column from x=72 to x=540, top first; characters are 5pt wide. */
function page(...specs: (string | [string, LineSpec])[]): OrderedPage {
  let y = 740;
  const lines: FlowLine[] = specs.map((spec) => {
    const [text, options] = typeof spec === 'string' ? [spec, {}] : spec;
    const size = options.size ?? 10;
    y -= (options.gap ?? 0) + (size === 10 ? 12 : size * 1.2);
    const x = options.x ?? 72;
    return { line: { text, x, right: options.right ?? x + text.length * 5, y, fontSize: size, bold: options.bold ?? false }, flow: options.flow ?? 0, left: 72, right: 540 };
  });
  return { lines };
}

const outline = (pages: OrderedPage[]): unknown[] =>
  buildBlocks(pages).map(({ block }) => [block.kind, block.text, ...(block.level ? [block.level] : []), ...(block.marker ? [block.marker, block.depth] : []), ...(block.note ? [block.note] : [])]);

describe('buildBlocks', () => {
  it('joins the lines of a paragraph and breaks at a wider gap', () => {
    expect(outline([page('First line of', 'the paragraph.', ['Next paragraph', { gap: 8 }], 'goes on.')])).toEqual([
      ['paragraph', 'First line of the paragraph.'],
      ['paragraph', 'Next paragraph goes on.'],
    ]);
  });

  it('breaks at an indented first line and after a short line ending a sentence', () => {
    const blocks = outline([page('A paragraph', ['ends here.', { right: 200 }], 'Another one', 'ends.', ['Indented start', { x: 90 }], 'of a third.')]);
    expect(blocks.map((block) => (block as unknown[])[1])).toEqual(['A paragraph ends here.', 'Another one ends.', 'Indented start of a third.']);
  });

  it('makes larger type a heading, ranked by size, and a short bold line a heading below them', () => {
    const blocks = outline([page(['Title', { size: 20 }], ['Section', { size: 14 }], 'Body text here', 'and here.', ['Bold Run', { bold: true, right: 150 }], 'More body.', ['Another Section', { size: 14 }], ['on two lines', { size: 14 }], 'Body.')]);
    expect(blocks).toEqual([
      ['heading', 'Title', 1],
      ['heading', 'Section', 2],
      ['paragraph', 'Body text here and here.'],
      ['heading', 'Bold Run', 3],
      ['paragraph', 'More body.'],
      ['heading', 'Another Section on two lines', 2],
      ['paragraph', 'Body.'],
    ]);
  });

  it('makes list items with their marker apart, hanging lines joined and nesting by indent', () => {
    const blocks = outline([
      page(
        ['The list:', { right: 150 }],
        '• First item that',
        ['wraps.', { x: 84 }],
        '• Second',
        ['a) nested one', { x: 90 }],
        ['b) nested two', { x: 90 }],
        '• Third item.',
        ['After the list.', { gap: 8 }],
      ),
    ]);
    expect(blocks).toEqual([
      ['paragraph', 'The list:'],
      ['listItem', 'First item that wraps.', '•', 0],
      ['listItem', 'Second', '•', 0],
      ['listItem', 'nested one', 'a)', 1],
      ['listItem', 'nested two', 'b)', 1],
      ['listItem', 'Third item.', '•', 0],
      ['paragraph', 'After the list.'],
    ]);
  });

  it('does not take a number that wraps to a line start for a list', () => {
    expect(outline([page('It was in the year', '1990. The end came.')])).toEqual([['paragraph', 'It was in the year 1990. The end came.']]);
  });

  it('carries a paragraph over a page and a column, joining a broken word', () => {
    const drafts = buildBlocks([page('Body runs to the inter-'), page('national foot of', ['the next column.', { flow: 1 }])]);
    expect(drafts.map((draft) => [draft.block.text, draft.pages])).toEqual([
      [
        'Body runs to the international foot of the next column.',
        [
          { page: 0, at: 0 },
          { page: 1, at: 22 },
        ],
      ],
    ]);
  });

  it('sets footnotes apart as notes after the paragraph the page break cuts', () => {
    const first = page('Body text with a note1', 'that runs on', ['1 The note, smaller,', { size: 8, gap: 300 }], ['on two lines.', { size: 8 }], ['2 Another.', { size: 8 }]);
    expect(outline([first, page('to the next page.', ['New paragraph.', { x: 90 }])])).toEqual([
      ['paragraph', 'Body text with a note1 that runs on to the next page.'],
      ['note', 'The note, smaller, on two lines.', 1],
      ['note', 'Another.', 2],
      ['paragraph', 'New paragraph.'],
    ]);
  });

  it('leaves small type that is no footnote in the flow', () => {
    expect(outline([page('Body text, longer than the small print.', ['Small print without a number.', { size: 8, gap: 100 }])])).toEqual([
      ['paragraph', 'Body text, longer than the small print.'],
      ['paragraph', 'Small print without a number.'],
    ]);
  });
});
