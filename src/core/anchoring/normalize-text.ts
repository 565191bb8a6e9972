/**
 * Folding used when comparing a stored quote with the current text. A re-typeset source (spaces
 * re-flowed, paragraphs re-wrapped, ’ replaced by ') still holds the same words, so these
 * differences must not count as edits. Case, letters and punctuation other than quotes and dashes
 * are kept: changing them changes what the analyst cited.
 */

const APOSTROPHE = 0x27;
const QUOTATION_MARK = 0x22;
const HYPHEN_MINUS = 0x2d;
const SPACE = 0x20;
/** Marks that fold to a fixed replacement, by UTF-16 code unit; -1 drops the unit. */
const FOLDS = new Map<number, number>([
  // ‘ ’ ‚ ‛ ′ ʼ
  [0x2018, APOSTROPHE], [0x2019, APOSTROPHE], [0x201a, APOSTROPHE], [0x201b, APOSTROPHE], [0x2032, APOSTROPHE], [0x02bc, APOSTROPHE],
  // “ ” „ ‟ ″ « »
  [0x201c, QUOTATION_MARK], [0x201d, QUOTATION_MARK], [0x201e, QUOTATION_MARK], [0x201f, QUOTATION_MARK], [0x2033, QUOTATION_MARK], [0x00ab, QUOTATION_MARK], [0x00bb, QUOTATION_MARK],
  // ‐ ‑ ‒ – — ― −
  [0x2010, HYPHEN_MINUS], [0x2011, HYPHEN_MINUS], [0x2012, HYPHEN_MINUS], [0x2013, HYPHEN_MINUS], [0x2014, HYPHEN_MINUS], [0x2015, HYPHEN_MINUS], [0x2212, HYPHEN_MINUS],
  // Invisible units with no meaning in these texts: soft hyphen, zero-width space, word joiner, BOM.
  // ZWNJ and ZWJ are kept: they spell Persian and Pashto words.
  [0x00ad, -1], [0x200b, -1], [0x2060, -1], [0xfeff, -1],
]);

const DROP = -1;

/**
 * The folded form of one UTF-16 unit: SPACE for whitespace (JavaScript's \s: tab, line breaks,
 * NBSP and the Unicode spaces, but not the BOM, which is dropped), DROP, or the unit it becomes.
 */
function foldUnit(c: number): number {
  if (c < 0xa0) return c === SPACE || (c >= 0x09 && c <= 0x0d) ? SPACE : c;
  if (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) {
    return SPACE;
  }
  return FOLDS.get(c) ?? c;
}

/**
 * A text folded for comparison, with the way back: folded unit i came from raw[rawStart[i],
 * rawEnd[i]) (a collapsed whitespace run maps to the whole run).
 */
export interface FoldedText {
  readonly text: string;
  readonly rawStart: Int32Array;
  readonly rawEnd: Int32Array;
}

/**
 * Folds `raw`, recording where each folded unit came from when `map` is given. The result is
 * assembled from slices of `raw` between the units that change, which keeps folding a whole
 * source cheap: most of its text is copied as it is.
 */
function fold(raw: string, map: { rawStart: Int32Array; rawEnd: Int32Array } | null): { text: string; length: number } {
  const parts: string[] = [];
  let copiedTo = 0;
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const folded = foldUnit(c);
    if (folded === DROP || (folded === SPACE && inSpace)) {
      parts.push(raw.slice(copiedTo, i));
      copiedTo = i + 1;
      if (folded === SPACE && map) map.rawEnd[n - 1] = i + 1;
      continue;
    }
    inSpace = folded === SPACE;
    if (folded !== c) {
      parts.push(raw.slice(copiedTo, i), String.fromCharCode(folded));
      copiedTo = i + 1;
    }
    if (map) {
      map.rawStart[n] = i;
      map.rawEnd[n] = i + 1;
    }
    n++;
  }
  parts.push(raw.slice(copiedTo));
  return { text: parts.join(''), length: n };
}

export function foldWithMap(raw: string): FoldedText {
  const map = { rawStart: new Int32Array(raw.length), rawEnd: new Int32Array(raw.length) };
  const { text, length } = fold(raw, map);
  return { text, rawStart: map.rawStart.subarray(0, length), rawEnd: map.rawEnd.subarray(0, length) };
}

/** Any unit that folding changes: whitespace other than a lone space, and every key of FOLDS. */
const NEEDS_FOLDING = /[^\S ]| {2}|[\u00AB\u00BB\u00AD\u02BC\u200B\u2010-\u2015\u2018-\u201F\u2032\u2033\u2060\u2212\uFEFF]/;

/** Folds a short string (a quote, a prefix, a suffix) for comparison. */
export function foldText(s: string): string {
  return NEEDS_FOLDING.test(s) ? fold(s, null).text : s;
}

/** The raw range that the folded range [start, end) covers; requires end > start. */
export function toRawRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.rawStart[start] ?? 0, end: folded.rawEnd[end - 1] ?? 0 };
}

/** The folded offset of the first folded unit that starts at or after raw offset `raw`. */
export function toFoldedOffset(folded: FoldedText, raw: number): number {
  let lo = 0;
  let hi = folded.rawStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((folded.rawStart[mid] ?? 0) < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
