import { describe, expect, it } from 'vitest';
import { buildTermAutomaton } from './term-automaton';

type Hit = [term: number, start: number, end: number];

function hitsOf(terms: readonly string[], text: string): Hit[] {
  const codes = Uint16Array.from(text, (ch) => ch.charCodeAt(0));
  const hits: Hit[] = [];
  buildTermAutomaton(terms).search(codes, codes.length, (term, start, end) => hits.push([term, start, end]));
  return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

function naiveHits(terms: readonly string[], text: string): Hit[] {
  const hits: Hit[] = [];
  terms.forEach((term, index) => {
    if (term === '') return;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) hits.push([index, at, at + term.length]);
  });
  return hits.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

describe('buildTermAutomaton', () => {
  it('finds terms that end inside longer terms, and overlapping terms', () => {
    const terms = ['pakistani taliban', 'taliban', 'is', 'isis', 'isis-k'];
    expect(hitsOf(terms, 'pakistani taliban, isis-k')).toEqual([
      [0, 0, 17],
      [2, 3, 5],
      [1, 10, 17],
      [2, 19, 21],
      [3, 19, 23],
      [4, 19, 25],
      [2, 21, 23],
    ]);
  });

  it('finds nothing in a text without terms, and ignores empty terms', () => {
    expect(hitsOf(['', 'hamas'], 'no group is named here')).toEqual([]);
  });

  it('agrees with a naive search on many random texts over a small alphabet', () => {
    // A small alphabet makes partial matches and failure transitions frequent.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (max: number): string => Array.from({ length: 1 + random(max) }, () => 'abc'.charAt(random(3))).join('');
    for (let round = 0; round < 200; round++) {
      const terms = [...new Set(Array.from({ length: 1 + random(6) }, () => word(4)))];
      const text = word(60);
      expect(hitsOf(terms, text)).toEqual(naiveHits(terms, text));
    }
  });
});
