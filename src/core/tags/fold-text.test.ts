import { describe, expect, it } from 'vitest';
import { foldText, foldToString } from './fold-text';

describe('foldText', () => {
  it('folds apostrophes, dashes and case so that spellings of one name compare equal', () => {
    const variants = ['IS-K’s', "IS-K's", 'IS‑K’s', 'IS–K‘s', 'is-k`s', 'IS−K´s'];
    expect(new Set(variants.map((v) => foldToString(v, true)))).toEqual(new Set(["is-k's"]));
  });

  it('keeps case when asked to', () => {
    expect(foldToString('Al Qaeda’s', false)).toBe("Al Qaeda's");
  });

  it('collapses runs of spaces, non-breaking spaces and line breaks into one space', () => {
    expect(foldToString('Al \u00a0\n\n  Qaeda\u202fcenter', true)).toBe('al qaeda center');
  });

  it('drops soft hyphens', () => {
    expect(foldToString('Tal\u00adiban', true)).toBe('taliban');
  });

  it('maps every folded code unit back to the original code unit it came from', () => {
    const text = 'A  \u00adB\n\nC';
    const folded = foldText(text, true);
    expect(String.fromCharCode(...folded.codes.subarray(0, folded.length))).toBe('a b c');
    expect([...folded.origin.subarray(0, folded.length)]).toEqual([0, 1, 4, 5, 7]);
  });

  it('leaves letters whose lower case is longer as they are, so offsets stay aligned', () => {
    expect(foldToString('İstanbul', true)).toBe('İstanbul');
    expect(foldToString('ÉMIRAT', true)).toBe('émirat');
  });

  it('leaves characters outside the basic plane intact', () => {
    expect(foldToString('a 🌐 b', true)).toBe('a 🌐 b');
  });
});
