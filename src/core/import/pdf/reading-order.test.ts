import { describe, expect, it } from 'vitest';
import type { TextLine } from './pdf-text';
import { readingOrder } from './reading-order';

const line = (text: string, x: number, y: number, right = x + 230): TextLine => ({ text, x, right, y, fontSize: 10, bold: false });
const column = (name: string, x: number, top: number, count: number): TextLine[] =>
  Array.from({ length: count }, (_, i) => line(`${name}${i + 1}`, x, top - i * 12));

describe('readingOrder', () => {
  it('reads a one-column page top to bottom', () => {
    const lines = [line('second', 72, 688), line('first', 72, 700), line('third', 72, 676, 200)];
    expect(readingOrder(lines, 612).map((l) => [l.line.text, l.flow, l.left])).toEqual([
      ['first', 0, 72],
      ['second', 0, 72],
      ['third', 0, 72],
    ]);
  });

  it('reads the left column to its foot, then the right, keeping spanning lines in place', () => {
    const lines = [
      line('Title across the page', 72, 740, 540),
      ...column('R', 320, 700, 4),
      ...column('L', 72, 700, 5),
      line('Figure caption across the page', 72, 620, 540),
      ...column('l', 72, 600, 3),
      ...column('r', 320, 600, 3),
    ];
    const order = readingOrder(lines, 612);
    expect(order.map((l) => l.line.text)).toEqual(['Title across the page', 'L1', 'L2', 'L3', 'L4', 'L5', 'R1', 'R2', 'R3', 'R4', 'Figure caption across the page', 'l1', 'l2', 'l3', 'r1', 'r2', 'r3']);
    expect(new Set(order.map((l) => l.flow)).size).toBe(6);
    expect(order.find((l) => l.line.text === 'R1')).toMatchObject({ left: 320, right: 550 });
  });

  it('puts a short last line of a spanning paragraph at the head of the left column', () => {
    const lines = [line('Abstract running across', 72, 740, 540), line('ends short.', 72, 728, 150), ...column('L', 72, 700, 4), ...column('R', 320, 700, 4)];
    expect(readingOrder(lines, 612).map((l) => l.line.text).slice(0, 4)).toEqual(['Abstract running across', 'ends short.', 'L1', 'L2']);
  });

  it('does not read a two-cell table as columns', () => {
    const lines = [0, 1, 2, 3].flatMap((i) => [line(`Key ${i}`, 72, 700 - i * 12, 110), line(`Value ${i}`, 320, 700 - i * 12, 360)]);
    expect(readingOrder(lines, 612).map((l) => l.line.text).slice(0, 4)).toEqual(['Key 0', 'Value 0', 'Key 1', 'Value 1']);
  });

  it('does not read stacked blocks that are never side by side as columns', () => {
    const lines = [...column('L', 72, 700, 4), ...column('R', 320, 600, 4)];
    expect(readingOrder(lines, 612).map((l) => l.flow)).toEqual(Array(8).fill(0));
  });
});
