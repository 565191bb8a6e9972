import { describe, expect, it } from 'vitest';
import { TextFinder } from './find-in-text';

const found = (text: string, query: string): string[] => new TextFinder(text).find(query).map((range) => text.slice(range.start, range.end));

describe('TextFinder', () => {
  it('finds every occurrence whatever its case, diacritics, quotes and dashes', () => {
    const text = 'Kābul’s fall. KABUL\'S streets; kabul’s people. ISIS–K and ISIS-K.';
    expect(found(text, "kabul's")).toEqual(['Kābul’s', "KABUL'S", 'kabul’s']);
    expect(found(text, 'isis-k')).toEqual(['ISIS–K', 'ISIS-K']);
  });

  it('matches inside words, ignores spaces around the query, and finds nothing for nothing', () => {
    expect(found('The Talibans rank and file', ' liban ')).toEqual(['liban']);
    expect(found('abc', '   ')).toEqual([]);
    expect(found('abc', 'abcd')).toEqual([]);
  });

  it('does not count overlapping occurrences twice', () => {
    expect(found('aaaa', 'aa')).toEqual(['aa', 'aa']);
  });

  it('maps a match ending inside a character that folds to two back to the whole character', () => {
    const text = 'Straße and ﬁghters';
    expect(found(text, 'stras')).toEqual(['Straß']);
    expect(found(text, 'fight')).toEqual(['ﬁght']);
    expect(found(text, 'ﬁ')).toEqual(['ﬁ']);
  });

  it('keeps its own copy of the text’s folding when another text is folded after it', () => {
    const finder = new TextFinder('first text with Kabul');
    new TextFinder('something else entirely, longer than the first one was');
    expect(finder.find('kabul').map((range) => [range.start, range.end])).toEqual([[16, 21]]);
  });
});
