import search from 'approx-string-match';
import { describe, expect, it } from 'vitest';
import { seededRandom, type SeededRandom } from '../../../tests/support/seeded-random';
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

const randomString = (random: SeededRandom, length: number, alphabet: string): string =>
  Array.from({ length }, () => alphabet[random.below(alphabet.length)]).join('');

describe('ApproximatePattern.bestMatches (Myers, with the cut-off and a falling bound)', () => {
  it('finds the ends with the fewest errors within the bound, as the full table does', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 600; trial++) {
      // Patterns of one to thirteen 32-bit blocks; small alphabets make many near matches.
      const alphabet = trial % 3 === 0 ? 'ab' : trial % 3 === 1 ? 'abcd' : 'abcdefghij ';
      const p = randomString(random, 1 + random.below(trial < 500 ? 130 : 400), alphabet);
      let t = randomString(random, random.below(500), alphabet);
      if (random.next() < 0.5 && t.length > p.length) {
        const at = random.below(t.length - p.length);
        t = t.slice(0, at) + p + t.slice(at + p.length);
      }
      const maxErrors = random.below(p.length * 0.6);
      const distances = naiveEndDistances(p, t);
      const least = Math.min(...distances);
      const bestEnds = distances.flatMap((errors, j) => (errors === least && least <= maxErrors ? [j + 1] : []));
      const found = new ApproximatePattern(p).bestMatches(t, 0, t.length, maxErrors);
      expect(found.every((f) => f.errors === least && bestEnds.includes(f.end))).toBe(true);
      // Every best end belongs to a reported match: the first of its run, or one within half the pattern after it.
      for (const end of bestEnds) expect(found.some((f) => f.end <= end && (end - f.end) * 2 < p.length) || found.some((f) => f.end === end)).toBe(true);
      if (bestEnds.length === 0) expect(found).toEqual([]);
    }
  });

  it('gives the answers approx-string-match gives', () => {
    const random = seededRandom(23);
    for (let trial = 0; trial < 300; trial++) {
      const p = randomString(random, 1 + random.below(200), 'abcdefgh ');
      const t = randomString(random, random.below(800), 'abcdefgh ') + p.slice(random.below(p.length)) + randomString(random, random.below(200), 'abcdefgh ');
      const maxErrors = random.below(p.length / 2);
      const theirs = search(t, p, maxErrors);
      const ours = new ApproximatePattern(p).bestMatches(t, 0, t.length, maxErrors);
      expect(ours.length > 0).toBe(theirs.length > 0);
      for (const match of ours) expect(theirs.some((m) => m.end === match.end && m.errors === match.errors)).toBe(true);
    }
  });

  it('searches only the given part of the text', () => {
    expect(new ApproximatePattern('needle').bestMatches('needle hay needle', 7, 17, 0)).toEqual([{ end: 17, errors: 0 }]);
  });
});

describe('ApproximatePattern.matchesIn', () => {
  const whole = (text: string) => [{ from: 0, to: text.length }];

  it('gives distinct matches fewest errors first, each only when asked for', () => {
    const text = 'The Taliban hosted al-Qaeda leaders in Kabul. Later the Taliban hosted TTP leaders in Kunar.';
    const pattern = 'the Taliban hosted al-Qaeda leaders';
    const matches = new ApproximatePattern(pattern).matchesIn(text, whole(text), 12);
    // T for t; then al-Qaeda for TTP: three substitutions and five deletions.
    expect(matches.next(12)).toEqual({ end: text.indexOf(' in Kabul'), errors: 1 });
    expect(matches.next(12)).toEqual({ end: text.indexOf(' in Kunar'), errors: 8 });
    expect(matches.next(12)).toBeUndefined();
  });

  it('leaves out matches with more errors than the bound asked for', () => {
    const text = 'The Taliban hosted al-Qaeda leaders in Kabul. Later the Taliban hosted TTP leaders in Kunar.';
    const matches = new ApproximatePattern('the Taliban hosted al-Qaeda leaders').matchesIn(text, whole(text), 12);
    expect(matches.next(12)?.errors).toBe(1);
    expect(matches.next(7)).toBeUndefined();
  });

  it('finds every copy, and only in the given parts', () => {
    const text = 'abc-abc-abc-abc';
    const inParts = new ApproximatePattern('abc').matchesIn(text, [{ from: 0, to: 7 }, { from: 12, to: 15 }], 0);
    const ends = [inParts.next(0), inParts.next(0), inParts.next(0), inParts.next(0)].map((m) => m?.end);
    expect(ends).toEqual([3, 7, 15, undefined]);
  });
});

