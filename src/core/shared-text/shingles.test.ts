import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { shingleHashes, SHINGLE_WORDS, winnow, WINNOW_WINDOW } from './shingles';

const randomWords = (seed: number, count: number): string[] => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => `w${random.below(5000)}`);
};

describe('shingles', () => {
  it('hash each run of SHINGLE_WORDS words, the same words to the same hash', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const hashes = shingleHashes(words);
    expect(hashes.length).toBe(words.length - SHINGLE_WORDS + 1);
    expect(hashes[9]).toBe(hashes[0]);
    expect(new Set(hashes.slice(0, 9)).size).toBe(9);
    expect(shingleHashes(words.slice(0, SHINGLE_WORDS - 1)).length).toBe(0);
  });

  it('keep in the fingerprint a shingle of every shared run of SHINGLE_WORDS + WINNOW_WINDOW - 1 words', () => {
    const guaranteed = SHINGLE_WORDS + WINNOW_WINDOW - 1;
    for (let seed = 1; seed <= 200; seed++) {
      const shared = randomWords(seed, guaranteed);
      const a = [...randomWords(seed + 1000, 50 + (seed % 37)), ...shared, ...randomWords(seed + 2000, 40)];
      const b = [...randomWords(seed + 3000, 10 + (seed % 53)), ...shared, ...randomWords(seed + 4000, 60)];
      const inB = new Set(winnow(shingleHashes(b)));
      expect(winnow(shingleHashes(a)).some((hash) => inB.has(hash)), `seed ${seed}`).toBe(true);
    }
  });

  it('give a fingerprint far smaller than the shingles, ascending and without repeats', () => {
    const hashes = shingleHashes(randomWords(7, 5000));
    const fingerprint = winnow(hashes);
    expect(fingerprint.length).toBeLessThan(hashes.length / 3);
    expect(fingerprint.length).toBeGreaterThan(hashes.length / 10);
    for (let i = 1; i < fingerprint.length; i++) expect(fingerprint[i]).toBeGreaterThan(fingerprint[i - 1] ?? 0);
    expect(winnow(new Uint32Array(0)).length).toBe(0);
    expect([...winnow(Uint32Array.of(9, 4, 6))]).toEqual([4]);
  });
});
