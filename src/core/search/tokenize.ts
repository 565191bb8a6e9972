import { charOffset, type CharOffset } from '../model/ids';
import { foldText, originalEnd, type FoldOptions } from '../text/fold-text';

/**
 * Tokens are runs of letters and digits of the folded text. Everything else separates them, so
 * "IS-K", "al-Qaeda" and "Tehrik-e-Taliban" are sequences of tokens: findable by their parts, and
 * as a phrase. An apostrophe between letters is read as part of the word and dropped ("Qa’eda" ->
 * qaeda, "don't" -> dont), except a final possessive "'s", which is left out of the token
 * ("Taliban’s" -> taliban), so that the plain word finds its possessive.
 */

export interface Token {
  /** The folded term. */
  readonly term: string;
  /** Range of the token in the original text; excludes a possessive "'s". */
  readonly start: CharOffset;
  readonly end: CharOffset;
}

export type TokenVisitor = (term: string, start: number, end: number) => void;

/** How search compares words: "Qaeda", "QAEDA" and "Qāeda" are one term. */
export const SEARCH_FOLD: FoldOptions = { case: true, diacritics: true, collapseSpaces: false };

const APOSTROPHE = 0x27; // folding maps the curly and modifier apostrophes to this one
const LOWER_S = 0x73;
const TOKEN_CHAR = /[\p{L}\p{N}]/u;

const UNKNOWN = 0;
const TOKEN = 1;
const SEPARATOR = 2;
// Class of each BMP code unit, filled in as units are met; astral code points are not cached.
const unitClass = new Uint8Array(0x10000);

function classify(c: number): number {
  const cls = TOKEN_CHAR.test(String.fromCharCode(c)) ? TOKEN : SEPARATOR;
  unitClass[c] = cls;
  return cls;
}

function isTokenUnit(folded: string, i: number): boolean {
  const c = folded.charCodeAt(i);
  const cls = unitClass[c] ?? UNKNOWN;
  if (cls !== UNKNOWN) return cls === TOKEN;
  if (c >= 0xd800 && c <= 0xdfff) {
    // A surrogate pair is one code point; either half answers for the whole.
    const start = c >= 0xdc00 && i > 0 ? i - 1 : i;
    return TOKEN_CHAR.test(String.fromCodePoint(folded.codePointAt(start) ?? c));
  }
  return classify(c) === TOKEN;
}

/**
 * Calls `visit` for each token of text[from, to), in order, with offsets into `text`. Tokens never
 * cross `from` or `to`, so callers choose ranges that start and end between words.
 */
export function scanTokens(text: string, from: number, to: number, visit: TokenVisitor): void {
  const foldedText = foldText(text, SEARCH_FOLD, from, to);
  const { text: folded, origin } = foldedText;
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isTokenUnit(folded, i)) {
      i++;
      continue;
    }
    const startUnit = i;
    let term = '';
    let pieceStart = i;
    let possessive = false;
    while (i < n) {
      if (isTokenUnit(folded, i)) {
        i++;
        continue;
      }
      if (folded.charCodeAt(i) === APOSTROPHE && i + 1 < n && isTokenUnit(folded, i + 1)) {
        if (folded.charCodeAt(i + 1) === LOWER_S && (i + 2 >= n || !isTokenUnit(folded, i + 2))) {
          possessive = true;
          break;
        }
        term += folded.slice(pieceStart, i);
        pieceStart = i + 1;
        i++;
        continue;
      }
      break;
    }
    term += folded.slice(pieceStart, i);
    visit(term, origin[startUnit] ?? from, originalEnd(foldedText, i));
    if (possessive) i += 2;
  }
}

/** The tokens of text[from, to). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, from, to, (term, start, end) => tokens.push({ term, start: charOffset(start), end: charOffset(end) }));
  return tokens;
}