describe('ApproximatePattern.refine', () => {
  const free = { at: () => 0, most: 0 };

  it('without boundary costs, finds the bounds closest to the pattern, as the full table does', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 200; trial++) {
      const p = randomString(random, 1 + random.below(60), 'abc');
      const t = randomString(random, 1 + random.below(120), 'abc');
      const end = 1 + random.below(t.length);
      const refined = new ApproximatePattern(p).refine(t, { end, errors: 0 }, 0, t.length, p.length, free, free);
      expect(refined.errors).toBe(levenshtein(p, t.slice(refined.start, refined.end)));
      let least = Infinity;
      for (let s = Math.max(0, end - 2 * p.length); s < end; s++) least = Math.min(least, levenshtein(p, t.slice(s, end)));
      // The start is the best for the given end; the end can then only improve on it.
      expect(refined.errors).toBeLessThanOrEqual(least);
    }
  });

  it('keeps the whole last word when dropping it costs as much as matching it', () => {
    // "Kabul." against "Kunar." costs four substitutions, as does dropping "bul.": the full word is kept.
    const text = 'Elsewhere: In 2023 the Taliban hosted TTP leaders in eastern Kunar. The border stayed tense.';
    const pattern = new ApproximatePattern('In 2022 the Taliban hosted al-Qaeda leaders in central Kabul.');
    const found = pattern.matchesIn(text, [{ from: 0, to: text.length }], 25).next(25);
    if (!found) throw new Error('no match');
    const refined = pattern.refine(text, found, 0, text.length, 25, free, free);
    expect(text.slice(refined.start, refined.end)).toBe('In 2023 the Taliban hosted TTP leaders in eastern Kunar.');
    expect(refined.errors).toBe(levenshtein(pattern.pattern, text.slice(refined.start, refined.end)));
  });

  it('keeps a first word cut off by an inserted clause when the text before it says so', () => {
    const recordedPrefix = 'the report states that ';
    const quote = 'Taliban leaders have continued to host foreign fighters in the east';
    const text = `In short, the report states that Taliban, reportedly, leaders have continued to host foreign fighters in the east.`;
    const pattern = new ApproximatePattern(quote);
    const found = pattern.matchesIn(text, [{ from: 0, to: text.length }], 22).next(22);
    if (!found) throw new Error('no match');
    // Fewest edits alone drop "Taliban" (7 deletions) rather than keep the 13 inserted units.
    const unguided = pattern.refine(text, found, 0, text.length, 22, free, free);
    expect(text.slice(unguided.start, unguided.end)).not.toMatch(/^Taliban/);
    const before = new AnchoredPattern(recordedPrefix.split('').reverse().join(''));
    const cost = { at: (s: number) => before.distance(text, s, -1, 2 * recordedPrefix.length), most: recordedPrefix.length };
    const refined = pattern.refine(text, found, 0, text.length, 22, cost, free);
    expect(text.slice(refined.start, refined.end)).toBe('Taliban, reportedly, leaders have continued to host foreign fighters in the east');
    expect(refined.errors).toBe(13);
  });
});

describe('AnchoredPattern', () => {
  it('measures a recorded suffix against the best stretch that starts at the candidate', () => {
    const random = seededRandom(99);
    for (let trial = 0; trial < 200; trial++) {
      const p = randomString(random, random.below(33), 'abcd');
      const t = randomString(random, 10 + random.below(60), 'abcd');
      const at = random.below(t.length);
      const limit = random.below(70);
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
