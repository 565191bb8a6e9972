import { bench, describe } from 'vitest';
import { anchorAll, anchorHighlight } from '../src/core/anchoring/anchor';
import { driftText, readReport, spreadTargets } from './anchoring-workload';

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
