import { describe, expect, it } from 'vitest';
import { assembleSource } from '../../../tests/unit/support/sample-source';
import { charOffset } from '../model/ids';
import type { PageSpan } from '../model/source';
import { describePages, pagesOf, pageStarts } from './page-of';

// Blocks: "Alpha one." [0,10), "Beta two, split." [12,28), "Gamma." [30,36), "Delta." [38,44).
const source = assembleSource([
  { kind: 'heading', level: 1, text: 'Alpha one.' },
  { kind: 'paragraph', text: 'Beta two, split.' },
  { kind: 'paragraph', text: 'Gamma.' },
  { kind: 'paragraph', text: 'Delta.' },
]);
const page = (index: number, label: string, start: number, end: number): PageSpan => ({ index, label, range: { start: charOffset(start), end: charOffset(end) } });
// Page xi holds the first block; page 1 begins with the gap before "Beta" and ends inside it
// ("Beta two," | " split."); page 2 holds the rest of it and "Gamma."; page 3 is blank, and page 4
// begins with the gap before "Delta.".
const pages = [page(1, 'xi', 0, 10), page(2, '1', 10, 21), page(3, '2', 21, 36), page(4, '3', 36, 36), page(5, '4', 36, 44)];
const range = (start: number, end: number) => ({ start: charOffset(start), end: charOffset(end) });
const labels = (extent: ReturnType<typeof pagesOf>) => extent && [extent.first.label, extent.last.label];

describe('pagesOf', () => {
  it('gives the page of a passage on one page, and the first and last of one across pages', () => {
    expect(labels(pagesOf(pages, range(0, 5)))).toEqual(['xi', 'xi']);
    expect(labels(pagesOf(pages, range(12, 28)))).toEqual(['1', '2']);
    expect(labels(pagesOf(pages, range(0, 44)))).toEqual(['xi', '4']);
  });

  it('keeps a passage ending exactly where a page ends on that page only', () => {
    expect(labels(pagesOf(pages, range(12, 21)))).toEqual(['1', '1']);
    expect(labels(pagesOf(pages, range(21, 22)))).toEqual(['2', '2']);
  });

  it('puts an empty passage, and one starting on a boundary, on the page of the character at its start', () => {
    expect(labels(pagesOf(pages, range(21, 21)))).toEqual(['2', '2']);
    expect(labels(pagesOf(pages, range(10, 10)))).toEqual(['1', '1']);
    expect(labels(pagesOf(pages, range(44, 44)))).toEqual(['4', '4']);
  });

  it('counts text between blocks with the page after it, and skips a blank page', () => {
    expect(labels(pagesOf(pages, range(11, 11)))).toEqual(['1', '1']);
    expect(labels(pagesOf(pages, range(36, 40)))).toEqual(['4', '4']);
    expect(labels(pagesOf(pages, range(30, 40)))).toEqual(['2', '4']);
  });

  it('has no pages for a source without them', () => {
    expect(pagesOf(undefined, range(0, 5))).toBeNull();
    expect(pagesOf([], range(0, 5))).toBeNull();
  });
});

describe('describePages', () => {
  it('names one page, or the first and last with an en dash, by their printed labels', () => {
    const [xi, one, two] = pages as [PageSpan, PageSpan, PageSpan];
    expect(describePages(one, one)).toBe('p. 1');
    expect(describePages(one, two)).toBe('pp. 1–2');
    expect(describePages(xi, one)).toBe('pp. xi–1');
  });

  it('tells apart two pages printed with the same label', () => {
    expect(describePages(page(7, '3', 0, 1), page(8, '3', 1, 2))).toBe('pp. 3–3');
  });
});

describe('pageStarts', () => {
  it('gives each block a page begins in, at its start or inside it, with the labels of the pages beginning there', () => {
    expect(pageStarts(source.blocks, pages)).toEqual(
      new Map([
        [0, ['xi']],
        [1, ['1', '2']],
        [3, ['3', '4']],
      ]),
    );
  });

  it('marks nothing for a page beginning after the last block', () => {
    expect(pageStarts(source.blocks, [page(1, '1', 0, 44), page(2, '2', 44, 46)])).toEqual(new Map([[0, ['1']]]));
    expect(pageStarts([], pages)).toEqual(new Map());
  });
});
