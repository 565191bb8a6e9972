import { it } from 'vitest';
import { driftText, readReport, spreadTargets } from '../../../bench/anchoring-workload';
import { anchorAll } from './anchor';
it('perf', () => {
  const report = readReport();
  const targets = spreadTargets(report, 1000, 7);
  const t5 = spreadTargets(report, 5000, 3);
  const drifted = driftText(report, 500, 11);
  for (let rep = 0; rep < 5; rep++) {
    let t0 = performance.now(); anchorAll(drifted.text, targets); const a = performance.now() - t0;
    t0 = performance.now(); anchorAll(report, t5); const b = performance.now() - t0;
    t0 = performance.now(); anchorAll(drifted.text, t5); const c = performance.now() - t0;
    console.log('drift1000', a.toFixed(1), 'unchanged5000', b.toFixed(1), 'drift5000', c.toFixed(1));
  }
});
