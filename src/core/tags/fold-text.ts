/**
 * Text folded so that spellings a reader takes for the same name compare equal: curly and straight
 * apostrophes, the many dashes ("IS-K", "IS‑K", "IS–K"), runs of spaces, non-breaking spaces and
 * line breaks, soft hyphens, and (optionally) letter case. Every folded code unit remembers which
 * code unit of the original it came from, so matches found in the folded text map back to offsets
 * in the original.
 */
export interface FoldedText {
  /** The folded code units; only the first `length` are used. */
  readonly codes: Uint16Array;
  readonly length: number;
  /** For each folded code unit, the index of the original code unit it stands for. */
  readonly origin: Int32Array;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const SOFT_HYPHEN = 0xad;

function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === SPACE ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isApostrophe(c: number): boolean {
  // ` and ´ stand in for the ʿayn of transliterations ("al-Qa`ida").
  return c === APOSTROPHE || c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x02bb || c === 0x02bc || c === 0x60 || c === 0xb4 || c === 0x2032;
}

export function isDash(c: number): boolean {
  return c === HYPHEN || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe63 || c === 0xff0d;
}

function lowerCaseOf(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const lower = String.fromCharCode(c).toLowerCase();
  // A few letters lower-case to two code units ("İ"); keeping them as they are keeps offsets aligned.
  return lower.length === 1 ? lower.charCodeAt(0) : c;
}

/** Marks a code unit that folding drops (U+FFFF itself is a noncharacter: dropping it loses nothing). */
const DROP = 0xffff;

function foldCode(c: number, lowerCase: boolean): number {
  if (isSpace(c)) return SPACE;
  if (c === SOFT_HYPHEN || c === DROP) return DROP;
  if (isApostrophe(c)) return APOSTROPHE;
  if (isDash(c)) return HYPHEN;
  return lowerCase ? lowerCaseOf(c) : c;
}

function buildTable(lowerCase: boolean): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) table[c] = foldCode(c, lowerCase);
  return table;
}

// Running the comparisons above for every code unit of a long text cost more than the whole
// automaton scan, so the folds of all 65,536 code units are tabulated once, on first use.
let lowerTable: Uint16Array | null = null;
let exactTable: Uint16Array | null = null;
const foldTable = (lowerCase: boolean): Uint16Array =>
  lowerCase ? (lowerTable ??= buildTable(true)) : (exactTable ??= buildTable(false));

export function foldText(text: string, lowerCase: boolean): FoldedText {
  const table = foldTable(lowerCase);
  const codes = new Uint16Array(text.length);
  const origin = new Int32Array(text.length);
  let length = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const folded = table[text.charCodeAt(i)] ?? DROP;
    if (folded === DROP || (folded === SPACE && previous === SPACE)) continue;
    codes[length] = folded;
    origin[length] = i;
    length++;
    previous = folded;
  }
  return { codes, length, origin };
}

/** The folded text as a string (for comparing a name with a stretch of text). */
export function foldToString(text: string, lowerCase: boolean): string {
  const { codes, length } = foldText(text, lowerCase);
  let out = '';
  // Chunks keep String.fromCharCode's argument list far below engine limits.
  for (let i = 0; i < length; i += 4096) out += String.fromCharCode(...codes.subarray(i, Math.min(length, i + 4096)));
  return out;
}
