import { readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../tests/e2e/chromium';
import { anchoringFigures } from './anchoring-figures';
import { megabytes, replaceGenerated, resultsMarkdown, type BenchResults, type Figure } from './bench-report';
import { measureOpenAndList, measureServerMemory } from './measure-startup';
import { coldStartRatioFigure, openAndListFigure, serverMemoryFigure } from './startup-figures';
import { coldStartFigure, paintFigures } from './browser-figures';
import { BENCH_TMP } from './cached-folder';
import { BUNDLED_RESOURCES, libraryFor, reportOf } from './generated-library';
import { measureAnchoring } from './measure-anchoring';
import { measureImports } from './measure-import';
import { measureColdStart, measurePaint, type ColdStart } from './measure-browser';
import { closeScale, measureMemoExport, measureSaves, measureSearch, openScale, type OpenScale } from './measure-notebooks';
import { memoExportFigure, memoryFigures, saveFigures, searchFigures } from './notebook-figures';
import { SCALES, type Scale } from './scales';
import { searchQueries } from './search-queries';
import { seededNotebook, zipfShares, type SeededNotebook } from './seeded-notebook';

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));
const DOC_FILE = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const COLD_START_RUNS = 5;
const PAINT_RUNS = 5;
const QUERIES = 50;
const REPORT_HIGHLIGHTS = 5_000;
const OPEN_AND_LIST_RUNS = 5;

