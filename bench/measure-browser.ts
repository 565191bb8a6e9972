import { cp, mkdir, rm, symlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { BENCH_TMP } from './cached-folder';
import { BUNDLED_RESOURCES, reportOf, type Library } from './generated-library';
import { startServer } from './notebook-server';
import { paintedOffsets, paintSettled, watchApiCalls, watchHighlightPainting, watchSourceVisible, wrapHighlightsInMarks, type ApiCall, type LongTask, type WrapResult } from './page-probes';
import { copyNotebook, type SeededNotebook } from './seeded-notebook';

/**
 * The build measured: the repository's out/, or the copy NOTEBOOK_BENCH_OUT names (with the
 * bundled `resources` beside it), for a machine where out/ may be rebuilt while the benchmarks run.
 */
const REPO_OUT = process.env['NOTEBOOK_BENCH_OUT'] ?? fileURLToPath(new URL('../out/', import.meta.url));
const WAIT_MS = 120_000;

/**
 * The built server for a library. The server reads the `resources/` folder beside its `out/`, so
 * for a generated library the build is copied to bench/tmp/apps/<library>/ with `resources`
 * linked to the library: the same code, installed with a larger library.
 */
export async function serverFor(library: Library): Promise<string> {
  if (library.dir === BUNDLED_RESOURCES) return join(REPO_OUT, 'main', 'server.js');
  const root = join(BENCH_TMP, 'apps', basename(library.dir));
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(REPO_OUT, join(root, 'out'), { recursive: true });
  await symlink(library.dir, join(root, 'resources'), 'dir');
  return join(root, 'out', 'main', 'server.js');
}

const longest = (tasks: readonly LongTask[], from: number, to: number): number | null =>
  tasks.filter((t) => t.start < to && t.start + t.duration > from).reduce<number | null>((most, t) => Math.max(most ?? 0, t.duration), null);

const answered = (calls: readonly ApiCall[], method: string): number | null =>
  calls.filter((call) => call.method === method).reduce<number | null>((last, call) => Math.max(last ?? 0, call.end), null);

async function jsHeapUsed(page: Page): Promise<number | null> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
}

export interface ColdStartRun {
  /** From spawning the server to the frame showing the report's title and text. */
  readonly visibleMs: number;
  /** From spawning the server to its ready line. */
  readonly readyMs: number;
  /** From spawning the server to the answers to sources.list and sources.get beginning to arrive. */
  readonly sourcesListedMs: number | null;
  readonly sourceAnsweredMs: number | null;
}

export interface ColdStart {
  readonly runs: readonly ColdStartRun[];
  /** The most memory any of the servers held. */
  readonly serverPeakRss: number | null;
}

/**
 * Starts the browser-mode server on a copy of the notebook, opens its address (with the report in
 * the reader) in a new browser context as soon as it is ready, and times the start up to the
 * frame showing the report; `runs` times on the same data directory, as a person restarting
 * Notebook would (each session leaves its small changes, e.g. the pane layout, for the next
 * start's backup). Chromium is already running, as a person's browser would be.
 */
