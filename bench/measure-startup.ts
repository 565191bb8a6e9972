import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openNotebook } from '../src/services/open-notebook';
import type { AnchoredHighlight } from '../src/shared/api-contract';
import { BENCH_TMP } from './cached-folder';
import { reportOf } from './generated-library';
import { serverFor } from './measure-browser';
import { startServer } from './notebook-server';
import { watchSourceVisible } from './page-probes';
import { copyNotebook, type SeededNotebook } from './seeded-notebook';
import { timed } from './timing';

const WAIT_MS = 120_000;
/**
 * How long indexing every source may take before the search covers them all: a limit on waiting,
 * not a goal, and generous so that a machine shared with other work still gives the figure.
 */
const INDEXED_WAIT_MS = 600_000;

/** search.query's answer as the page receives it. */
interface SearchAnswer {
  readonly ok: boolean;
  readonly value?: { readonly total: number; readonly sources: readonly unknown[]; readonly pending?: readonly unknown[] };
}

export interface OpenAndList {
  /** Each run: from calling openNotebook to highlights.list of the report answered. */
  readonly runs: readonly number[];
  /** The report's highlights, as listed. */
  readonly highlights: number;
  readonly stored: number;
}

/**
 * Opens the notebook through the services (as either shell does) and lists the highlights of its
 * most highlighted source, the report, `runs` times on one copy of the notebook, closing it after
 * each (not timed: closing waits for the backup taken at start), as a person restarting would.
 */
export async function measureOpenAndList(notebook: SeededNotebook, runs: number): Promise<OpenAndList> {
  const report = reportOf(notebook.library);
  const dataDir = join(BENCH_TMP, 'runs', `open-and-list-${notebook.total}`);
  await copyNotebook(notebook, dataDir);
  const measured: number[] = [];
  let highlights = 0;
  for (let run = 0; run < runs; run++) {
    const opened = await timed(async () => {
      const opening = await openNotebook({ dataDir, resourcesDir: notebook.library.dir, shell: 'browser' });
      const listed = await opening.dispatch('highlights.list', { sourceId: report.id });
      return { opening, listed };
    });
    const { opening, listed } = opened.value;
    await opening.close();
    if (!listed.ok) throw new Error(`highlights.list failed: ${listed.error.message}`);
    highlights = (listed.value as AnchoredHighlight[]).length;
    measured.push(opened.ms);
  }
  return { runs: measured, highlights, stored: notebook.highlights.get(report.id)?.length ?? 0 };
}

export interface ServerMemory {
  /** The server's peak RSS (process tree) once the report was shown, and once a search had answered. */
  readonly shownBytes: number | null;
  readonly searchedBytes: number | null;
  /** What the search found, e.g. "2841 hits in 1000 sources". */
  readonly summary: string;
}

/**
 * Starts the browser-mode server on a copy of the notebook, opens the report, then searches every
 * source for "taliban" through the search box, as a person would, and reads the server's peak
 * memory after each.
 */
export async function measureServerMemory(browser: Browser, notebook: SeededNotebook): Promise<ServerMemory> {
  const serverScript = await serverFor(notebook.library);
  const report = reportOf(notebook.library);
  const dataDir = join(BENCH_TMP, 'runs', `memory-${notebook.total}`);
  await copyNotebook(notebook, dataDir);
  const server = await startServer(serverScript, dataDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(watchSourceVisible, report.title);
    await page.goto(`${server.url}#source=${report.id}`);
    await page.waitForFunction(() => window.__benchVisible?.visibleAt != null, null, { timeout: WAIT_MS, polling: 50 });
    const shownBytes = await server.peakRss();
    // The answer to this query covering every source: not one the panel sent before (an empty
    // query finds nothing), nor one given while the index was still being built (`pending`), in
    // which case the query is typed again.
    const isThisSearch = (body: string | null): boolean => body !== null && body.includes('"method":"search.query"') && body.includes('"taliban"');
    const box = page.getByRole('searchbox', { name: 'Search sources' });
    const until = Date.now() + INDEXED_WAIT_MS;
    let answer: SearchAnswer | null = null;
    while (answer?.value === undefined || answer.value.pending !== undefined) {
      if (Date.now() > until) throw new Error('The search for "taliban" did not cover every source within ten minutes.');
      const searched = page.waitForResponse((response) => response.ok() && isThisSearch(response.request().postData()), { timeout: WAIT_MS });
      await box.fill('');
      await box.fill('taliban');
      answer = (await (await searched).json()) as SearchAnswer;
      if (!answer.ok) throw new Error('The search for "taliban" failed.');
    }
    return { shownBytes, searchedBytes: await server.peakRss(), summary: `${answer.value.total} hits in ${answer.value.sources.length} sources` };
  } finally {
    await context.close();
    await server.stop();
  }
}
