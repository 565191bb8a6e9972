import { figure, megabytes, type Figure } from './bench-report';
import type { ColdStart, Paint } from './measure-browser';
import { median } from './percentiles';
import type { Scale } from './scales';

/** The median of the values known, or null when none is. */
function knownMedian(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : median(known);
}

const worst = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>((most, value) => (value === null ? most : Math.max(most ?? 0, value)), null);

export function coldStartFigure(scale: Scale, cold: ColdStart): Figure {
  const { runs } = cold;
  return figure({
    id: `cold-start-${scale.key}`,
    measurement: 'Cold start to the report visible (browser mode)',
    scale: scale.label,
    statistic: `median of ${runs.length} starts`,
    value: median(runs.map((run) => run.visibleMs)),
    unit: 'ms',
    target: { max: 1000, unit: 'ms' },
    method:
      'Spawns `node out/main/server.js --port 0 --data-dir <a copy of the notebook> --no-open`, opens its address with the report in the reader as soon as it prints its ready line (Chromium already running, a new browser context each time), and times from the spawn to the frame showing the report’s title and text. The starts follow one another on the same copy, as a person restarting Notebook would (what a session changed, e.g. the pane layout, is backed up at the next start). Generated libraries run the same build copied beside them (bench/tmp/apps/).',
    detail: {
      'first start ms': runs[0]?.visibleMs ?? null,
      'slowest start ms': Math.max(...runs.map((run) => run.visibleMs)),
      'server ready (median ms)': median(runs.map((run) => run.readyMs)),
      'sources.list answered (median ms)': knownMedian(runs.map((run) => run.sourcesListedMs)),
      'sources.get answered (median ms)': knownMedian(runs.map((run) => run.sourceAnsweredMs)),
      'server peak RSS MB': cold.serverPeakRss === null ? null : megabytes(cold.serverPeakRss),
    },
  });
}

export function paintFigures(paint: Paint, highlights: number): Figure[] {
  const { runs } = paint;
  const count = highlights.toLocaleString('en-US');
  return [
    figure({
      id: `open-report-${highlights}`,
      measurement: `Open the report with ${count} highlights, until all are painted`,
      scale: `5 bundled sources, ${count} highlights on the report`,
      statistic: `median of ${runs.length} opens`,
      value: median(runs.map((run) => run.openMs)),
      unit: 'ms',
      method:
        'A server started for each open, on a copy of the notebook whose highlights are all on the report; the page navigates to the report and is timed from navigation to the frame after the last change to its CSS highlights (an init script wraps Highlight.prototype.add/delete/clear and watches frames, and notes the API calls).',
      detail: {
        'sources.get answered at (median ms)': knownMedian(runs.map((run) => run.sourceAnsweredMs)),
        'highlights.list answered at (median ms)': knownMedian(runs.map((run) => run.highlightsAnsweredMs)),
        'first range registered at (median ms)': median(runs.map((run) => run.firstRangeMs)),
        'longest task, navigation to painted (ms, worst open)': worst(runs.map((run) => run.longestTaskMs)),
        'page JS heap MB (median)': knownMedian(runs.map((run) => (run.jsHeapBytes === null ? null : megabytes(run.jsHeapBytes)))),
        'server peak RSS MB': paint.serverPeakRss === null ? null : megabytes(paint.serverPeakRss),
      },
    }),
    figure({
      id: `paint-${highlights}`,
      measurement: `Paint ${count} highlights`,
      scale: `report, ${count} highlights`,
      statistic: `median of ${runs.length} opens`,
      value: median(runs.map((run) => run.paintMs)),
      unit: 'ms',
      target: { max: 150, unit: 'ms' },
      baseline: { label: '<mark> wrapping', value: median(runs.map((run) => run.wrap.totalMs)), unit: 'ms', estimated: false },
      method:
        'From the first highlight range registered to the frame after the last, in the opens of the row above. Baseline: the same ranges wrapped in <mark> elements on the same rendered text (the report in a notebook without highlights), each covered text node split at the ends and wrapped, as fast as that goes (splits in one pass, pieces found by binary search), until the next frame.',
      detail: {
        'the painter’s own time (median ms)': median(runs.map((run) => run.painterBusyMs)),
        'range changes (median)': median(runs.map((run) => run.rangeChanges)),
        '<mark> elements': runs[0]?.wrap.marks ?? null,
      },
    }),
    figure({
      id: `paint-${highlights}-longest-task`,
      measurement: `Longest task while painting ${count} highlights`,
      scale: `report, ${count} highlights`,
      statistic: `worst of ${runs.length} opens`,
      value: worst(runs.map((run) => run.longestPaintTaskMs)),
      unit: 'ms',
      shown: 'none over 50 ms',
      target: { max: 50, unit: 'ms' },
      baseline: { label: 'the one <mark> wrapping task', value: median(runs.map((run) => run.wrap.syncMs)), unit: 'ms', estimated: false },
      method:
        'The longest task overlapping the painting (first range to painted), from a PerformanceObserver for "longtask" registered before the page loads; Chromium reports only tasks over 50 ms. Baseline: the single task that wraps the <mark>s and lays them out.',
      detail: { 'the painter’s longest uninterrupted stretch of range registrations (ms, worst open)': Math.max(...runs.map((run) => run.longestBurstMs)) },
    }),
  ];
}
