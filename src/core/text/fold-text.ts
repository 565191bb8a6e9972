/**
 * Text folded so that spellings a reader takes for the same words compare equal, with the way
 * back to the original: search, mention finding and anchoring all compare folded text and then
 * report offsets in the original.
 *
 * Always folded, whatever the options: curly, modifier and prime apostrophes to ', curly and angle
 * quotation marks to ", every dash and minus to -, and invisible units (soft hyphen, zero-width
 * space, word joiner, BOM) dropped. These classes are the union of what the three callers folded
 * before; none of them needs a narrower one, since both sides of every comparison fold alike.
 */

export interface FoldOptions {
  /** Lower-case letters. Without `diacritics`, only where the lower case is as long as the letter ("İ" stays). */
  readonly case: boolean;
  /**
   * Read letters as their plain base letter: marks dropped after NFKD (so ligatures and full-width
   * forms fold too), ß æ ø ı ... spelled in plain Latin, Arabic and Persian variants of one letter
   * made one, and ZWNJ, ZWJ and tatweel dropped. The joiners are dropped only here: search must
   * not split a Persian word at them, but a quote that loses one spells a different word.
   */
  readonly diacritics: boolean;
  /** Turn every run of whitespace (line breaks, no-break and other Unicode spaces) into one space. */
  readonly collapseSpaces: boolean;
}

const SPACE = 0x20;
const APOSTROPHE = 0x27;
const QUOTATION_MARK = 0x22;
const HYPHEN_MINUS = 0x2d;

const APOSTROPHES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bb, 0x02bc, 0x00b4, 0x60];
const QUOTATION_MARKS = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe63, 0xff0d];
const INVISIBLE = [0x00ad, 0x200b, 0x2060, 0xfeff];

const PUNCTUATION = new Map<number, string>([
  ...APOSTROPHES.map((c) => [c, "'"] as const),
  ...QUOTATION_MARKS.map((c) => [c, '"'] as const),
  ...DASHES.map((c) => [c, '-'] as const),
  ...INVISIBLE.map((c) => [c, ''] as const),
]);

/** Whether a code unit is a hyphen-minus or one of the dashes that fold to it. */
export const isDash = (c: number): boolean => c === HYPHEN_MINUS || DASHES.includes(c);

/** Letters that NFKD and lower-casing leave alone, though a reader takes them for plain letters. */
const LETTER_VARIANTS = new Map<string, string>([
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
  ['\u200C', ''],
  ['\u200D', ''],
  ['\u0640', ''],
]);

/** JavaScript's \s, plus NEL, which some converted texts use as a line break. */
const isWhitespace = (c: number): boolean =>
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
  c === 0x3000;

const COMBINING_MARK = /\p{M}/u;

const CASE = 1;
const DIACRITICS = 2;
const COLLAPSE = 4;
const flagsOf = (options: FoldOptions): number =>
  (options.case ? CASE : 0) | (options.diacritics ? DIACRITICS : 0) | (options.collapseSpaces ? COLLAPSE : 0);

function foldPart(part: string): string {
  return PUNCTUATION.get(part.charCodeAt(0)) ?? LETTER_VARIANTS.get(part) ?? part;
}

/**
 * The folded form of one code point (possibly empty, possibly several units). One code point at a
 * time, so the folded form of a range never depends on what surrounds it. toLowerCase follows the
 * Unicode default mapping whatever the machine's locale is.
 */
function foldCodePoint(codePoint: number, flags: number): string {
  const ch = String.fromCodePoint(codePoint);
  if (flags & COLLAPSE && isWhitespace(codePoint)) return ' ';
  const punctuation = PUNCTUATION.get(codePoint);
  if (punctuation !== undefined) return punctuation;
  if (flags & DIACRITICS) {
    const variant = LETTER_VARIANTS.get(ch);
    if (variant !== undefined) return variant;
    const decomposed = ch.normalize('NFKD');
    let out = '';
    for (const part of flags & CASE ? decomposed.toLowerCase().normalize('NFKD') : decomposed) {
      if (!COMBINING_MARK.test(part)) out += foldPart(part);
    }
    return out;
  }
  if (flags & CASE) {
    const lower = ch.toLowerCase();
    return lower.length === ch.length ? lower : ch;
  }
  return ch;
}

// Folding a code point costs a few Map lookups and normalisations, far more than the scans that
// read the folded text, so each option set tabulates the fold of each BMP unit when first met:
// 0 not yet known, 1 + unit for one unit, or one of the markers below.
const DROP = 0x10001;
const SEVERAL = 0x10002;
const SURROGATE = 0x10003;

const tables: (Uint32Array | undefined)[] = [];
const severalUnits: Map<number, string>[] = Array.from({ length: 8 }, () => new Map());

function tabulate(table: Uint32Array, c: number, flags: number): number {
  let entry: number;
  if (c >= 0xd800 && c <= 0xdfff) entry = SURROGATE;
  else {
    const folded = foldCodePoint(c, flags);
    if (folded.length === 0) entry = DROP;
    else if (folded.length === 1) entry = folded.charCodeAt(0) + 1;
    else {
      entry = SEVERAL;
      severalUnits[flags]?.set(c, folded);
    }
  }
  table[c] = entry;
  return entry;
}

