import { describe, expect, it } from 'vitest';
import { foldCodePoint, foldText } from './fold';

const fold = (text: string): string => foldText(text).text;

describe('foldText', () => {
  it('folds case and diacritics, composed or decomposed', () => {
    expect(fold('É é e E')).toBe('e e e e');
    expect(fold('Kābul Kabul KÂBUL')).toBe('kabul kabul kabul');
    expect(fold('Ka\u0304bul')).toBe('kabul');
    expect(fold('naïve Zürich São')).toBe('naive zurich sao');
  });

  it('maps letters that carry no mark to plain Latin', () => {
    expect(fold('ı İstanbul ß ẞ æ Æ ø Ø œ ł đ þ')).toBe('i istanbul ss ss ae ae o o oe l d th');
    expect(fold('ﬁle')).toBe('file');
  });

  it('reads curly quotes and dashes as plain punctuation and drops invisible characters', () => {
    expect(fold('“Qa’eda” – ‘x’ — y')).toBe(`"qa'eda" - 'x' - y`);
    expect(fold('Tali\u00ADban zero\u200Bwidth')).toBe('taliban zerowidth');
  });

  it('folds Persian and Arabic variants of the same letter together', () => {
    expect(fold('كابل')).toBe(fold('کابل'));
    expect(fold('علي')).toBe(fold('علی'));
  });

  it('keeps, for every folded unit, the original offset it came from', () => {
    const text = 'Straße É\u0301x 😀Kā';
    const { text: folded, origin } = foldText(text);
    expect(folded).toBe('strasse ex 😀ka');
    expect(origin.length).toBe(folded.length + 1);
    // "ss" both come from "ß" at offset 4.
    expect([origin[4], origin[5]]).toEqual([4, 4]);
    // "e" from "É" at 7; the extra combining mark at 8 has no folded unit; "x" is at 9.
    expect([origin[8], origin[9]]).toEqual([7, 9]);
    // The emoji is two code units at 11; both its folded units point at its start.
    expect([origin[11], origin[12], origin[13]]).toEqual([11, 11, 13]);
    expect(origin[folded.length]).toBe(text.length);
  });

  it('folds a range with offsets into the whole text', () => {
    const { text: folded, origin } = foldText('ABC DÉF', 4, 7);
    expect(folded).toBe('def');
    expect(Array.from(origin)).toEqual([4, 5, 6, 7]);
  });

  it('folds one code point at a time, whatever surrounds it', () => {
    expect(foldCodePoint('Σ'.codePointAt(0) ?? 0)).toBe('σ');
    expect(foldCodePoint('ς'.codePointAt(0) ?? 0)).toBe('σ');
    expect(foldCodePoint(0x2019)).toBe("'");
  });
});
