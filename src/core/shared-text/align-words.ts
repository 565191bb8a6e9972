import { shingleHashes, SHINGLE_WORDS } from './shingles';
import type { SourceWords } from './source-words';

/** Words a[a, a + length) are, term for term, words b[b, b + length) of the other source. */
export interface WordRun {
  readonly a: number;
  readonly b: number;
  readonly length: number;
}

/** A shingle repeated more often than this in one source is boilerplate; only its first places are tried. */
const MAX_PLACES = 16;

/**
 * The runs of at least SHINGLE_WORDS words that `a` shares with `b`, in the order of `a`, never
 * overlapping in `a`. Greedy seed and extend: at each word of `a` that starts a shingle also in
 * `b`, the longest identical run from any place of that shingle in `b` is taken, and the scan goes
 * on after it. Terms are compared, not only hashes, so a hash collision never counts as shared text.
 */
export function alignWords(a: SourceWords, b: SourceWords): WordRun[] {
  const placesInB = new Map<number, number[]>();
  const hashesB = shingleHashes(b.terms);
  hashesB.forEach((hash, j) => {
    const places = placesInB.get(hash);
    if (places === undefined) placesInB.set(hash, [j]);
    else if (places.length < MAX_PLACES) places.push(j);
  });
  const hashesA = shingleHashes(a.terms);
  const runs: WordRun[] = [];
  let i = 0;
  while (i < hashesA.length) {
    let bestB = -1;
    let bestLength = 0;
    for (const j of placesInB.get(hashesA[i] ?? 0) ?? []) {
      let length = 0;
      while (i + length < a.terms.length && j + length < b.terms.length && a.terms[i + length] === b.terms[j + length]) length++;
      if (length > bestLength) {
        bestLength = length;
        bestB = j;
      }
    }
    if (bestLength >= SHINGLE_WORDS) {
      runs.push({ a: i, b: bestB, length: bestLength });
      i += bestLength;
    } else {
      i++;
    }
  }
  return runs;
}

/** The same runs seen from `b`: in the order of `b`. Runs may overlap in `b` when `a` repeats itself. */
export function reverseRuns(runs: readonly WordRun[]): WordRun[] {
  return runs.map((run) => ({ a: run.b, b: run.a, length: run.length })).sort((x, y) => x.a - y.a || x.b - y.b);
}
