/**
 * Context agreement: how well the text beside a candidate agrees with a recorded prefix or
 * suffix. The text is read with room to spare and its far end is free (Levenshtein distance to
 * the best-matching stretch that touches the candidate), so that words inserted into the
 * recorded context cost their own length once, not again for the recorded units they push out
 * of a fixed-length slice. Strings here are a few dozen UTF-16 units long.
 */

/**
 * The fewest edits that turn `expected` into some stretch of `text` touching the candidate:
 * text[0, j) when `side` is 'after' (a suffix), text[j, end) when 'before' (a prefix), which is
 * then compared from the candidate outwards.
 */
export function contextDistance(expected: string, text: string, side: 'before' | 'after'): number {
  const m = expected.length;
  const n = text.length;
  if (m === 0) return 0;
  const outwards = side === 'after';
  const row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = j;
  for (let i = 1; i <= m; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    const unit = expected.charCodeAt(outwards ? i - 1 : m - i);
    for (let j = 1; j <= n; j++) {
      const above = row[j] ?? 0;
      const same = unit === text.charCodeAt(outwards ? j - 1 : n - j);
      row[j] = Math.min(diagonal + (same ? 0 : 1), above + 1, (row[j - 1] ?? 0) + 1);
      diagonal = above;
    }
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, row[j] ?? m);
  return best;
}

/** Agreement in [0, 1]: 1 − contextDistance / |expected| (1 when nothing was recorded). */
export function contextAgreement(expected: string, text: string, side: 'before' | 'after'): number {
  return expected.length === 0 ? 1 : 1 - contextDistance(expected, text, side) / expected.length;
}
