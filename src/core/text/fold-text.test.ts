import { describe, expect, it } from 'vitest';
import { foldedOffset, foldString, foldText, isDash, originalEnd, originalRange, type FoldOptions } from './fold-text';

// The option sets the callers use: search, mention finding (names, then acronyms), anchoring.
const SEARCH: FoldOptions = { case: true, diacritics: true, collapseSpaces: false };
const NAMES: FoldOptions = { case: true, diacritics: false, collapseSpaces: true };
const IN_CASE: FoldOptions = { case: false, diacritics: false, collapseSpaces: true };
const QUOTES: FoldOptions = IN_CASE;

const search = (text: string): string => foldString(text, SEARCH);
const names = (text: string): string => foldString(text, NAMES);
const quotes = (text: string): string => foldString(text, QUOTES);

describe('folding for search (case and diacritics)', () => {
  it('folds case and diacritics, composed or decomposed', () => {
    expect(search('É é e E')).toBe('e e e e');
    expect(search('Kābul Kabul KÂBUL')).toBe('kabul kabul kabul');
    expect(search('Ka\u0304bul')).toBe('kabul');
    expect(search('naïve Zürich São')).toBe('naive zurich sao');
  });

  it('maps letters that carry no mark to plain Latin', () => {
    expect(search('ı İstanbul ß ẞ æ Æ ø Ø œ ł đ þ')).toBe('i istanbul ss ss ae ae o o oe l d th');
    expect(search('ﬁle')).toBe('file');
    expect(search('Σ ς')).toBe('σ σ');
  });

  it('reads curly quotes and dashes as plain punctuation and drops invisible characters', () => {
    expect(search('“Qa’eda” – ‘x’ — y')).toBe(`"qa'eda" - 'x' - y`);
    expect(search('Tali\u00ADban zero\u200Bwidth')).toBe('taliban zerowidth');
  });

  it('folds Persian and Arabic variants of the same letter together, and drops their joiners', () => {
    expect(search('كابل')).toBe(search('کابل'));
    expect(search('علي')).toBe(search('علی'));
    expect(search('می\u200cخواهم')).toBe('میخواهم');
  });

  it('keeps, for every folded unit, the original range it came from', () => {
    const text = 'Straße É\u0301x 😀Kā';
    const folded = foldText(text, SEARCH);
    expect(folded.text).toBe('strasse ex 😀ka');
    expect(folded.length).toBe(folded.text.length);
    expect(folded.origin.length).toBe(folded.length + 1);
    // "ss" both come from "ß" at offset 4, and a range ending inside them takes the whole "ß".
    expect([folded.origin[4], folded.origin[5], originalEnd(folded, 5), originalEnd(folded, 6)]).toEqual([4, 4, 5, 5]);
    // "e" from "É" at 7 also covers the extra combining mark at 8, which has no folded unit; "x" is at 9.
    expect([folded.origin[8], originalEnd(folded, 9), folded.origin[9]]).toEqual([7, 9, 9]);
    // The emoji is two code units at 11; both its folded units stand for both.
    expect([folded.origin[11], folded.origin[12], originalEnd(folded, 13), folded.origin[13]]).toEqual([11, 11, 13, 13]);
    expect(folded.origin[folded.length]).toBe(text.length);
  });

  it('folds a range with offsets into the whole text', () => {
    const folded = foldText('ABC DÉF', SEARCH, 4, 7);
    expect(folded.text).toBe('def');
    expect(Array.from(folded.origin)).toEqual([4, 5, 6, 7]);
  });

  it('folds one code point at a time, whatever surrounds it', () => {
    expect(search('ΣΑΣ')).toBe('σασ');
    expect(search('x\u2019')).toBe("x'");
  });
});

describe('folding for names (mentions)', () => {
  it('folds apostrophes, dashes and case so that spellings of one name compare equal', () => {
    const variants = ['IS-K’s', "IS-K's", 'IS‑K’s', 'IS–K‘s', 'is-k`s', 'IS−K´s', 'IS﹣Kʻs'];
    expect(new Set(variants.map(names))).toEqual(new Set(["is-k's"]));
  });

  it('keeps case when asked to', () => {
    expect(foldString('Al Qaeda’s', IN_CASE)).toBe("Al Qaeda's");
  });

  it('collapses runs of spaces, non-breaking spaces and line breaks into one space', () => {
    expect(names('Al \u00a0\n\n  Qaeda\u202fcenter\u0085x')).toBe('al qaeda center x');
  });

  it('drops soft hyphens', () => {
    expect(names('Tal\u00adiban')).toBe('taliban');
  });

  it('maps every folded code unit back to the original code unit it came from', () => {
    const folded = foldText('A  \u00adB\n\nC', NAMES);
    expect(folded.text).toBe('a b c');
    expect(String.fromCharCode(...folded.units)).toBe('a b c');
    expect([...folded.origin]).toEqual([0, 1, 4, 5, 7, 8]);
  });

  it('leaves letters whose lower case is longer as they are', () => {
    expect(names('İstanbul')).toBe('İstanbul');
    expect(names('ÉMIRAT')).toBe('émirat');
  });

  it('leaves characters outside the basic plane intact', () => {
    expect(names('a 🌐 b')).toBe('a 🌐 b');
  });

  it('knows every dash it folds', () => {
    expect([...'-‐‑‒–—―−﹣－'].every((d) => isDash(d.charCodeAt(0)))).toBe(true);
    expect(isDash('_'.charCodeAt(0))).toBe(false);
  });
});

