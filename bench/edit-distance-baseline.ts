/**
 * The naive way to find a quote that may have been edited: the least edit distance between the
 * quote and any stretch of the text, by the full dynamic-programming table over the whole text
 * (P. H. Sellers, "The theory and computation of evolutionary distances: pattern recognition",
 * J. Algorithms 1980). No bound on the errors and no window near the expected place: every quote
 * costs quote length x text length cells. Benchmarks only, as the baseline that
 * src/core/anchoring/approximate-search.ts (bounded, bit-parallel, near the expected place first)
 * is compared with.
 */

export interface BestMatch {
  /** Where the best match ends in the text (exclusive). */
  readonly end: number;
  /** Its edit distance to the quote. */
  readonly errors: number;
}

/** The end and edit distance of the best match of `quote` anywhere in `text` (the first, on ties). */
export function bestMatchAnywhere(quote: string, text: string): BestMatch {
  const m = quote.length;
  const units = new Uint16Array(m);
  for (let i = 0; i < m; i++) units[i] = quote.charCodeAt(i);
  // column[i]: least edits turning quote[0, i) into a stretch of the text ending at the current unit.
  const column = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) column[i] = i;
  let best: BestMatch = { end: 0, errors: m };
  for (let j = 0; j < text.length; j++) {
    const unit = text.charCodeAt(j);
    // A match may start anywhere: the empty prefix costs nothing at every position (column[0] stays 0).
    let diagonal = 0;
    let left = 0;
    for (let i = 1; i <= m; i++) {
      const above = column[i] as number;
      let cost = diagonal + (units[i - 1] === unit ? 0 : 1);
      if (above + 1 < cost) cost = above + 1;
      if (left + 1 < cost) cost = left + 1;
      diagonal = above;
      column[i] = cost;
      left = cost;
    }
    if (left < best.errors) best = { end: j + 1, errors: left };
  }
  return best;
}