function foldedCodePoint(codePoint: number, flags: number): string {
  const cache = severalUnits[flags] ?? new Map<number, string>();
  let folded = cache.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePoint(codePoint, flags);
    cache.set(codePoint, folded);
  }
  return folded;
}

// Scratch buffers shared by every call: the result is copied out of them before returning.
let units = new Uint16Array(4096);
let starts = new Int32Array(4096);
let ends = new Int32Array(4096);

function reserve(needed: number, used: number): void {
  if (needed <= units.length) return;
  const size = Math.max(units.length * 2, needed);
  const grownUnits = new Uint16Array(size);
  grownUnits.set(units.subarray(0, used));
  units = grownUnits;
  const grownStarts = new Int32Array(size);
  grownStarts.set(starts.subarray(0, used));
  starts = grownStarts;
  const grownEnds = new Int32Array(size);
  grownEnds.set(ends.subarray(0, used));
  ends = grownEnds;
}

/**
 * Folds text[from, to) into the scratch buffers; returns the number of folded units, or -1 when
 * folding changed nothing (the folded text is then text[from, to) itself).
 */
function foldIntoScratch(text: string, from: number, to: number, flags: number): number {
  const table = (tables[flags] ??= new Uint32Array(0x10000));
  const collapse = (flags & COLLAPSE) !== 0;
  reserve(to - from, 0);
  let changed = false;
  let n = 0;
  let i = from;
  // Invariant: the buffers have room for n plus one unit per original unit still to read.
  while (i < to) {
    const c = text.charCodeAt(i);
    let entry = table[c] ?? 0;
    if (entry === 0) entry = tabulate(table, c, flags);
    if (entry <= 0x10000) {
      const unit = entry - 1;
      if (unit === SPACE && collapse && n > 0 && units[n - 1] === SPACE) {
        ends[n - 1] = i + 1;
        changed = true;
      } else {
        if (unit !== c) changed = true;
        units[n] = unit;
        starts[n] = i;
        ends[n] = i + 1;
        n++;
      }
      i++;
      continue;
    }
    let folded: string;
    let width = 1;
    if (entry === DROP) folded = '';
    else if (entry === SEVERAL) folded = severalUnits[flags]?.get(c) ?? '';
    else {
      const codePoint = text.codePointAt(i) ?? c;
      // A lone surrogate stays as it is: it is not a character that could fold.
      if (codePoint === c) folded = String.fromCharCode(c);
      else {
        width = 2;
        folded = foldedCodePoint(codePoint, flags);
      }
    }
    if (folded.length === 0) {
      // A dropped unit (a combining mark, an invisible character) goes with the unit before it,
      // so that a range mapped back never splits a letter from its marks.
      if (n > 0) ends[n - 1] = i + width;
      changed = true;
    } else {
      if (folded !== text.slice(i, i + width)) changed = true;
      reserve(n + folded.length + (to - i - width), n);
      for (let k = 0; k < folded.length; k++) {
        units[n] = folded.charCodeAt(k);
        starts[n] = i;
        ends[n] = i + width;
        n++;
      }
    }
    i += width;
  }
  return changed ? n : -1;
}

const STRING_CHUNK = 8192;

function unitsToString(codes: Uint16Array, length: number): string {
  let out = '';
  for (let k = 0; k < length; k += STRING_CHUNK) {
    // apply() takes the typed array as the argument list without copying it into an Array.
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + STRING_CHUNK)) as unknown as number[]);
  }
  return out;
}

/** Folded text and, for each folded unit i, the original range [start[i], end[i]) it stands for. */
export class FoldedText {
  #text: string | undefined;

  constructor(
    readonly units: Uint16Array,
    /** Several units share a start when one character folds to several ("ß" -> "ss"). */
    readonly start: Int32Array,
    /** Covers the whole of a collapsed whitespace run and any dropped units that follow. */
    readonly end: Int32Array,
  ) {}

  get length(): number {
    return this.units.length;
  }

  /** The folded units as a string, built when first asked for. */
  get text(): string {
    this.#text ??= unitsToString(this.units, this.units.length);
    return this.#text;
  }
}

/** Folds text[from, to), keeping where each folded unit came from (offsets into the whole text). */
export function foldText(text: string, options: FoldOptions, from = 0, to = text.length): FoldedText {
  let n = foldIntoScratch(text, from, to, flagsOf(options));
  if (n < 0) n = to - from;
  return new FoldedText(units.slice(0, n), starts.slice(0, n), ends.slice(0, n));
}

/** The folded text alone, for a short string (a query, a name, a quote); unchanged text is returned as it is. */
export function foldString(text: string, options: FoldOptions): string {
  const n = foldIntoScratch(text, 0, text.length, flagsOf(options));
  return n < 0 ? text : unitsToString(units, n);
}

/** The original range that the folded range [start, end) covers; requires end > start. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.start[start] ?? 0, end: folded.end[end - 1] ?? 0 };
}

/** The folded offset of the first folded unit that starts at or after `original`. */
export function foldedOffset(folded: FoldedText, original: number): number {
  let lo = 0;
  let hi = folded.start.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((folded.start[mid] ?? 0) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
