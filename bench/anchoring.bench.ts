import search from 'approx-string-match';
import { bench, describe } from 'vitest';
import { anchorAll, anchorHighlight } from '../src/core/anchoring/anchor';
import { ERROR_RATE, MAX_ERRORS } from '../src/core/anchoring/anchor-policy';
import { foldQuote } from '../src/core/anchoring/anchoring-text';
import { ApproximatePattern } from '../src/core/anchoring/approximate-search';
import { driftText, editedQuotes, readReport, spreadTargets } from './anchoring-workload';

/**
 * Re-anchoring on the 96 KB report (resources/sources/004_22ba044b9207139b.txt). Targets: 5,000
 * highlights <= 1 s in total (unchanged text), and <= 100 ms for 1,000 highlights after edits
 * throughout the text. src/core/anchoring/anchor.drift.test.ts checks that the drifted results
 * are right. Run: npx vitest bench --run bench/anchoring.bench.ts
 */

const report = readReport();
const drifted = driftText(report, 500, 11);
const fiveThousand = spreadTargets(report, 5000, 3);
const oneThousand = spreadTargets(report, 1000, 7);
// One highlight whose quote an edit changed: anchored alone, with no neighbours to say where it moved.
const edited = oneThousand.find((t) => drifted.touches(t.position.start, t.position.end) && t.quote.exact.length > 200);
if (!edited) throw new Error('The drifted workload has no edited highlight longer than 200 characters.');

describe('anchoring on the 96 KB report', () => {
  bench('5,000 highlights, unchanged text', () => {
    anchorAll(report, fiveThousand);
  });

  bench('1,000 highlights after edits throughout', () => {
    anchorAll(drifted.text, oneThousand);
  });

  bench('5,000 highlights after edits throughout', () => {
    anchorAll(drifted.text, fiveThousand);
  });

  bench('one edited highlight on its own', () => {
    anchorHighlight(drifted.text, edited);
  });
});

// The fuzzy step alone, ours and approx-string-match's, on the same 1,000 edited quotes, each
// searched for in the whole folded report (goal: ours no slower). bench/measure-anchoring.ts
// checks that both give the same answers.
const folded = foldQuote(report);
const quotes = editedQuotes(folded, 1000, 13).map(({ quote }) => ({ quote, bound: Math.min(MAX_ERRORS, Math.floor(quote.length * ERROR_RATE)) }));

describe('fuzzy match of 1,000 edited quotes in the report', () => {
  bench('ours (ApproximatePattern.bestMatches)', () => {
    for (const { quote, bound } of quotes) new ApproximatePattern(quote).bestMatches(folded, 0, folded.length, bound);
  });

  bench('approx-string-match', () => {
    for (const { quote, bound } of quotes) search(folded, quote, bound);
  });
});
