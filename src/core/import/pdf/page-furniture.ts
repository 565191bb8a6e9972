import type { TextLine } from './pdf-text';

/** Running heads, feet and page numbers are looked for in this share of the page at top and bottom. */
const BAND = 0.12;
/** Only the outermost baselines of a band can be furniture: body text may reach into the band. */
const OUTER_BASELINES = 2;

const ROMAN = /^(?=[mdclxvi])m{0,4}(?:c[md]|d?c{0,3})(?:x[cl]|l?x{0,3})(?:i[xv]|v?i{0,3})$/i;
const NUMBER = String.raw`(?:\d{1,4}|[ivxlcdm]{1,8})`;
/** "12", "- 12 -", "[xii]", "Page 3", "Page 3 of 10", "3 / 10", "p. 4". */
const PAGE_NUMBER = new RegExp(String.raw`^(?:page|p\.|seite|s\.|стр\.?)?\s*[-–—(\[]?\s*(${NUMBER})\s*(?:(?:of|/|von|из)\s*\d{1,4})?\s*[-–—)\]]?$`, 'i');

export interface FurniturePage {
  readonly lines: readonly TextLine[];
  readonly height: number;
}

type Band = 'top' | 'bottom';

function isPageNumber(text: string): boolean {
  const number = PAGE_NUMBER.exec(text.trim())?.[1];
  return number !== undefined && (/^\d+$/.test(number) || ROMAN.test(number));
}

/** What a running head keeps from page to page: its words, with page numbers in any form masked. */
function furnitureKey(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (/\d/.test(word) || ROMAN.test(word.replace(/[^a-z]/g, '')) ? '#' : word))
    .join(' ');
}

/** The lines of a page in its top or bottom band, outermost baselines only. */
function bandLines(page: FurniturePage, band: Band): TextLine[] {
  const inBand = page.lines.filter((line) => (band === 'top' ? line.y > page.height * (1 - BAND) : line.y < page.height * BAND));
  const baselines = [...new Set(inBand.map((line) => line.y))].sort((a, b) => (band === 'top' ? b - a : a - b)).slice(0, OUTER_BASELINES);
  return inBand.filter((line) => baselines.includes(line.y));
}

/**
 * Removes running heads, running feet and page numbers. A line in the outer baselines of the top
 * or bottom band is furniture when it is a lone page number ("12", "xii", "Page 3 of 10"), or
 * when the same text, digits and roman numerals aside, stands in the same band on several pages:
 * on every page of a two-page file, else on at least two pages of a three- or four-page file and
 * three pages of a longer one. Counting pages rather than asking for "most pages" also catches
 * heads that alternate between odd and even pages and heads that change with each chapter.
 */
export function removePageFurniture(pages: readonly FurniturePage[]): TextLine[][] {
  const needed = Math.min(3, Math.max(2, Math.ceil(pages.length / 2)));
  const candidates = pages.map((page) => ({ top: bandLines(page, 'top'), bottom: bandLines(page, 'bottom') }));
  const pagesWithKey = new Map<string, number>();
  for (const page of candidates) {
    const keys = new Set([...page.top.map((line) => `top ${furnitureKey(line.text)}`), ...page.bottom.map((line) => `bottom ${furnitureKey(line.text)}`)]);
    for (const key of keys) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  return pages.map((page, i) => {
    const { top, bottom } = candidates[i]!;
    const furniture = new Set<TextLine>();
    for (const [band, lines] of [['top', top], ['bottom', bottom]] as const) {
      for (const line of lines) {
        if (isPageNumber(line.text) || (pagesWithKey.get(`${band} ${furnitureKey(line.text)}`) ?? 0) >= needed) furniture.add(line);
      }
    }
    return page.lines.filter((line) => !furniture.has(line));
  });
}
