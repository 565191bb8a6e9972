import { describe, expect, it } from 'vitest';
import { AnchoredPattern, ApproximatePattern } from './approximate-search';

/** Textbook dynamic programming: for each end j, the least edit distance of `p` to some t[s, j). */
function naiveEndDistances(p: string, t: string): number[] {
  let previous = Array.from({ length: p.length + 1 }, (_, i) => i);
  const ends: number[] = [];
  for (let j = 1; j <= t.length; j++) {
    const current = [0];
    for (let i = 1; i <= p.length; i++) {
      current[i] = Math.min((previous[i - 1] ?? 0) + (p[i - 1] === t[j - 1] ? 0 : 1), (previous[i] ?? 0) + 1, (current[i - 1] ?? 0) + 1);
    }
    ends.push(current[p.length] ?? 0);
    previous = current;
  }
  return ends;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1), (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const randomString = (random: () => number, length: number, alphabet: string): string =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

describe('ApproximatePattern.matchEnds (Myers, with the cut-off)', () => {
  it('finds exactly the ends within the error bound, with their true distance, as the full table does', () => {
    const random = seeded(17);
    for (let trial = 0; trial < 600; trial++) {
      // Patterns of one to thirteen 32-bit blocks; small alphabets make many near matches.
      const alphabet = trial % 3 === 0 ? 'ab' : trial % 3 === 1 ? 'abcd' : 'abcdefghij ';
      const p = randomString(random, 1 + Math.floor(random() * (trial < 500 ? 130 : 400)), alphabet);
      let t = randomString(random, Math.floor(random() * 500), alphabet);
      if (random() < 0.5 && t.length > p.length) {
        const at = Math.floor(random() * (t.length - p.length));
        t = t.slice(0, at) + p + t.slice(at + p.length);
      }
      const maxErrors = Math.floor(random() * p.length * 0.6);
      const expected = naiveEndDistances(p, t)
        .map((errors, j) => [j + 1, errors] as const)
        .filter(([, errors]) => errors <= maxErrors);
      const { ends, errors } = new ApproximatePattern(p).matchEnds(t, 0, t.length, maxErrors);
      expect(ends.map((end, i) => [end, errors[i]])).toEqual(expected);
    }
  });

  it('scans only the given part of the text', () => {
    const { ends } = new ApproximatePattern('needle').matchEnds('needle hay needle', 7, 17, 0);
    expect(ends).toEqual([17]);
  });
});

describe('ApproximatePattern.bestStart', () => {
  it('finds the start that makes text[start, end) closest to the pattern', () => {
    const random = seeded(5);
    for (let trial = 0; trial < 200; trial++) {
      const p = randomString(random, 1 + Math.floor(random() * 90), 'abc');
      const t = randomString(random, 1 + Math.floor(random() * 150), 'abc');
      const end = 1 + Math.floor(random() * t.length);
      const { start, errors } = new ApproximatePattern(p).bestStart(t, end, 0);
      expect(errors).toBe(levenshtein(p, t.slice(start, end)));
      let least = Infinity;
      for (let s = 0; s < end; s++) least = Math.min(least, levenshtein(p, t.slice(s, end)));
      expect(errors).toBe(least);
    }
  });
});

describe('ApproximatePattern.findMatches', () => {
  it('reports distinct matches, fewest errors first', () => {
    const text = 'The Taliban hosted al-Qaeda leaders in Kabul. Later the Taliban hosted TTP leaders in Kunar.';
    const pattern = 'the Taliban hosted al-Qaeda leaders';
    const matches = new ApproximatePattern(pattern).findMatches(text, 0, text.length, 12, 8);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['The Taliban hosted al-Qaeda leaders', 'the Taliban hosted TTP leaders']);
    // T for t; then al-Qaeda for TTP: three substitutions and five deletions.
    expect(matches.map((m) => m.errors)).toEqual([1, 8]);
    for (const m of matches) expect(m.errors).toBe(levenshtein(pattern, text.slice(m.start, m.end)));
  });

  it('keeps the whole last word when dropping it would cost as much as matching it', () => {
    // "Kabul." against "Kunar." costs four substitutions, as does dropping "bul."; the full word is kept.
    const text = 'Elsewhere: In 2023 the Taliban hosted TTP leaders in eastern Kunar. The border stayed tense.';
    const pattern = 'In 2022 the Taliban hosted al-Qaeda leaders in central Kabul.';
    const [best] = new ApproximatePattern(pattern).findMatches(text, 0, text.length, 25, 8);
    expect(best && text.slice(best.start, best.end)).toBe('In 2023 the Taliban hosted TTP leaders in eastern Kunar.');
  });

  it('stops at the requested number of matches', () => {
    const text = 'abcabcabcabcabc';
    expect(new ApproximatePattern('abc').findMatches(text, 0, text.length, 0, 2)).toHaveLength(2);
  });
});

describe('AnchoredPattern', () => {
  it('measures a recorded suffix against the best stretch that starts at the candidate', () => {
    const random = seeded(99);
    for (let trial = 0; trial < 200; trial++) {
      const p = randomString(random, Math.floor(random() * 33), 'abcd');
      const t = randomString(random, 10 + Math.floor(random() * 60), 'abcd');
      const at = Math.floor(random() * t.length);
      const limit = Math.floor(random() * 70);
      let least = p.length;
      for (let len = 0; len <= Math.min(limit, t.length - at); len++) least = Math.min(least, levenshtein(p, t.slice(at, at + len)));
      expect(new AnchoredPattern(p).distance(t, at, 1, limit)).toBe(least);
      // Leftwards: the pattern is given reversed and the stretch ends at `at`.
      let leastBefore = p.length;
      for (let len = 0; len <= Math.min(limit, at); len++) leastBefore = Math.min(leastBefore, levenshtein(p, t.slice(at - len, at)));
      expect(new AnchoredPattern(p.split('').reverse().join('')).distance(t, at, -1, limit)).toBe(leastBefore);
    }
  });

  it('charges an insertion into the context its own length only', () => {
    const recorded = 'rs are responsible for the conte';
    const now = 'sponsible in 2024 for the conte';
    // Compared slice for slice, the 8 inserted units also push 8 recorded ones out of view.
    expect(levenshtein(recorded, now)).toBeGreaterThan(8);
    const before = 'The authors are responsible in 2024 for the conte';
    const reversed = recorded.split('').reverse().join('');
    expect(new AnchoredPattern(reversed).distance(before, before.length, -1, 64)).toBe(8);
  });
});
