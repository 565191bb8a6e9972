import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_CHARS } from './snippet';

const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
const rangeOf = (text: string, needle: string): [number, number] => {
  const at = text.indexOf(needle);
  return [at, at + needle.length];
};

describe('makeSnippet', () => {
  it('shows about 160 characters around the hit, cut between words', () => {
    const hit = rangeOf(words, 'word100');
    const snippet = makeSnippet(words, 0, words.length, [hit]);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_CHARS);
    expect(snippet.text.length).toBeGreaterThan(SNIPPET_CHARS - 20);
    expect(snippet.text).toMatch(/^word\d+ .* word\d+$/);
    expect(words.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
    expect(snippet.highlights).toEqual([[hit[0] - snippet.start, hit[1] - snippet.start]]);
    expect([snippet.clippedStart, snippet.clippedEnd]).toEqual([true, true]);
  });

  it('centres on the densest cluster of hits', () => {
    const hits = ['word5', 'word150', 'word152', 'word154'].map((w) => rangeOf(words, `${w} `));
    const snippet = makeSnippet(words, 0, words.length, hits);
    expect(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['word150 ', 'word152 ', 'word154 ']);
  });

  it('keeps to the passage and does not clip what it does not cut', () => {
    const text = 'before. Short passage with a hit. after';
    const snippet = makeSnippet(text, 8, 33, [rangeOf(text, 'hit')]);
    expect(snippet.text).toBe('Short passage with a hit.');
    expect([snippet.clippedStart, snippet.clippedEnd]).toEqual([false, false]);
  });

  it('shows a hit longer than a snippet whole', () => {
    const long = words.slice(0, 400);
    const snippet = makeSnippet(words, 0, words.length, [[0, 400]]);
    expect(snippet.text).toBe(long);
    expect(snippet.highlights).toEqual([[0, 400]]);
  });
});
