/**
 * Shingles and their fingerprint. A shingle is a run of SHINGLE_WORDS consecutive words; two
 * sources that share a passage share its shingles. Winnowing keeps, of every WINNOW_WINDOW
 * consecutive shingles, the one with the smallest hash: a much smaller set that still holds at
 * least one shingle of every shared run of SHINGLE_WORDS + WINNOW_WINDOW - 1 words or more
 * (Schleimer, Wilkerson and Aiken, "Winnowing", SIGMOD 2003). Comparing fingerprints finds the
 * pairs of sources worth aligning word by word without aligning every pair.
 */

/** Long enough that a common phrase ("one of the most ...") is not taken for shared text. */
export const SHINGLE_WORDS = 8;
export const WINNOW_WINDOW = 8;

/** 32-bit FNV-1a of a term. */
function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Hash of each shingle: shingle i is terms[i, i + SHINGLE_WORDS). */
export function shingleHashes(terms: readonly string[]): Uint32Array {
  const count = Math.max(0, terms.length - SHINGLE_WORDS + 1);
  const hashes = new Uint32Array(count);
  const termHashes = terms.map(termHash);
  for (let i = 0; i < count; i++) {
    let hash = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) hash = (Math.imul(hash, 0x9e3779b1) + (termHashes[i + k] ?? 0)) >>> 0;
    // A final mix, so that the minimum of a window is not biased towards particular words.
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hashes[i] = hash >>> 0;
  }
  return hashes;
}

/** The winnowed fingerprint: the selected shingle hashes, ascending, each once. */
export function winnow(hashes: Uint32Array): Uint32Array {
  if (hashes.length === 0) return new Uint32Array(0);
  const window = Math.min(WINNOW_WINDOW, hashes.length);
  const selected: number[] = [];
  let chosen = -1;
  for (let end = window - 1; end < hashes.length; end++) {
    const start = end - window + 1;
    if (chosen < start) {
      // The previous minimum left the window: find the rightmost minimum of the whole window.
      chosen = start;
      for (let i = start + 1; i <= end; i++) if ((hashes[i] ?? 0) <= (hashes[chosen] ?? 0)) chosen = i;
      selected.push(hashes[chosen] ?? 0);
    } else if ((hashes[end] ?? 0) <= (hashes[chosen] ?? 0)) {
      chosen = end;
      selected.push(hashes[chosen] ?? 0);
    }
  }
  const sorted = Uint32Array.from(selected).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i] ?? 0;
  return sorted.slice(0, unique);
}
