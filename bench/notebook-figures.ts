import { figure, megabytes, type Figure } from './bench-report';
import type { MemoExport, OpenScale, SaveLatency, SearchLatency } from './measure-notebooks';
import type { Scale } from './scales';

const SEARCH_METHOD =
  'search.query through dispatch (as either shell calls it) with single words taken from the bundled sources, from the most frequent to the rare (bench/search-queries.ts); each query warmed once, then run 5 times and its median taken; p50 and p95 over the queries. Quoted two-word phrases, likewise, in the details.';

/** The scale the targets for search and saves are set at. */
const TARGET_SCALE: Scale['key'] = 'large';

export function searchFigures(open: OpenScale, search: SearchLatency): Figure[] {
  const { scale } = open;
  return [
    figure({
      id: `search-p50-${scale.key}`,
      measurement: 'Search, single term: p50',
      scale: scale.label,
      statistic: `${search.single.count} queries`,
      value: search.single.p50,
      unit: 'ms',
      method: SEARCH_METHOD,
      detail: { 'first query (reads, parses and indexes every source) ms': search.firstMs, 'notebook open ms': open.openMs },
    }),
    figure({
      id: `search-p95-${scale.key}`,
      measurement: 'Search, single term: p95',
      scale: scale.label,
      statistic: `${search.single.count} queries`,
      value: search.single.p95,
      unit: 'ms',
      ...(scale.key === TARGET_SCALE ? { target: { max: 16, unit: 'ms' as const } } : {}),
      method: SEARCH_METHOD,
      detail: {
        'slowest query ms': search.single.max,
        'CPU p95 ms': search.singleCpu.p95,
        'phrase p50 ms': search.phrase.p50,
        'phrase p95 ms': search.phrase.p95,
        'process RSS with the index MB': megabytes(search.rssBytes),
      },
    }),
  ];
}

export function saveFigures(saves: readonly SaveLatency[]): Figure[] {
  const figures: Figure[] = [];
  for (const { scale, services, naive } of saves) {
    const method =
      'highlights.update through dispatch (a new comment on a highlight of the most highlighted source, the report), timed until it answers, i.e. until durable (fsync’d, atomically renamed), after 5 warm-ups, in turns with the other scales and the baseline. ' +
      'Baseline: the same edit as a rewrite of one lowdb file holding every highlight of the notebook, with the same durable writer.';
    const baseline = (value: number) => ({ label: `whole-notebook lowdb rewrite (${naive.count} saves)`, value, unit: 'ms' as const, estimated: false });
    figures.push(
      figure({ id: `save-p50-${scale.key}`, measurement: 'One durable save: p50', scale: scale.label, statistic: `${services.count} saves`, value: services.p50, unit: 'ms', baseline: baseline(naive.p50), method }),
      figure({
        id: `save-p95-${scale.key}`,
        measurement: 'One durable save: p95',
        scale: scale.label,
        statistic: `${services.count} saves`,
        value: services.p95,
        unit: 'ms',
        ...(scale.key === TARGET_SCALE ? { target: { max: 20, unit: 'ms' as const } } : {}),
        baseline: baseline(naive.p95),
        method,
        detail: { 'slowest save ms': services.max },
      }),
    );
  }
  const fewest = saves[0];
  const most = saves[saves.length - 1];
  if (fewest && most && fewest !== most) {
    figures.push(
      figure({
        id: 'save-p95-growth',
        measurement: `Save p95 with ${most.scale.highlights.toLocaleString('en-US')} highlights ÷ with ${fewest.scale.highlights.toLocaleString('en-US')}`,
        scale: `${most.scale.key} vs ${fewest.scale.key}`,
        statistic: 'ratio of the two p95s',
        value: most.services.p95 / fewest.services.p95,
        unit: '×',
        target: { max: 1.1, unit: '×' },
        baseline: { label: 'the same ratio for the whole-file rewrite', value: most.naive.p95 / fewest.naive.p95, unit: '×', estimated: false },
        method:
          '“No slower with 50,000 highlights stored than with 100”: the ratio of the two p95s above, allowed 10% for the noise between two series of 100 fsync’d saves on a shared machine.',
        detail: { 'the same ratio of the p50s': most.services.p50 / fewest.services.p50 },
      }),
    );
  }
  return figures;
}

export function memoExportFigure(scale: Scale, memo: MemoExport): Figure {
  return figure({
    id: `memo-export-${memo.citations}`,
    measurement: `Export a memo with ${memo.citations} citations to Markdown`,
    scale: scale.label,
    statistic: `median of ${memo.later.count} exports`,
    value: memo.later.p50,
    unit: 'ms',
    target: { max: 100, unit: 'ms' },
    method:
      'memos.exportMarkdown through dispatch on a memo (made with memos.create) citing highlights picked at random over the notebook, five to a paragraph, one in ten as a block quote: each citation resolved against the current text, then footnotes, the Sources list and YAML front matter.',
    detail: { 'first export after opening ms': memo.firstMs, 'p95 ms': memo.later.p95, 'sources cited': memo.sources, 'Markdown KB': memo.bytes / 1000 },
  });
}

export interface PeakMemory {
  /** This process, which held every scale's notebook open through the services. */
  readonly benchBytes: number;
  readonly largest: Scale;
  /** The browser-mode servers of the cold starts at the largest scale, up to the report shown. */
  readonly largestServerBytes: number | null;
}

export function memoryFigures({ benchBytes, largest, largestServerBytes }: PeakMemory): Figure[] {
  return [
    figure({
      id: 'peak-memory-services',
      measurement: 'Peak memory: the services with every scale’s notebook open',
      scale: 'all scales at once',
      statistic: 'peak RSS of the benchmark process',
      value: megabytes(benchBytes),
      unit: 'MB',
      method: 'process.resourceUsage().maxRSS of the benchmark process, which held the three notebooks open through the services, each with its search index built.',
    }),
    figure({
      id: `peak-memory-server-${largest.key}`,
      measurement: 'Peak memory: browser-mode server, from start to the report shown',
      scale: largest.label,
      statistic: 'peak RSS (VmHWM) of the cold starts',
      value: largestServerBytes === null ? null : megabytes(largestServerBytes),
      unit: 'MB',
      shown: 'not measurable here (no /proc)',
      method: 'The most memory any server of the cold starts held (VmHWM in /proc/<pid>/status), read once the report was shown.',
    }),
  ];
}
