import { charOffset } from '../model/ids';
import type { TextRange } from '../model/source';
import { SEARCH_FOLD } from './tokenize';
import { foldString, foldText, originalRange, type FoldedText } from '../text/fold-text';

/**
 * Find in the open source: every place its text has what was typed, compared the way search
 * compares words (case, diacritics, curly quotes and dashes folded), so "kabul's" finds "Kābul’s".
 * Unlike search it matches any stretch of text, inside words too, as a browser's find does.
 */
export class TextFinder {
  readonly #folded: FoldedText;

  constructor(text: string) {
    this.#folded = foldText(text, SEARCH_FOLD);
  }

  /** Every occurrence of `query` (ignoring spaces around it), in text order, none overlapping. */
  find(query: string): TextRange[] {
    const needle = foldString(query.trim(), SEARCH_FOLD);
    if (needle === '') return [];
    const folded = this.#folded.text;
    const ranges: TextRange[] = [];
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      // A match may end inside what one character folded to ("ß" -> "ss"): it then takes the whole character.
      const { start, end } = originalRange(this.#folded, at, at + needle.length);
      ranges.push({ start: charOffset(start), end: charOffset(end) });
    }
    return ranges;
  }
}
