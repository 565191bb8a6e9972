import type { TextPositionSelector, TextQuoteSelector } from '../model/highlight';
import { charOffset } from '../model/ids';

/** UTF-16 units of context kept on each side of a quote (fewer at the edges of the text). */
export const CONTEXT_LENGTH = 32;

export type DescribeErrorCode = 'out-of-range' | 'empty-range' | 'whitespace-only' | 'splits-character';

export type DescribeResult =
  | { readonly ok: true; readonly value: { readonly quote: TextQuoteSelector; readonly position: TextPositionSelector } }
  | { readonly ok: false; readonly error: { readonly code: DescribeErrorCode; readonly message: string } };

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when offset i falls between the two halves of a surrogate pair. */
const insidePair = (text: string, i: number): boolean =>
  i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));

const failure = (code: DescribeErrorCode, message: string): DescribeResult => ({ ok: false, error: { code, message } });

/**
 * The selectors that describe [start, end) of `text`: the quote with up to CONTEXT_LENGTH units
 * of prefix and suffix, and the position. Context is cut at exactly CONTEXT_LENGTH units, not at
 * word boundaries: anchoring compares it by edit distance, so a cut word costs nothing, and a
 * fixed length keeps the evidence of every highlight comparable.
 */
export function describeRange(text: string, start: number, end: number): DescribeResult {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    return failure('out-of-range', `The selection ${start}–${end} is not inside the text, which has ${text.length} characters. Select the passage again.`);
  }
  if (start === end) return failure('empty-range', 'The selection is empty. Select at least one word to highlight.');
  const exact = text.slice(start, end);
  if (exact.trim() === '') return failure('whitespace-only', 'The selection holds only spaces or line breaks. Select at least one word to highlight.');
  if (insidePair(text, start) || insidePair(text, end)) {
    return failure('splits-character', 'The selection starts or ends inside a character (half of an emoji or rare symbol). Select the passage again.');
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  if (insidePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (insidePair(text, suffixEnd)) suffixEnd--;
  return {
    ok: true,
    value: {
      quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
      position: { type: 'TextPositionSelector', start: charOffset(start), end: charOffset(end) },
    },
  };
}