export async function measureColdStart(browser: Browser, notebook: SeededNotebook, runs: number): Promise<ColdStart> {
  const serverScript = await serverFor(notebook.library);
  const report = reportOf(notebook.library);
  const measured: ColdStartRun[] = [];
  let serverPeakRss: number | null = null;
  const dataDir = join(BENCH_TMP, 'runs', `cold-start-${basename(dirname(notebook.template))}`);
  await copyNotebook(notebook, dataDir);
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(watchApiCalls);
        await page.addInitScript(watchSourceVisible, report.title);
        const server = await startServer(serverScript, dataDir);
        try {
          await page.goto(`${server.url}#source=${report.id}`);
          await page.waitForFunction(() => window.__benchVisible?.visibleAt != null, null, { timeout: WAIT_MS, polling: 50 });
          const visibleAt = (await page.evaluate(() => window.__benchVisible?.visibleAt)) ?? NaN;
          const api = await page.evaluate(() => window.__benchApi);
          const sinceSpawn = (method: string): number | null => {
            const at = api ? answered(api.calls, method) : null;
            return api && at !== null ? api.timeOrigin + at - server.spawnedAt : null;
          };
          measured.push({
            visibleMs: visibleAt - server.spawnedAt,
            readyMs: server.readyAt - server.spawnedAt,
            sourcesListedMs: sinceSpawn('sources.list'),
            sourceAnsweredMs: sinceSpawn('sources.get'),
          });
          serverPeakRss = Math.max(serverPeakRss ?? 0, (await server.peakRss()) ?? 0) || null;
        } finally {
          await server.stop();
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return { runs: measured, serverPeakRss };
}

export interface PaintRun {
  /** From navigation to the frame drawing the last highlight. */
  readonly openMs: number;
  /** From the first highlight range registered to the frame drawing the last. */
  readonly paintMs: number;
  /** When the first highlight range was registered (ms since navigation). */
  readonly firstRangeMs: number;
  /** When the answers to sources.get and highlights.list began to arrive (ms since navigation). */
  readonly sourceAnsweredMs: number | null;
  readonly highlightsAnsweredMs: number | null;
  /** Ranges added or removed on the way (5,000 if each was registered once). */
  readonly rangeChanges: number;
  /** The painter's longest uninterrupted stretch of range registrations, and all of them together (see PaintProbe). */
  readonly longestBurstMs: number;
  readonly painterBusyMs: number;
  /** The longest task reported (over 50 ms) from navigation to painted, and overlapping the painting. */
  readonly longestTaskMs: number | null;
  readonly longestPaintTaskMs: number | null;
  readonly jsHeapBytes: number | null;
  readonly wrap: WrapResult;
}

export interface Paint {
  readonly runs: readonly PaintRun[];
  readonly serverPeakRss: number | null;
}

/**
 * Opens the report of a notebook whose highlights are all on it, on a server started for each
 * run, and times the painting. Then the naive baseline: the same highlights wrapped in <mark>
 * elements, on the same text shown by a notebook without highlights (see wrapHighlightsInMarks).
 */
export async function measurePaint(browser: Browser, notebook: SeededNotebook, runs: number): Promise<Paint> {
  const serverScript = await serverFor(notebook.library);
  const report = reportOf(notebook.library);
  const expected = notebook.highlights.get(report.id)?.length ?? 0;
  const measured: PaintRun[] = [];
  let serverPeakRss: number | null = null;
  const plainDir = join(BENCH_TMP, 'runs', 'paint-baseline');
  await rm(plainDir, { recursive: true, force: true });
  const plain = await startServer(serverScript, plainDir);
  try {
    for (let run = 0; run < runs; run++) {
      const dataDir = join(BENCH_TMP, 'runs', `paint-${run}`);
      await copyNotebook(notebook, dataDir);
      const server = await startServer(serverScript, dataDir);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.addInitScript(watchApiCalls);
        await page.addInitScript(watchHighlightPainting);
        await page.goto(`${server.url}#source=${report.id}`);
        await page.waitForFunction(paintSettled, expected, { timeout: WAIT_MS, polling: 200 });
        const probe = await page.evaluate(() => window.__benchPaint);
        const calls = (await page.evaluate(() => window.__benchApi?.calls)) ?? [];
        if (!probe || probe.painted === null || probe.firstChange === null) throw new Error('The page recorded no highlight painting.');
        const jsHeapBytes = await jsHeapUsed(page);
        serverPeakRss = Math.max(serverPeakRss ?? 0, (await server.peakRss()) ?? 0) || null;
        const painted = await page.evaluate(paintedOffsets);
        await page.close();

        const plainPage = await context.newPage();
        await plainPage.goto(`${plain.url}#source=${report.id}`);
        await plainPage.locator('article.reader[aria-busy="false"] .source-body [data-start]').first().waitFor({ timeout: WAIT_MS });
        const wrap = await plainPage.evaluate(wrapHighlightsInMarks, painted);
        if (wrap.highlights !== expected) throw new Error(`The baseline wrapped ${wrap.highlights} highlights where ${expected} were painted.`);
        measured.push({
          openMs: probe.painted,
          paintMs: probe.painted - probe.firstChange,
          firstRangeMs: probe.firstChange,
          sourceAnsweredMs: answered(calls, 'sources.get'),
          highlightsAnsweredMs: answered(calls, 'highlights.list'),
          rangeChanges: probe.changes,
          longestBurstMs: probe.longestBurst,
          painterBusyMs: probe.busy,
          longestTaskMs: longest(probe.longTasks, 0, probe.painted),
          longestPaintTaskMs: longest(probe.longTasks, probe.firstChange, probe.painted),
          jsHeapBytes,
          wrap,
        });
      } finally {
        await context.close();
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await plain.stop();
    await rm(plainDir, { recursive: true, force: true });
  }
  return { runs: measured, serverPeakRss };
}
