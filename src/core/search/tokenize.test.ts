import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

const terms = (text: string): string[] => tokenize(text).map((token) => token.term);

describe('tokenize', () => {
  it('splits hyphenated names into their parts, so they are findable by parts and as a phrase', () => {
    expect(terms('IS-K, ISIS-K and al-Qaeda; Tehrik-e-Taliban')).toEqual(['is', 'k', 'isis', 'k', 'and', 'al', 'qaeda', 'tehrik', 'e', 'taliban']);
    expect(terms('IS–Khorasan')).toEqual(['is', 'khorasan']);
  });

  it('joins a word across an apostrophe and leaves out a possessive', () => {
    expect(terms('Qa’eda Qa\'eda')).toEqual(['qaeda', 'qaeda']);
    expect(terms("Taliban’s Taliban's don't")).toEqual(['taliban', 'taliban', 'dont']);
    expect(terms("the Talibans' rule, 'quoted'")).toEqual(['the', 'talibans', 'rule', 'quoted']);
  });

  it('reports ranges of the original text', () => {
    const text = '“Kābul’s” — ISIS-K';
    const tokens = tokenize(text);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['Kābul', 'ISIS', 'K']);
  });

  it('covers combining marks and surrogate pairs of the original', () => {
    const text = 'Ka\u0304bul 𝐀𝐁 x';
    const tokens = tokenize(text);
    expect(tokens.map((token) => [token.term, text.slice(token.start, token.end)])).toEqual([
      ['kabul', 'Ka\u0304bul'],
      ['ab', '𝐀𝐁'],
      ['x', 'x'],
    ]);
  });

  it('never returns an empty range when one character folds into several tokens', () => {
    const text = 'a ½ b';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.term)).toEqual(['a', '1', '2', 'b']);
    for (const token of tokens) expect(token.end).toBeGreaterThan(token.start);
  });

  it('tokenises letters of any script and numbers', () => {
    expect(terms('داعش خراسان 2021 Талибан')).toEqual(['داعش', 'خراسان', '2021', 'талибан']);
  });

  it('tokenises a range with offsets into the whole text', () => {
    const tokens = tokenize('one two three', 4, 13);
    expect(tokens.map((token) => [token.term, token.start, token.end])).toEqual([
      ['two', 4, 7],
      ['three', 8, 13],
    ]);
  });
});
