import type { TextPositionSelector, TextQuoteSelector } from '../model/highlight';
import { charOffset } from '../model/ids';
import { snapToGraphemes } from '../text/grapheme-bounds';

/** UTF-16 units of context kept on each side of a quote (fewer at the edges of the text). */
export const CONTEXT_LENGTH = 32;

export type DescribeErrorCode = 'out-of-range' | 'empty-range' | 'whitespace-only';

export type DescribeResult =
  | { readonly ok: true; readonly value: { readonly quote: TextQuoteSelector; readonly position: TextPositionSelector } }
  | { readonly ok: false; readonly error: { readonly code: DescribeErrorCode; readonly message: string } };

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** True when offset i falls between the two halves of a surrogate pair (where context is cut). */
const insidePair = (text: string, i: number): boolean =>
  i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) && isLowSurrogate(text.charCodeAt(i));

const failure = (code: DescribeErrorCode, message: string): DescribeResult => ({ ok: false, error: { code, message } });

/**
 * The selectors that describe [start, end) of `text`, widened to whole characters (an offset
 * inside an emoji, a flag or a letter with its accent moves out to the character's edge): the
 * quote with up to CONTEXT_LENGTH units of prefix and suffix, and the position. Context is cut at exactly CONTEXT_LENGTH units, not at
 * word boundaries: anchoring compares it by edit distance, so a cut word costs nothing, and a
 * fixed length keeps the evidence of every highlight comparable.
 */
export function describeRange(text: string, givenStart: number, givenEnd: number): DescribeResult {
  if (!Number.isInteger(givenStart) || !Number.isInteger(givenEnd) || givenStart < 0 || givenEnd > text.length || givenStart > givenEnd) {
    return failure('out-of-range', `The selection ${givenStart}–${givenEnd} is not inside the text, which has ${text.length} characters. Select the passage again.`);
  }
  if (givenStart === givenEnd) return failure('empty-range', 'The selection is empty. Select at least one word to highlight.');
  const { start, end } = snapToGraphemes(text, givenStart, givenEnd);
  const exact = text.slice(start, end);
  if (exact.trim() === '') return failure('whitespace-only', 'The selection holds only spaces or line breaks. Select at least one word to highlight.');
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
