import type { AnchoredHighlight } from '../../shared/api-contract';

/**
 * The words a highlight stands for: the passage of the current text where it anchors, else
 * (orphaned, or the text not at hand) the quote it was made on.
 */
export function passageText({ highlight, status, start, end }: AnchoredHighlight, text: string | null): string {
  if (text !== null && start !== null && end !== null && status !== 'orphan') return text.slice(start, end);
  return highlight.target.quote.exact;
}

/** A quote cut to about `max` characters at a word boundary, for names and short mentions. */
export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}
