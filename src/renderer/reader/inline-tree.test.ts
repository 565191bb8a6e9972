import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import type { InlineMark } from '../../core/model/source';
import { buildInlineTree, type InlineNode } from './inline-tree';

const range = (start: number, end: number) => ({ start: charOffset(start), end: charOffset(end) });
const bold = (s: number, e: number): InlineMark => ({ kind: 'bold', range: range(s, e) });
const italic = (s: number, e: number): InlineMark => ({ kind: 'italic', range: range(s, e) });
const link = (s: number, e: number): InlineMark => ({ kind: 'link', range: range(s, e), href: 'https://example.org/' });

/** The tree written compactly: text as [start, end], marks as {kind: children}. */
const shape = (nodes: readonly InlineNode[]): unknown[] =>
  nodes.map((n) => (n.kind === 'text' ? [n.start, n.end] : { [n.mark.kind]: shape(n.children) }));

/** Text runs in order; they must tile the block exactly once. */
const runs = (nodes: readonly InlineNode[]): [number, number][] =>
  nodes.flatMap((n) => (n.kind === 'text' ? [[n.start, n.end] as [number, number]] : runs(n.children)));

describe('buildInlineTree', () => {
  it('is one text run when there are no marks', () => {
    expect(shape(buildInlineTree(charOffset(5), charOffset(9), []))).toEqual([[5, 9]]);
  });

  it('wraps marked runs and keeps the text around them', () => {
    expect(shape(buildInlineTree(charOffset(0), charOffset(10), [italic(6, 8), bold(2, 4)]))).toEqual([
      [0, 2],
      { bold: [[2, 4]] },
      [4, 6],
      { italic: [[6, 8]] },
      [8, 10],
    ]);
  });

  it('nests a mark inside another that contains it', () => {
    expect(shape(buildInlineTree(charOffset(0), charOffset(10), [italic(3, 5), bold(1, 8)]))).toEqual([
      [0, 1],
      { bold: [[1, 3], { italic: [[3, 5]] }, [5, 8]] },
      [8, 10],
    ]);
  });

  it('puts a link outside bold over the same range, whatever the input order', () => {
    expect(shape(buildInlineTree(charOffset(0), charOffset(4), [bold(0, 4), link(0, 4)]))).toEqual([{ link: [{ bold: [[0, 4]] }] }]);
  });

  it('splits a mark that crosses the edge of an earlier one', () => {
    expect(shape(buildInlineTree(charOffset(0), charOffset(10), [bold(0, 5), italic(3, 8)]))).toEqual([
      { bold: [[0, 3], { italic: [[3, 5]] }] },
      { italic: [[5, 8]] },
      [8, 10],
    ]);
  });

  it('clips marks to the block and drops those outside it', () => {
    expect(shape(buildInlineTree(charOffset(10), charOffset(20), [bold(5, 12), italic(18, 30), link(40, 45)]))).toEqual([
      { bold: [[10, 12]] },
      [12, 18],
      { italic: [[18, 20]] },
    ]);
  });

  it('tiles the block exactly once however the marks overlap', () => {
    const marks = [bold(2, 9), italic(4, 12), link(7, 15), bold(14, 18), italic(0, 3)];
    expect(runs(buildInlineTree(charOffset(0), charOffset(20), marks))).toEqual([
      [0, 2], [2, 3], [3, 4], [4, 7], [7, 9], [9, 12], [12, 14], [14, 15], [15, 18], [18, 20],
    ]);
  });
});
