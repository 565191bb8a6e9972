import { describe, expect, it } from 'vitest';
import type { TextLine } from './pdf-text';
import { removePageFurniture } from './page-furniture';

const line = (text: string, y: number, x = 72): TextLine => ({ text, x, right: x + text.length * 5, y, fontSize: 10, bold: false });
const body = (n: number): TextLine[] => [line(`Body text of page ${n} goes here.`, 650), line('More body text.', 300)];
const texts = (pages: TextLine[][]): string[][] => pages.map((page) => page.map((l) => l.text));

describe('removePageFurniture', () => {
  it('removes a running head and page numbers in any form', () => {
    const forms = ['3', 'Page 4 of 10', '- 5 -', 'vi'];
    const pages = forms.map((number, i) => ({ height: 792, lines: [line('Annual Report 2024', 760), ...body(i), line(number, 30, 300)] }));
    expect(texts(removePageFurniture(pages))).toEqual(forms.map((_, i) => [`Body text of page ${i} goes here.`, 'More body text.']));
  });

  it('lets digits vary inside a running foot', () => {
    const pages = [1, 2, 3].map((n) => ({ height: 792, lines: [...body(n), line(`Chapter ${n} — Working Paper No. 1${n}`, 40)] }));
    expect(removePageFurniture(pages).every((page) => page.length === 2)).toBe(true);
  });

  it('catches heads that alternate between odd and even pages', () => {
    const pages = [1, 2, 3, 4, 5, 6].map((n) => ({ height: 792, lines: [line(n % 2 ? 'The Book Title' : 'Author Name', 760), ...body(n)] }));
    expect(removePageFurniture(pages).every((page) => page.length === 2)).toBe(true);
  });

  it('keeps text in the band that does not repeat, and repeated text in the body', () => {
    const pages = ['cats', 'dogs', 'owls'].map((topic) => ({ height: 792, lines: [line(`A title about ${topic}`, 760), line('Repeated body line', 400), line('Repeated body line', 380)] }));
    expect(texts(removePageFurniture(pages))[0]).toEqual(['A title about cats', 'Repeated body line', 'Repeated body line']);
  });

  it('keeps a number that is not among the outermost lines of the band', () => {
    const lines = [line('Footnote text near the bottom.', 80), line('42', 70), line('Last footnote.', 60), line('Even later.', 50), line('7', 30)];
    expect(texts(removePageFurniture([{ height: 792, lines }]))[0]).toEqual(['Footnote text near the bottom.', '42', 'Last footnote.', 'Even later.']);
  });

  it('needs every page of a two-page file to call text repeated', () => {
    const pages = [{ height: 792, lines: [line('Only here', 760), ...body(1)] }, { height: 792, lines: [line('Elsewhere', 760), ...body(2)] }];
    expect(removePageFurniture(pages).map((page) => page.length)).toEqual([3, 3]);
  });
});
