import { describe, expect, it } from 'vitest';
import { blockOffset } from '../../document/draft-block';
import type { PdfDraft } from './build-blocks';
import { withPages } from './page-spans';

const draft = (text: string, ...pages: [page: number, at: number][]): PdfDraft => ({
  block: { kind: 'paragraph', text, marks: [] },
  pages: pages.map(([page, at]) => ({ page, at: blockOffset(at) })),
});
const spans = (drafts: PdfDraft[], labels: (string | null)[]): [number, number, string][] =>
  withPages(drafts, labels).pages!.map((page) => [page.range.start, page.range.end, page.label]);

describe('withPages', () => {
  it('gives the separator before a block to the page the block starts', () => {
    // "One.\n\nTwo." : page 2 starts at the separator after "One."
    expect(spans([draft('One.', [0, 0]), draft('Two.', [1, 0])], ['i', 'ii'])).toEqual([
      [0, 4, 'i'],
      [4, 10, 'ii'],
    ]);
  });

  it('puts the page break inside a paragraph that runs over it', () => {
    // "Carried over" with page 2 from the joint before "over".
    const parsed = withPages([draft('Carried over', [0, 0], [1, 7])], ['1', '2']);
    expect(parsed.pages!.map((page) => parsed.text.slice(page.range.start, page.range.end))).toEqual(['Carried', ' over']);
  });

  it('gives a page without text an empty span and its index as label when the file has none', () => {
    expect(spans([draft('One.', [0, 0]), draft('Three.', [2, 0])], [null, null, null])).toEqual([
      [0, 4, '1'],
      [4, 4, '2'],
      [4, 12, '3'],
    ]);
  });

  it('tiles the text even when a block is placed out of page order', () => {
    const parsed = withPages([draft('Body on one and two', [0, 0], [1, 11]), draft('Note of page one', [0, 0])], ['1', '2']);
    expect(parsed.pages!.map((page) => [page.range.start, page.range.end])).toEqual([
      [0, 11],
      [11, parsed.text.length],
    ]);
  });
});
