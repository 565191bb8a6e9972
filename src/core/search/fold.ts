/**
 * Folding for search: a person typing "Qaeda", "qaeda" or "QAEDA", "Kabul" or "Kābul", "Kabul's" or
 * "Kabul’s" expects the same hits. Folding is done one code point at a time, so the folded form of
 * a range never depends on what surrounds it: the index and a later re-scan of the same range agree,
 * and every folded code unit knows the original offset it came from.
 */

/**
 * Code points folded by hand because NFKD + lower-casing leaves them alone (ı, ß, æ, ø ... are
 * letters of their own, not letters with marks), or because they should be read as plain
 * punctuation (curly quotes, dashes) or ignored (soft hyphen, zero-width characters, tatweel).
 */
const SPECIAL = new Map<string, string>([
  ['ı', 'i'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['ø', 'o'],
  ['œ', 'oe'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ł', 'l'],
  ['ħ', 'h'],
  ['ŀ', 'l'],
  ['ς', 'σ'],
  // Persian and Arabic keyboards type different code points for the same letters.
  ['ي', 'ی'],
  ['ى', 'ی'],
  ['ك', 'ک'],
  // Apostrophes and their look-alikes; some of them NFKD would turn into a space and a mark.
  ['\u2019', "'"],
  ['\u2018', "'"],
  ['\u201B', "'"],
  ['\u02BC', "'"],
  ['\u2032', "'"],
  ['\u00B4', "'"],
  ['`', "'"],
  ['\u201C', '"'],
  ['\u201D', '"'],
  ['\u201E', '"'],
  ['\u00AB', '"'],
  ['\u00BB', '"'],
  ['\u2033', '"'],
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2013', '-'],
  ['\u2014', '-'],
  ['\u2015', '-'],
  ['\u2212', '-'],
  ['\u2043', '-'],
  ['\u00AD', ''],
  ['\u200B', ''],
  ['\u200C', ''],
  ['\u200D', ''],
  ['\u2060', ''],
  ['\uFEFF', ''],
  ['\u0640', ''],
]);

const COMBINING_MARK = /\p{M}/u;

/**
 * NFKD rather than plain NFD so that ligatures (ﬁ) and full-width forms fold too. Lower-casing uses
 * toLowerCase, which follows the Unicode default mapping whatever the machine's locale is.
 */
function foldCodePointUncached(ch: string): string {
  const special = SPECIAL.get(ch);
  if (special !== undefined) return special;
  let out = '';
  for (const part of ch.normalize('NFKD').toLowerCase().normalize('NFKD')) {
    if (COMBINING_MARK.test(part)) continue;
    out += SPECIAL.get(part) ?? part;
  }
  return out;
}

const ASCII_FOLDED: readonly string[] = Array.from({ length: 128 }, (_, c) => foldCodePointUncached(String.fromCharCode(c)));
const foldedCache = new Map<number, string>();

/** The folded form of one code point (possibly empty, possibly several characters). */
export function foldCodePoint(codePoint: number): string {
  if (codePoint < 128) return ASCII_FOLDED[codePoint] ?? '';
  let folded = foldedCache.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePointUncached(String.fromCodePoint(codePoint));
    foldedCache.set(codePoint, folded);
  }
  return folded;
}

export interface FoldedText {
  readonly text: string;
  /**
   * origin[i] is the offset, in the original text, of the code point that folded[i] came from;
   * origin[text.length] is the end of the folded range. Several folded units may share an origin
   * (ß -> ss), and original code points that fold to nothing have none.
   */
  readonly origin: Uint32Array;
}

const ASCII_UNITS = Uint16Array.from(ASCII_FOLDED, (folded) => folded.charCodeAt(0));
const STRING_CHUNK = 8192;

let units = new Uint16Array(4096);
let origin = new Uint32Array(4097);

function grow(needed: number, used: number): void {
  const size = Math.max(units.length * 2, needed);
  const grownUnits = new Uint16Array(size);
  grownUnits.set(units.subarray(0, used));
  units = grownUnits;
  const grownOrigin = new Uint32Array(size + 1);
  grownOrigin.set(origin.subarray(0, used));
  origin = grownOrigin;
}

/**
 * Folds text[from, to) and keeps, for each folded code unit, where it came from. `origin` is a
 * view of a buffer that the next call overwrites (folding runs once per passage of the whole
 * corpus, so the buffers are reused rather than allocated each time): copy it to keep it.
 */
export function foldText(text: string, from = 0, to = text.length): FoldedText {
  if (units.length < to - from) grow(to - from, 0);
  let n = 0;
  let i = from;
  // Invariant: units has room for n plus one unit per original unit still to read.
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      units[n] = ASCII_UNITS[c] ?? c;
      origin[n] = i;
      n++;
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? c;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded = foldCodePoint(codePoint);
    if (folded.length > width && n + folded.length + (to - i - width) > units.length) grow(n + folded.length + (to - i - width), n);
    for (let k = 0; k < folded.length; k++) {
      units[n] = folded.charCodeAt(k);
      origin[n] = i;
      n++;
    }
    i += width;
  }
  origin[n] = to;
  let folded = '';
  for (let k = 0; k < n; k += STRING_CHUNK) {
    // apply() takes the typed array as the argument list without copying it into an Array.
    folded += String.fromCharCode.apply(null, units.subarray(k, Math.min(n, k + STRING_CHUNK)) as unknown as number[]);
  }
  return { text: folded, origin: origin.subarray(0, n + 1) };
}
