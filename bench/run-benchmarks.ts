import { readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { figure, replaceGenerated, resultsMarkdown, type BenchResults, type Figure } from './bench-report';
import { BENCH_TMP } from './cached-folder';
import { BUNDLED_RESOURCES, libraryFor } from './generated-library';
import { measureAnchoring } from './measure-anchoring';
import { measureColdStart, measurePaint, reportOf, type ColdStart, type Paint } from './measure-browser';
import { closeScale, measureMemoExport, measureSaves, measureSearch, openScale, type OpenScale } from './measure-notebooks';
import { median } from './percentiles';
import { SCALES, type Scale } from './scales';
import { searchQueries } from './search-queries';
import { seededNotebook, zipfShares, type SeededNotebook } from './seeded-notebook';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const DOC_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const COLD_START_RUNS = 5;
const PAINT_RUNS = 5;
const QUERIES = 50;
const REPORT_HIGHLIGHTS = 5_000;

const megabytes = (bytes: number): number => bytes / 1e6;
const maybeMedian = (values: readonly (number | null)[]): number | null => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : median(known);
};
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  say(`- ${label}...`);
  const value = await work();
  say(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s (load average ${loadavg()[0]?.toFixed(1)})`);
  return value;
}

/**
 * Every measurement of `npm run bench`, in order: the data (generated once, then reused from
 * bench/tmp/), anchoring, the browser measurements against the built server, then the services at
 * each scale. Writes bench/results.json and the generated part of docs/benchmarks.md.
 */
export async function runBenchmarks(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const figures: Figure[] = [];

  const notebooks = await step('Libraries and notebooks (generated on the first run, then reused from bench/tmp)', async () => {
    const scaled: { scale: Scale; seeded: SeededNotebook }[] = [];
    for (const scale of SCALES) {
      const library = await libraryFor(scale);
      scaled.push({ scale, seeded: await seededNotebook(`scale-${scale.key}`, library, zipfShares(scale.highlights, library.sources.length)) });
    }
    const bundled = scaled[0]?.seeded.library;
    if (!bundled || bundled.dir !== BUNDLED_RESOURCES) throw new Error('The first scale must be the bundled library.');
    const report = reportOf(bundled);
    const onReport = await seededNotebook(`report-${REPORT_HIGHLIGHTS}`, bundled, bundled.sources.map((meta) => (meta.id === report.id ? REPORT_HIGHLIGHTS : 0)));
    return { scaled, onReport };
  });

  const anchoring = await step('Anchoring on the report', measureAnchoring);
  const { unchanged, drifted } = anchoring;
  const naiveAnchorer = 'verbatim search, else full edit-distance table';
  for (const [run, measurement, target] of [
    [unchanged, 'Anchor 5,000 highlights (text unchanged)', undefined],
    [drifted, 'Re-anchor 1,000 highlights after edits', 100],
  ] as const) {
    figures.push(
      figure({
        id: run === unchanged ? 'anchor-5000' : 'reanchor-1000-drifted',
        measurement,
        scale: 'report (96 KB)',
        statistic: 'median of 7 runs',
        value: run.ms,
        unit: 'ms',
        ...(target === undefined ? {} : { target: { max: target, unit: 'ms' as const } }),
        baseline: { label: naiveAnchorer, value: run.baseline.estimatedMs, unit: 'ms', estimated: run.baseline.sampled < run.baseline.needingSearch },
        method:
          run === unchanged
            ? 'anchorAll (src/core/anchoring) on the report for 5,000 highlights of 20–400 characters spread over it (bench/anchoring-workload.ts). Baseline: each quote looked up verbatim with indexOf, and where that fails, the best match anywhere by the full edit-distance table over the whole text (bench/edit-distance-baseline.ts).'
            : 'anchorAll on the report after an editor’s pass every ~500 characters (insertions, spelling and name changes, re-wrapped lines, curly apostrophes), for 1,000 highlights made on the old text. Baseline as in row 1; its edit-distance searches (tens of ms each) are timed on an even sample of the quotes needing one and extrapolated.',
        detail: {
          'CPU ms': run.cpuMs,
          exact: run.statuses.exact,
          fuzzy: run.statuses.fuzzy,
          review: run.statuses.review,
          orphan: run.statuses.orphan,
          'quotes the baseline must search for': run.baseline.needingSearch,
          'timed of those': run.baseline.sampled,
          'ms per full-table search': run.baseline.meanSearchMs,
        },
      }),
    );
  }

  const browser = await chromium.launch(chromiumLaunchOptions);
  const chromiumVersion = `Chromium ${browser.version()}`;
  const coldStarts: { scale: Scale; cold: ColdStart }[] = [];
  let paint: Paint;
  try {
    for (const { scale, seeded } of notebooks.scaled) {
      coldStarts.push({ scale, cold: await step(`Cold start, ${scale.label}`, () => measureColdStart(browser, seeded, COLD_START_RUNS)) });
    }
    paint = await step(`Opening the report with ${REPORT_HIGHLIGHTS.toLocaleString('en-US')} highlights`, () => measurePaint(browser, notebooks.onReport, PAINT_RUNS));
  } finally {
    await browser.close();
  }
  for (const { scale, cold } of coldStarts) {
    figures.push(
      figure({
        id: `cold-start-${scale.key}`,
        measurement: 'Cold start to the report visible (browser mode)',
        scale: scale.label,
        statistic: `median of ${cold.runs.length} starts`,
        value: median(cold.runs.map((run) => run.visibleMs)),
        unit: 'ms',
        target: { max: 1000, unit: 'ms' },
        method:
          'Spawns `node out/main/server.js --port 0 --data-dir <a copy of the notebook> --no-open`, opens its address with the report in the reader as soon as it prints its ready line (Chromium already running, a new browser context each time), and times from the spawn to the frame showing the report’s title and text. The starts follow one another on the same copy, as a person restarting Notebook (what a session changes, e.g. the pane layout, is backed up at the next start). Generated libraries run the same build copied beside them (bench/tmp/apps/).',
        detail: {
          'first start ms': cold.runs[0]?.visibleMs ?? null,
          'slowest start ms': Math.max(...cold.runs.map((run) => run.visibleMs)),
          'server ready (median ms)': median(cold.runs.map((run) => run.readyMs)),
          'sources.list answered (median ms)': maybeMedian(cold.runs.map((run) => run.sourcesListedMs)),
          'sources.get answered (median ms)': maybeMedian(cold.runs.map((run) => run.sourceAnsweredMs)),
          'server peak RSS MB': cold.serverPeakRss === null ? null : megabytes(cold.serverPeakRss),
        },
      }),
    );
  }
  const paintRuns = paint.runs;
  const longestPaintTask = paintRuns.reduce<number | null>((most, run) => (run.longestPaintTaskMs === null ? most : Math.max(most ?? 0, run.longestPaintTaskMs)), null);
  const longestOpenTask = paintRuns.reduce<number | null>((most, run) => (run.longestTaskMs === null ? most : Math.max(most ?? 0, run.longestTaskMs)), null);
  const wrapTotal = median(paintRuns.map((run) => run.wrap.totalMs));
  const wrapTask = median(paintRuns.map((run) => run.wrap.syncMs));
  figures.push(
    figure({
      id: 'open-report-5000',
      measurement: 'Open the report with 5,000 highlights, until all are painted',
      scale: '5 bundled sources, 5,000 highlights on the report',
      statistic: `median of ${paintRuns.length} opens`,
      value: median(paintRuns.map((run) => run.openMs)),
      unit: 'ms',
      method:
        'A server started for each open on a copy of a notebook with 5,000 highlights on the report (written through the services’ highlight store); the page navigates to the report and is timed from navigation to the frame after the last change to its CSS highlights (an init script wraps Highlight.prototype.add/delete/clear and watches frames).',
      detail: {
        'sources.get answered at (median ms)': maybeMedian(paintRuns.map((run) => run.sourceAnsweredMs)),
        'highlights.list answered at (median ms)': maybeMedian(paintRuns.map((run) => run.highlightsAnsweredMs)),
        'first range registered at (median ms)': median(paintRuns.map((run) => run.firstRangeMs)),
        'longest task, navigation to painted (ms, worst open)': longestOpenTask,
        'page JS heap MB (median)': maybeMedian(paintRuns.map((run) => (run.jsHeapBytes === null ? null : megabytes(run.jsHeapBytes)))),
      },
    }),
    figure({
      id: 'paint-5000',
      measurement: 'Paint 5,000 highlights',
      scale: 'report, 5,000 highlights',
      statistic: `median of ${paintRuns.length} opens`,
      value: median(paintRuns.map((run) => run.paintMs)),
      unit: 'ms',
      target: { max: 150, unit: 'ms' },
      baseline: { label: '<mark> wrapping', value: wrapTotal, unit: 'ms', estimated: false },
      method:
        'From the first highlight range registered to the frame after the last, in the opens of the previous row. Baseline: the same 5,000 ranges wrapped in <mark> elements on the same rendered text (a page of a notebook without highlights), each covered text node split at the ends and wrapped, as fast as that goes (splits in one pass, pieces found by binary search), until the next frame.',
      detail: {
        'the painter’s own time (median ms)': median(paintRuns.map((run) => run.painterBusyMs)),
        'range changes (median)': median(paintRuns.map((run) => run.rangeChanges)),
        '<mark> elements': paintRuns[0]?.wrap.marks ?? null,
      },
    }),
    figure({
      id: 'paint-5000-longest-task',
      measurement: 'Longest task while painting 5,000 highlights',
      scale: 'report, 5,000 highlights',
      statistic: `worst of ${paintRuns.length} opens`,
      value: longestPaintTask,
      unit: 'ms',
      shown: 'none over 50 ms',
      target: { max: 50, unit: 'ms' },
      baseline: { label: 'the one <mark> wrapping task', value: wrapTask, unit: 'ms', estimated: false },
      method:
        'The longest task overlapping the painting (first range to painted), from a PerformanceObserver for "longtask" registered before the page loads; Chromium reports only tasks over 50 ms. Baseline: the single task that wraps the <mark>s and lays them out.',
      detail: { 'the painter’s longest uninterrupted stretch of range registrations (ms, worst open)': Math.max(...paintRuns.map((run) => run.longestBurstMs)) },
    }),
  );

  const queries = searchQueries(
    await Promise.all((notebooks.scaled[0]?.seeded.library.sources ?? []).map((meta) => readFile(join(BUNDLED_RESOURCES, 'sources', meta.file), 'utf8'))),
    QUERIES,
  );
  const opened: OpenScale[] = [];
  try {
    for (const { scale, seeded } of notebooks.scaled) opened.push(await step(`Opening the notebook through the services, ${scale.label}`, () => openScale(scale, seeded)));
    for (const open of opened) {
      const search = await step(`Search, ${open.scale.label}`, () => measureSearch(open, queries));
      const isLarge = open.scale.key === 'large';
      const searchMethod =
        'search.query through dispatch (as either shell calls it) with 50 single words taken from the bundled sources from the most frequent to the rare; each query warmed once, then run 5 times and its median taken; p50/p95 over the 50 queries.';
      figures.push(
        figure({
          id: `search-p50-${open.scale.key}`,
          measurement: 'Search, single term: p50',
          scale: open.scale.label,
          statistic: '50 queries',
          value: search.single.p50,
          unit: 'ms',
          method: searchMethod,
          detail: { 'first query (reads, parses and indexes every source) ms': search.firstMs, 'notebook open ms': open.openMs },
        }),
        figure({
          id: `search-p95-${open.scale.key}`,
          measurement: 'Search, single term: p95',
          scale: open.scale.label,
          statistic: '50 queries',
          value: search.single.p95,
          unit: 'ms',
          ...(isLarge ? { target: { max: 16, unit: 'ms' as const } } : {}),
          method: `As the row above. Two-word phrases (50, quoted) for comparison in the details.`,
          detail: {
            'slowest query ms': search.single.max,
            'CPU p95 ms': search.singleCpu.p95,
            'phrase p50 ms': search.phrase.p50,
            'phrase p95 ms': search.phrase.p95,
            'process RSS with the index MB': megabytes(search.rssBytes),
          },
        }),
      );
    }

    const saves = await step('Durable saves, every scale in turn, and the naive whole-file rewrite', () => measureSaves(opened));
    for (const save of saves) {
      const isLarge = save.scale.key === 'large';
      const saveMethod =
        `highlights.update through dispatch (a new comment on a highlight of the most highlighted source, the report), timed until it answers, i.e. until durable (fsync’d, atomically renamed). ${save.services.count} saves after warm-up, taken in turns with the other scales and the baseline. ` +
        `Baseline: the same edit as a rewrite of one lowdb file holding every highlight, with the same durable writer (${save.naive.count} saves).`;
      figures.push(
        figure({
          id: `save-p50-${save.scale.key}`,
          measurement: 'One durable save: p50',
          scale: save.scale.label,
          statistic: `${save.services.count} saves`,
          value: save.services.p50,
          unit: 'ms',
          baseline: { label: 'whole-notebook lowdb rewrite', value: save.naive.p50, unit: 'ms', estimated: false },
          method: saveMethod,
        }),
        figure({
          id: `save-p95-${save.scale.key}`,
          measurement: 'One durable save: p95',
          scale: save.scale.label,
          statistic: `${save.services.count} saves`,
          value: save.services.p95,
          unit: 'ms',
          ...(isLarge ? { target: { max: 20, unit: 'ms' as const } } : {}),
          baseline: { label: 'whole-notebook lowdb rewrite', value: save.naive.p95, unit: 'ms', estimated: false },
          method: 'As the row above.',
          detail: { 'slowest save ms': save.services.max },
        }),
      );
    }
    const fewest = saves[0];
    const most = saves[saves.length - 1];
    if (fewest && most) {
      figures.push(
        figure({
          id: 'save-p95-growth',
          measurement: `Save p95 with ${most.scale.highlights.toLocaleString('en-US')} highlights ÷ with ${fewest.scale.highlights}`,
          scale: `${most.scale.label} vs ${fewest.scale.label}`,
          statistic: 'ratio of the p95s above',
          value: most.services.p95 / fewest.services.p95,
          unit: '×',
          target: { max: 1.1, unit: '×' },
          baseline: { label: 'the same ratio for the whole-file rewrite', value: most.naive.p95 / fewest.naive.p95, unit: '×', estimated: false },
          method:
            '“No slower with 50,000 highlights than with 100”: the ratio of the two p95s, allowed 10% for the noise between two runs of 100 fsync’d saves on a shared machine.',
        }),
      );
    }

    const medium = opened.find((open) => open.scale.key === 'medium');
    if (medium) {
      const memo = await step('Memo export', () => measureMemoExport(medium));
      figures.push(
        figure({
          id: 'memo-export-500',
          measurement: `Export a memo with ${memo.citations} citations to Markdown`,
          scale: medium.scale.label,
          statistic: `median of ${memo.later.count} exports`,
          value: memo.later.p50,
          unit: 'ms',
          target: { max: 100, unit: 'ms' },
          method:
            'memos.exportMarkdown through dispatch on a memo (made with memos.create) citing 500 highlights picked at random over the notebook, five to a paragraph, one in ten as a block quote: resolving each citation against the current text, footnotes, Sources list, YAML front matter.',
          detail: { 'first export after opening ms': memo.firstMs, 'p95 ms': memo.later.p95, 'sources cited': memo.sources, 'Markdown KB': memo.bytes / 1000 },
        }),
      );
    }
  } finally {
    for (const open of opened) await closeScale(open);
  }

  const largeCold = coldStarts.find(({ scale }) => scale.key === 'large')?.cold.serverPeakRss ?? null;
  figures.push(
    figure({
      id: 'peak-memory-bench',
      measurement: 'Peak memory: the services with all three notebooks open',
      scale: 'all scales at once',
      statistic: 'peak RSS of the benchmark process',
      value: megabytes(process.resourceUsage().maxRSS * 1024),
      unit: 'MB',
      method: 'process.resourceUsage().maxRSS of the benchmark process, which held the three notebooks open through the services, the 100 MB one with its search index built.',
    }),
    figure({
      id: 'peak-memory-server-large',
      measurement: 'Peak memory: browser-mode server, cold start',
      scale: SCALES[SCALES.length - 1]?.label ?? 'large',
      statistic: 'peak RSS (VmHWM)',
      value: largeCold === null ? null : megabytes(largeCold),
      unit: 'MB',
      shown: 'not measurable here',
      method: 'The most memory (VmHWM in /proc/<pid>/status) any server of the cold-start runs held, up to the report shown.',
    }),
    figure({
      id: 'peak-memory-server-paint',
      measurement: 'Peak memory: browser-mode server, report with 5,000 highlights open',
      scale: 'report, 5,000 highlights',
      statistic: 'peak RSS (VmHWM)',
      value: paint.serverPeakRss === null ? null : megabytes(paint.serverPeakRss),
      unit: 'MB',
      shown: 'not measurable here',
      method: 'As the row above, for the servers of the paint runs, up to all highlights painted.',
    }),
  );

  const results: BenchResults = {
    date: new Date().toISOString(),
    node: process.version,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      platform: `${platform()} ${release()}`,
      chromium: chromiumVersion,
      loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    },
    durationSeconds: (performance.now() - started) / 1000,
    scales: notebooks.scaled.map(({ scale, seeded }) => ({
      key: scale.key,
      label: scale.label,
      sources: seeded.library.sources.length,
      megabytes: megabytes(seeded.library.bytes),
      highlights: seeded.total,
    })),
    figures,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const document = await readFile(DOC_FILE, 'utf8').catch(() => '# Benchmarks\n');
  await writeFile(DOC_FILE, replaceGenerated(document, resultsMarkdown(results)));
  await rm(join(BENCH_TMP, 'runs'), { recursive: true, force: true });
  say(`\n${resultsMarkdown(results)}\n\nWrote ${RESULTS_FILE} and the table in ${DOC_FILE}.`);
}
