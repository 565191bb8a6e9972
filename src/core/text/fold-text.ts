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
const tableFor = (flags: number): Uint32Array => (tables[flags] ??= new Uint32Array(0x10000));

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

/** Width in the original of the unit or pair at text[i] whose table entry is DROP, SEVERAL or SURROGATE. */
function widthAt(text: string, i: number, entry: number): number {
  return entry === SURROGATE && (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}

/** The folded form of the unit or pair at text[i] whose table entry is DROP, SEVERAL or SURROGATE. */
function foldedAt(text: string, i: number, entry: number, flags: number): string {
  if (entry === DROP) return '';
  const c = text.charCodeAt(i);
  if (entry === SEVERAL) return severalUnits[flags]?.get(c) ?? '';
  const codePoint = text.codePointAt(i) ?? c;
  // A lone surrogate stays as it is: it is not a character that could fold.
  return codePoint === c ? String.fromCharCode(c) : foldedCodePoint(codePoint, flags);
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

/**
 * Folded text and the way back: origin[i] is where, in the original, the character that folded
 * unit i came from starts, and origin[length] is the end of the folded range. Unit i stands for
 * the original up to the next greater origin, so it also covers a collapsed whitespace run or
 * dropped units (a combining mark, an invisible character) after it: a range mapped back never
 * splits a letter from its marks. Several units share an origin when one character folds to
 * several ("ß" -> "ss").
 */
export class FoldedText {
  #text: string | undefined;

  constructor(
    readonly units: Uint16Array,
    readonly origin: Int32Array,
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
  const flags = flagsOf(options);
  const table = tableFor(flags);
  const collapse = (flags & COLLAPSE) !== 0;
  let units = new Uint16Array(to - from);
  let origin = new Int32Array(to - from + 1);
  let n = 0;
  let i = from;
  // Invariant: the arrays have room for n plus one unit per original unit still to read.
  while (i < to) {
    const c = text.charCodeAt(i);
    let entry = table[c] ?? 0;
    if (entry === 0) entry = tabulate(table, c, flags);
    if (entry <= 0x10000) {
      const unit = entry - 1;
      if (!(unit === SPACE && collapse && n > 0 && units[n - 1] === SPACE)) {
        units[n] = unit;
        origin[n] = i;
        n++;
      }
      i++;
      continue;
    }
    const width = widthAt(text, i, entry);
    const folded = foldedAt(text, i, entry, flags);
    const needed = n + folded.length + (to - i - width);
    if (needed > units.length) {
      const size = Math.max(needed, 2 * units.length);
      const grownUnits = new Uint16Array(size);
      grownUnits.set(units.subarray(0, n));
      units = grownUnits;
      const grownOrigin = new Int32Array(size + 1);
      grownOrigin.set(origin.subarray(0, n));
      origin = grownOrigin;
    }
    for (let k = 0; k < folded.length; k++) {
      units[n] = folded.charCodeAt(k);
      origin[n] = i;
      n++;
    }
    i += width;
  }
  origin[n] = to;
  return new FoldedText(units.subarray(0, n), origin.subarray(0, n + 1));
}

/** The folded text alone, for a short string (a query, a name, a quote); unchanged text is returned as it is. */
export function foldString(text: string, options: FoldOptions): string {
  const flags = flagsOf(options);
  if (!needsFolding(flags).test(text)) return text;
  // Built from slices of the text between the units that change: quicker than filling units and
  // origins for the short strings this is for, most of whose text is kept as it is.
  const table = tableFor(flags);
  const collapse = (flags & COLLAPSE) !== 0;
  let out = '';
  let copiedTo = 0;
  let previous = -1;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let entry = table[c] ?? 0;
    if (entry === 0) entry = tabulate(table, c, flags);
    if (entry <= 0x10000) {
      const unit = entry - 1;
      if (unit === SPACE && collapse && previous === SPACE) {
        out += text.slice(copiedTo, i);
        copiedTo = i + 1;
      } else {
        if (unit !== c) {
          out += text.slice(copiedTo, i) + String.fromCharCode(unit);
          copiedTo = i + 1;
        }
        previous = unit;
      }
      i++;
      continue;
    }
    const width = widthAt(text, i, entry);
    const folded = foldedAt(text, i, entry, flags);
    out += text.slice(copiedTo, i) + folded;
    copiedTo = i + width;
    if (folded.length > 0) previous = folded.charCodeAt(folded.length - 1);
    i += width;
  }
  return out + text.slice(copiedTo);
}

const escapeUnit = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;
const CLASS_UNITS = [...PUNCTUATION.keys()].map(escapeUnit).join('');
const patterns: (RegExp | undefined)[] = [];

/**
 * A cheap test that finds every unit folding may change (and some it leaves alone): most quotes,
 * prefixes and suffixes that anchoring folds need no folding at all. Without case and diacritics
 * only the classes above and whitespace change; with either, anything outside plain ASCII may.
 */
function needsFolding(flags: number): RegExp {
  let pattern = patterns[flags];
  if (pattern === undefined) {
    const parts = [flags & (CASE | DIACRITICS) ? '[^\\x00-\\x40\\x5b-\\x5f\\x61-\\x7f]' : `[${CLASS_UNITS}]`];
    if (flags & COLLAPSE) parts.push('[^\\S ]', ' {2}', '\\u0085');
    pattern = patterns[flags] = new RegExp(parts.join('|'));
  }
  return pattern;
}

/** The original offset where the folded range ending at `end` ends (the whole of its last character). */
export function originalEnd(folded: FoldedText, end: number): number {
  const origin = folded.origin;
  const last = origin[end - 1] ?? 0;
  let next = end;
  while ((origin[next] ?? Infinity) <= last) next++;
  return origin[next] ?? last;
}

/** The original range that the folded range [start, end) covers; requires end > start. */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.origin[start] ?? 0, end: originalEnd(folded, end) };
}

/** The folded offset of the first folded unit that starts at or after `original`. */
export function foldedOffset(folded: FoldedText, original: number): number {
  let lo = 0;
  let hi = folded.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((folded.origin[mid] ?? 0) < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
