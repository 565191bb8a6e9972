import { figure, type Figure } from './bench-report';
import type { AnchoringMeasurements, AnchoringRun, FuzzyRun } from './measure-anchoring';

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

function fuzzyFigure(fuzzy: FuzzyRun): Figure {
  return figure({
    id: 'fuzzy-match-1000',
    measurement: `Fuzzy match: ours vs approx-string-match, ${fuzzy.quotes.toLocaleString('en-US')} edited quotes`,
    scale: 'report (96 KB)',
    statistic: `median of ${fuzzy.rounds} runs`,
    value: fuzzy.oursMs,
    unit: 'ms',
    baseline: { label: 'approx-string-match 2.0.0', value: fuzzy.libraryMs, unit: 'ms', estimated: false },
    method:
      'Each of 1,000 quotes of 40–400 characters, changed by a few words (bench/anchoring-workload.ts, editedQuotes), searched for in the whole folded report with the error bound anchoring allows (a third of the quote, at most 256): ApproximatePattern.bestMatches, the search anchoring uses (src/core/anchoring/approximate-search.ts), against approx-string-match’s search (Hypothesis’s matcher), in alternating rounds. Goal: ours ÷ approx-string-match ≤ 1.0, with the same answers (the same fewest errors at the same match ends).',
    detail: {
      'ours ÷ approx-string-match': fuzzy.libraryMs > 0 ? `${(fuzzy.oursMs / fuzzy.libraryMs).toFixed(2)}×` : null,
      'approx-string-match ms': fuzzy.libraryMs,
      'quotes with the same answers': fuzzy.sameAnswers,
      'best match on the edited passage': fuzzy.onPassage,
    },
  });
}

export function anchoringFigures({ unchanged, drifted, fuzzy }: AnchoringMeasurements): Figure[] {
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
    fuzzyFigure(fuzzy),
  ];
}
