import { describe, expect, it } from 'vitest';
import { bestMatchAnywhere } from '../../../bench/edit-distance-baseline';
import { seededRandom } from '../../support/seeded-random';

/** Textbook edit distance between two whole strings. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min((row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1), (row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1));
    row = next;
  }
  return row[b.length] ?? 0;
}

describe('bestMatchAnywhere (the naive anchoring baseline)', () => {
  it('finds a verbatim quote with no errors, ending where it ends', () => {
    const text = 'The Taliban have not severed ties with al-Qaeda.';
    expect(bestMatchAnywhere('severed ties', text)).toEqual({ end: text.indexOf('severed ties') + 12, errors: 0 });
  });

  it('counts substitutions, insertions and deletions', () => {
    const text = 'ties with al-Qaeda and the TTP';
    expect(bestMatchAnywhere('al-Qaida', text).errors).toBe(1);
    expect(bestMatchAnywhere('al-Qaeeda', text).errors).toBe(1);
    expect(bestMatchAnywhere('alQaeda', text).errors).toBe(1);
  });

  it('agrees with the least edit distance to every stretch of the text, on random strings', () => {
    const random = seededRandom(31);
    const word = (length: number) => Array.from({ length }, () => random.pick(['a', 'b', 'c'])).join('');
    for (let round = 0; round < 200; round++) {
      const text = word(1 + random.below(12));
      const quote = word(1 + random.below(6));
      let least = quote.length;
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) least = Math.min(least, editDistance(quote, text.slice(start, end)));
      }
      const { end, errors } = bestMatchAnywhere(quote, text);
      expect(errors).toBe(least);
      const startsBefore = Array.from({ length: end + 1 }, (_, start) => editDistance(quote, text.slice(start, end)));
      expect(Math.min(...startsBefore)).toBe(errors);
    }
  });
});