const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  say(`- ${label}...`);
  const value = await work();
  say(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s (load average ${loadavg()[0]?.toFixed(1)})`);
  return value;
}

interface BenchData {
  readonly scaled: readonly { readonly scale: Scale; readonly seeded: SeededNotebook }[];
  /** The bundled library with REPORT_HIGHLIGHTS highlights, all on the report. */
  readonly onReport: SeededNotebook;
}

async function scaledData(): Promise<BenchData['scaled']> {
  const scaled: { scale: Scale; seeded: SeededNotebook }[] = [];
  for (const scale of SCALES) {
    const library = await libraryFor(scale);
    scaled.push({ scale, seeded: await seededNotebook(`scale-${scale.key}`, library, zipfShares(scale.highlights, library.sources.length)) });
  }
  return scaled;
}

function scaledSummary(scaled: BenchData['scaled']): BenchResults['scales'] {
  return scaled.map(({ scale, seeded }) => ({
    key: scale.key,
    label: scale.label,
    sources: seeded.library.sources.length,
    megabytes: megabytes(seeded.library.bytes),
    highlights: seeded.total,
  }));
}

async function benchData(): Promise<BenchData> {
  const scaled = await scaledData();
  const bundled = scaled.find(({ seeded }) => seeded.library.dir === BUNDLED_RESOURCES)?.seeded.library;
  if (!bundled) throw new Error('One scale must be the bundled library.');
  const report = reportOf(bundled);
  const onReport = await seededNotebook(`report-${REPORT_HIGHLIGHTS}`, bundled, bundled.sources.map((meta) => (meta.id === report.id ? REPORT_HIGHLIGHTS : 0)));
  return { scaled, onReport };
}

/**
 * The start-up figures (`npm run bench -- --only startup` runs just these): cold starts at every
 * scale and their growth, the largest server's memory after a search, and opening the largest
 * notebook through the services to list one source's highlights.
 */
async function startupFigures(browser: Browser, scaled: BenchData['scaled']): Promise<{ figures: Figure[]; coldStarts: Map<Scale, ColdStart> }> {
  const coldStarts = new Map<Scale, ColdStart>();
  for (const { scale, seeded } of scaled) {
    const cold = await step(`Cold start, ${scale.label}`, () => measureColdStart(browser, seeded, COLD_START_RUNS));
    say(`  to the report visible: ${cold.runs.map((run) => Math.round(run.visibleMs)).join(', ')} ms`);
    coldStarts.set(scale, cold);
  }
  const figures = [...coldStarts].map(([scale, cold]) => coldStartFigure(scale, cold));
  const smallest = scaled[0];
  const largest = scaled[scaled.length - 1];
  if (!smallest || !largest) throw new Error('There are no scales to measure.');
  const smallestCold = coldStarts.get(smallest.scale);
  const largestCold = coldStarts.get(largest.scale);
  if (smallestCold && largestCold && smallest !== largest) figures.push(coldStartRatioFigure(smallest.scale, smallestCold, largest.scale, largestCold));
  const memory = await step(`Server memory after a search, ${largest.scale.label}`, () => measureServerMemory(browser, largest.seeded));
  figures.push(serverMemoryFigure(largest.scale, memory));
  const opened = await step(`Opening the notebook and listing the report’s highlights, ${largest.scale.label}`, () => measureOpenAndList(largest.seeded, OPEN_AND_LIST_RUNS));
  figures.push(openAndListFigure(largest.scale, opened));
  return { figures, coldStarts };
}

/** The start-up figures, then opening the report with its highlights: Chromium against the built server. */
async function browserFigures(data: BenchData): Promise<{ figures: Figure[]; coldStarts: Map<Scale, ColdStart>; chromium: string }> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const startup = await startupFigures(browser, data.scaled);
    const count = REPORT_HIGHLIGHTS.toLocaleString('en-US');
    const paint = await step(`Opening the report with ${count} highlights, and the <mark> baseline`, () => measurePaint(browser, data.onReport, PAINT_RUNS));
    return { figures: [...startup.figures, ...paintFigures(paint, REPORT_HIGHLIGHTS)], coldStarts: startup.coldStarts, chromium: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
  }
}

/** The machine the figures were taken on, as results.json and the table's heading describe it. */
function machine(chromiumVersion: string, loadAtStart: number): BenchResults['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    chromium: chromiumVersion,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
  };
}

/**
 * `npm run bench -- --only startup`: only the start-up figures, printed as the full run's table;
 * bench/results.json and docs/benchmarks.md are left as the last full run wrote them.
 */
async function runStartupBenchmarks(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const scaled = await step('Libraries and notebooks (generated on the first run, then reused from bench/tmp)', scaledData);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const { figures } = await startupFigures(browser, scaled);
    const results: BenchResults = {
      date: new Date().toISOString(),
      node: process.version,
      machine: machine(`Chromium ${browser.version()}`, loadAtStart),
      durationSeconds: (performance.now() - started) / 1000,
      scales: scaledSummary(scaled),
      figures,
    };
    say(`\n${resultsMarkdown(results)}\n\nStart-up figures only: ${RESULTS_FILE} and ${DOC_FILE} were left as the last full run wrote them.`);
  } finally {
    await browser.close();
    await rm(join(BENCH_TMP, 'runs'), { recursive: true, force: true });
  }
}

/** The benchmark groups `--only` can name. */
export const BENCHMARK_GROUPS = ['startup'] as const;
export type BenchmarkGroup = (typeof BENCHMARK_GROUPS)[number];

/** Search, saves and memo export through the services, with every scale's notebook open at once. */
async function servicesFigures(data: BenchData): Promise<Figure[]> {
  const bundledTexts = await Promise.all(data.onReport.library.sources.map((meta) => readFile(join(BUNDLED_RESOURCES, 'sources', meta.file), 'utf8')));
  const queries = searchQueries(bundledTexts, QUERIES);
  const figures: Figure[] = [];
  const opened: OpenScale[] = [];
  try {
    for (const { scale, seeded } of data.scaled) opened.push(await step(`Opening the notebook through the services, ${scale.label}`, () => openScale(scale, seeded)));
    for (const open of opened) figures.push(...searchFigures(open, await step(`Search, ${open.scale.label}`, () => measureSearch(open, queries))));
    figures.push(...saveFigures(await step('Durable saves at every scale in turn, and the naive whole-file rewrite', () => measureSaves(opened))));
    const medium = opened.find((open) => open.scale.key === 'medium');
    if (medium) figures.push(memoExportFigure(medium.scale, await step('Memo export', () => measureMemoExport(medium))));
  } finally {
    for (const open of opened) await closeScale(open);
  }
  return figures;
}

/**
 * Every measurement of `npm run bench`, in order: the data (generated once, then reused from
 * bench/tmp/), anchoring, the browser measurements against the built server, then the services at
 * each scale. Writes bench/results.json and the generated part of docs/benchmarks.md.
 */
export async function runBenchmarks(only: BenchmarkGroup | null = null): Promise<void> {
  if (only === 'startup') return runStartupBenchmarks();
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const data = await step('Libraries and notebooks (generated on the first run, then reused from bench/tmp)', benchData);
  const anchoring = anchoringFigures(await step('Anchoring on the report', measureAnchoring));
  const browser = await browserFigures(data);
  const services = await servicesFigures(data);
  const imports = await step('Importing a 100-page PDF and a 5 MB Word document, pinging the API meanwhile', measureImports);
  const largest = data.scaled[data.scaled.length - 1]?.scale ?? SCALES[0];
  if (!largest) throw new Error('There are no scales to measure.');
  const memory = memoryFigures({
    benchBytes: process.resourceUsage().maxRSS * 1024,
    largest,
    largestServerBytes: browser.coldStarts.get(largest)?.serverPeakRss ?? null,
  });

  const results: BenchResults = {
    date: new Date().toISOString(),
    node: process.version,
    machine: machine(browser.chromium, loadAtStart),
    durationSeconds: (performance.now() - started) / 1000,
    scales: scaledSummary(data.scaled),
    figures: [...anchoring, ...browser.figures, ...services, ...imports, ...memory],
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const document = await readFile(DOC_FILE, 'utf8').catch(() => '# Benchmarks\n');
  await writeFile(DOC_FILE, replaceGenerated(document, resultsMarkdown(results)));
  await rm(join(BENCH_TMP, 'runs'), { recursive: true, force: true });
  say(`\n${resultsMarkdown(results)}\n\nWrote ${RESULTS_FILE} and the table in ${DOC_FILE}.`);
}
