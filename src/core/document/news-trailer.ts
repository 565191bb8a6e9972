/**
 * What an aggregator or blog page appends after a captured article, recognised by its shape: the
 * list of unrelated news links ("- Title - Outlet - October 24th, 2025 [October 24th, 2025]"),
 * the "Link:" back to the original with the original's title, and the site's footer lines.
 * The trailer is the longest run of such lines at the end of the capture, so a line in the middle
 * of the article can never be taken for it.
 */

export const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const LISTED_DATE = `${MONTH} \\d{1,2}(?:st|nd|rd|th), \\d{4}`;

/** Group 1 is the item without its "- " bullet. The date is repeated in brackets. */
export const NEWS_LINK_ITEM = new RegExp(`^-\\s+(\\S.*\\s-\\s+(${LISTED_DATE}) \\[\\2\\])$`);

const LINK_LABEL = /^link:$/i;

const FOOTERS: readonly RegExp[] = [
  LINK_LABEL,
  /^related (?:posts|articles|stories|news)$/i,
  /^comments are closed\.?$/i,
  /^about the author$/i,
  /^leave a (?:reply|comment)$/i,
  /^your email address will not be published\b/i,
];

function isTrailerLine(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  const previous = lines[index - 1];
  return NEWS_LINK_ITEM.test(line) || FOOTERS.some((footer) => footer.test(line)) || (previous !== undefined && LINK_LABEL.test(previous));
}

/** Index of the first trailer line of a capture's (trimmed, non-blank) lines; lines.length if none. */
export function trailerStart(lines: readonly string[]): number {
  let start = lines.length;
  while (start > 0 && isTrailerLine(lines, start - 1)) start--;
  return start;
}