describe('folding for quotes (anchoring)', () => {
  it('collapses every run of whitespace, line breaks and no-break spaces to one space', () => {
    expect(quotes('a \t\n\n b\u00a0\u00a0c\u2009d\u3000e')).toBe('a b c d e');
  });

  it('makes curly quotes and apostrophes straight', () => {
    expect(quotes('‘Taliban’s’ “rule” „x‟ «y» ′ ″ ʼ')).toBe('\'Taliban\'s\' "rule" "x" "y" \' " \'');
  });

  it('makes every dash and minus a hyphen-minus', () => {
    expect(quotes('a‐b‑c‒d–e—f―g−h')).toBe('a-b-c-d-e-f-g-h');
  });

  it('drops invisible units but keeps the joiners that spell Persian and Pashto', () => {
    expect(quotes('in\u00adter\u200bna\u2060tion\ufeffal')).toBe('international');
    expect(quotes('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('treats an invisible unit inside a whitespace run as part of the run', () => {
    expect(quotes('a \u200b b')).toBe('a b');
  });

  it('keeps case, letters, digits and other punctuation', () => {
    expect(quotes('Al Qaeda (AQIS), 2024: “ISKP”!')).toBe('Al Qaeda (AQIS), 2024: "ISKP"!');
  });

  it('returns text that needs no folding unchanged', () => {
    const plain = 'The Taliban took Kabul in August 2021.';
    expect(quotes(plain)).toBe(plain);
  });

  it('folds short strings exactly as it folds whole texts', () => {
    const samples = ['a  b', ' lead', 'trail\n', '\n\n', '— “x” —', 'x\u00a0\n\ty', 'plain words', '🌐 emoji – dash', 'Straße', 'is-k`s', 'Al Qaeda', 'tab\tx', 'NEL\u0085x', 'soft\u00adhyphen', 'Σ 𐐀'];
    for (const options of [SEARCH, NAMES, QUOTES]) {
      for (const s of samples) expect(foldString(s, options)).toBe(foldText(s, options).text);
    }
  });

  it('maps each folded unit back to the original units it came from', () => {
    const raw = 'He said:\n\n“Go—now.”\u00a0 Done';
    const folded = foldText(raw, QUOTES);
    expect(folded.text).toBe('He said: "Go-now." Done');
    for (let i = 0; i < folded.length; i++) {
      const { start, end } = originalRange(folded, i, i + 1);
      expect(quotes(raw.slice(start, end))).toBe(folded.text[i]);
    }
  });

  it('maps a collapsed whitespace run to the whole run', () => {
    const folded = foldText('a \n\n b', QUOTES);
    expect(folded.text).toBe('a b');
    expect(originalRange(folded, 1, 2)).toEqual({ start: 1, end: 5 });
  });

  it('converts ranges in both directions', () => {
    const raw = 'one  two\nthree';
    const folded = foldText(raw, QUOTES);
    const at = folded.text.indexOf('two three');
    expect(originalRange(folded, at, at + 'two three'.length)).toEqual({ start: 5, end: raw.length });
    expect(foldedOffset(folded, 5)).toBe(at);
    expect(foldedOffset(folded, raw.length)).toBe(folded.length);
  });

  it('keeps surrogate pairs whole', () => {
    const folded = foldText('a 🌐 b', QUOTES);
    expect(folded.text).toBe('a 🌐 b');
    expect(folded.length).toBe(6);
    expect(originalRange(folded, 2, 4)).toEqual({ start: 2, end: 4 });
  });

  it('folds texts longer than its buffers', () => {
    const long = 'Straße – “x” '.repeat(2000);
    expect(foldText(long, SEARCH).text).toBe('strasse - "x" '.repeat(2000));
    expect(foldString(long, QUOTES)).toBe('Straße - "x" '.repeat(2000));
  });
});
