import { figure, type Figure } from './bench-report';
import type { AnchoringRun } from './measure-anchoring';

const NAIVE_ANCHORER = 'verbatim search, else full edit-distance table';

function detail(run: AnchoringRun) {
  return {
    'CPU ms': run.cpuMs,
    exact: run.statuses.exact,
    fuzzy: run.statuses.fuzzy,
    review: run.statuses.review,
    orphan: run.statuses.orphan,
    'quotes the baseline must search for': run.baseline.needingSearch,
    'timed of those': run.baseline.sampled,
    'ms per full-table search': run.baseline.meanSearchMs,
  };
}

function baseline(run: AnchoringRun) {
  return { label: NAIVE_ANCHORER, value: run.baseline.estimatedMs, unit: 'ms' as const, estimated: run.baseline.sampled < run.baseline.needingSearch };
}

export function anchoringFigures({ unchanged, drifted }: { readonly unchanged: AnchoringRun; readonly drifted: AnchoringRun }): Figure[] {
  return [
    figure({
      id: 'anchor-5000',
      measurement: `Anchor ${unchanged.highlights.toLocaleString('en-US')} highlights (text unchanged)`,
      scale: 'report (96 KB)',
      statistic: `median of ${unchanged.rounds} runs`,
      value: unchanged.ms,
      unit: 'ms',
      baseline: baseline(unchanged),
      method:
        'anchorAll (src/core/anchoring) on the report, for highlights of 20–400 characters spread over it (bench/anchoring-workload.ts). Baseline: each quote looked up verbatim with indexOf, and where that fails, the best match anywhere by the full edit-distance table over the whole text (bench/edit-distance-baseline.ts); its searches (tens of ms each) are timed on an even sample of the quotes needing one and extrapolated.',
      detail: detail(unchanged),
    }),
    figure({
      id: 'reanchor-1000-drifted',
      measurement: `Re-anchor ${drifted.highlights.toLocaleString('en-US')} highlights after edits`,
      scale: 'report (96 KB)',
      statistic: `median of ${drifted.rounds} runs`,
      value: drifted.ms,
      unit: 'ms',
      target: { max: 100, unit: 'ms' },
      baseline: baseline(drifted),
      method:
        'anchorAll on the report after an editor’s pass every ~500 characters (insertions, spelling and name changes, re-wrapped lines, curly apostrophes), for highlights made on the old text; baseline as in the row above.',
      detail: detail(drifted),
    }),
  ];
}
