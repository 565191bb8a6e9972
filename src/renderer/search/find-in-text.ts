import { charOffset } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import { foldText } from '../../core/search/fold';

/**
 * Find in the open source: every place its text has what was typed, compared the way search
 * compares words (case, diacritics, curly quotes and dashes folded), so "kabul's" finds "Kābul’s".
 * Unlike search it matches any stretch of text, inside words too, as a browser's find does.
 */
export class TextFinder {
  readonly #folded: string;
  /** Original offset of each folded code unit, and the end of the text at the end. */
  readonly #origin: Uint32Array;

  constructor(private readonly text: string) {
    const folded = foldText(text);
    this.#folded = folded.text;
    // foldText reuses its buffers on the next call: keep a copy.
    this.#origin = Uint32Array.from(folded.origin);
  }

  /** Every occurrence of `query` (ignoring spaces around it), in text order, none overlapping. */
  find(query: string): TextRange[] {
    const needle = foldText(query.trim()).text;
    if (needle === '') return [];
    const ranges: TextRange[] = [];
    for (let at = this.#folded.indexOf(needle); at >= 0; at = this.#folded.indexOf(needle, at + needle.length)) {
      ranges.push({ start: charOffset(this.#origin[at] ?? 0), end: charOffset(this.#endOf(at + needle.length)) });
    }
    return ranges;
  }

  /** The original offset where folded text ending at `unit` ends. */
  #endOf(unit: number): number {
    const last = this.#origin[unit - 1] ?? 0;
    const next = this.#origin[unit] ?? this.text.length;
    // A match may end inside what one character folded to ("ß" -> "ss"): it then takes the whole character.
    if (next > last) return next;
    const codePoint = this.text.codePointAt(last) ?? 0;
    return last + (codePoint > 0xffff ? 2 : 1);
  }
}
