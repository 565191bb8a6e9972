import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Highlight } from '../src/core/model/highlight';
import type { SourceId } from '../src/core/model/ids';
import { CITATION_NODE, type Memo, type MemoNode } from '../src/core/model/memo';
import type { SearchResult } from '../src/core/search/search-types';
import { highlightsFileKind, type HighlightsFile } from '../src/services/highlights/highlights-file';
import { openNotebook, type Notebook } from '../src/services/open-notebook';
import { JsonDocument } from '../src/services/store/json-document';
import { nodeStoreFs } from '../src/services/store/store-fs';
import type { ExportFile, NotebookStatus } from '../src/shared/api-contract';
import { seededRandom } from '../tests/support/seeded-random';
import { BENCH_TMP } from './cached-folder';
import { median, spread, type Spread } from './percentiles';
import type { Scale } from './scales';
import type { SearchQueries } from './search-queries';
import { copyNotebook, type SeededNotebook } from './seeded-notebook';
import { timed } from './timing';

/** A notebook of each scale, opened through the services as either shell opens it. */
export interface OpenScale {
  readonly scale: Scale;
  readonly seeded: SeededNotebook;
  readonly notebook: Notebook;
  readonly openMs: number;
}

async function call<T>(notebook: Notebook, method: string, input: unknown): Promise<T> {
  const result = await notebook.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

const runDir = (name: string): string => join(BENCH_TMP, 'runs', name);

export async function openScale(scale: Scale, seeded: SeededNotebook): Promise<OpenScale> {
  const dataDir = runDir(`node-${scale.key}`);
  await copyNotebook(seeded, dataDir);
  const opened = await timed(() => openNotebook({ dataDir, resourcesDir: seeded.library.dir, shell: 'browser' }));
  const { notices } = await call<NotebookStatus>(opened.value, 'notebook.status', {});
  if (notices.length > 0) {
    await opened.value.close();
    throw new Error(`The ${scale.label} notebook opened with notices, so it is not the notebook meant: ${notices.map((n) => n.message).join(' ')} Delete bench/tmp/notebooks/ to make it again.`);
  }
  return { scale, seeded, notebook: opened.value, openMs: opened.ms };
}

export async function closeScale(open: OpenScale): Promise<void> {
  await open.notebook.close();
  await rm(open.notebook.dataDir, { recursive: true, force: true });
}

export interface SearchLatency {
  /** The first query: reads and parses every source and builds the index. */
  readonly firstMs: number;
  readonly single: Spread;
  readonly singleCpu: Spread;
  readonly phrase: Spread;
  /** Resident memory of this process once the index is built. */
  readonly rssBytes: number;
}

const ROUNDS = 5;

/**
 * search.query through dispatch, as the reader's search box sends it. Each query runs once to
 * warm up, then ROUNDS times; its time is the median of those, so a moment when another process
 * has the (shared) CPU is not taken for the query's own. p50 and p95 are over the queries.
 */
export async function measureSearch(open: OpenScale, queries: SearchQueries): Promise<SearchLatency> {
  const { notebook } = open;
  const first = await timed(() => call<SearchResult>(notebook, 'search.query', { query: 'taliban' }));
  // Search answers while its worker is still indexing (saying which sources are pending): the
  // latencies below are those of the whole index, so wait for it to be complete.
  let answer = first.value;
  const giveUp = Date.now() + 10 * 60_000;
  while ((answer.pending?.length ?? 0) > 0 && Date.now() < giveUp) {
    await new Promise((done) => setTimeout(done, 100));
    answer = await call<SearchResult>(notebook, 'search.query', { query: 'taliban' });
  }
  if (answer.total === 0) throw new Error(`Searching ${open.scale.label} for "taliban" found nothing.`);
  const latencies = async (list: readonly string[]) => {
    for (const query of list) await call(notebook, 'search.query', { query });
    const wall: number[] = [];
    const cpu: number[] = [];
    for (const query of list) {
      const runs = [];
      for (let round = 0; round < ROUNDS; round++) runs.push(await timed(() => call(notebook, 'search.query', { query })));
      wall.push(median(runs.map((run) => run.ms)));
      cpu.push(median(runs.map((run) => run.cpuMs)));
    }
    return { wall: spread(wall), cpu: spread(cpu) };
  };
  const single = await latencies(queries.single);
  const phrase = await latencies(queries.phrase);
  return { firstMs: first.ms, single: single.wall, singleCpu: single.cpu, phrase: phrase.wall, rssBytes: process.memoryUsage().rss };
}

export interface SaveLatency {
  readonly scale: Scale;
  /** highlights.update through dispatch: the comment of a highlight on the report, until durable. */
  readonly services: Spread;
  /** The same edit as a rewrite of one lowdb file holding every highlight of the notebook. */
  readonly naive: Spread;
}

const SAVE_ROUNDS = 100;
const NAIVE_ROUNDS = 20;
const WARM_UP = 5;

/** The most heavily highlighted source's highlights: the largest bucket files, the dearest save. */
function busiestSource(seeded: SeededNotebook): readonly Highlight[] {
  return [...seeded.highlights.values()].reduce((most, list) => (list.length > most.length ? list : most), [] as readonly Highlight[]);
}

/**
 * One durable save at every scale, and the naive whole-notebook rewrite, taken in turns (a save
 * of each, round after round) so that a busy spell on the shared machine falls on all of them.
 */
export async function measureSaves(opened: readonly OpenScale[]): Promise<SaveLatency[]> {
  const naiveFiles: JsonDocument<HighlightsFile>[] = [];
  for (const { scale, seeded } of opened) {
    const dataDir = runDir(`naive-${scale.key}`);
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const file = await JsonDocument.open({
      fs: nodeStoreFs,
      dataDir,
      path: join(dataDir, 'notebook.json'),
      kind: highlightsFileKind,
      now: () => new Date(),
      onNotice: (notice) => {
        throw new Error(notice.message);
      },
    });
    await file.update((data) => ({ ...data, highlights: [...seeded.highlights.values()].flat() }));
    naiveFiles.push(file);
  }
  const services: number[][] = opened.map(() => []);
  const naive: number[][] = opened.map(() => []);
  const targets = opened.map(({ seeded }) => busiestSource(seeded));
  for (let round = -WARM_UP; round < SAVE_ROUNDS; round++) {
    for (const [i, { notebook }] of opened.entries()) {
      const list = targets[i] ?? [];
      const target = list[((round % list.length) + list.length) % list.length];
      if (!target) throw new Error('A benchmark notebook has no highlight to edit.');
      const comment = `Edited in round ${round}.`;
      const saved = await timed(() => call(notebook, 'highlights.update', { highlightId: target.id, comment }));
      if (round >= 0) services[i]?.push(saved.ms);
      if (round >= NAIVE_ROUNDS) continue;
      const file = naiveFiles[i];
      const rewritten = await timed(() =>
        file?.update((data) => ({ ...data, highlights: data.highlights.map((h) => (h.id === target.id ? { ...h, comment, modified: new Date().toISOString() } : h)) })),
      );
      if (round >= 0) naive[i]?.push(rewritten.ms);
    }
  }
  for (const { scale } of opened) await rm(runDir(`naive-${scale.key}`), { recursive: true, force: true });
  return opened.map(({ scale }, i) => ({ scale, services: spread(services[i] ?? []), naive: spread(naive[i] ?? []) }));
}

export interface MemoExport {
  readonly citations: number;
  readonly sources: number;
  /** The first export after opening (which places the cited highlights), then the following ones. */
  readonly firstMs: number;
  readonly later: Spread;
  readonly bytes: number;
}

const CITATIONS = 500;
const EXPORTS = 20;
const PER_PARAGRAPH = 5;

/**
 * A memo citing 500 highlights picked at random over the notebook, in source and text order,
 * five to a paragraph, one in ten shown as a block quote; exported to Markdown through dispatch.
 */
export async function measureMemoExport(open: OpenScale): Promise<MemoExport> {
  const all = [...open.seeded.highlights.values()].flat();
  const random = seededRandom(500);
  const chosen = new Set<Highlight>();
  while (chosen.size < Math.min(CITATIONS, all.length)) chosen.add(random.pick(all));
  const order = new Map(open.seeded.library.sources.map((meta, i) => [meta.id, i]));
  const cited = [...chosen].sort(
    (a, b) => (order.get(a.target.sourceId) ?? 0) - (order.get(b.target.sourceId) ?? 0) || a.target.position.start - b.target.position.start,
  );
  const paragraphs: MemoNode[] = [];
  for (let at = 0; at < cited.length; at += PER_PARAGRAPH) {
    const content: MemoNode[] = [{ type: 'text', text: `Finding ${at / PER_PARAGRAPH + 1}: the sources agree on this point ` }];
    for (const [i, highlight] of cited.slice(at, at + PER_PARAGRAPH).entries()) {
      const display = (at + i) % 10 === 9 ? 'block' : 'inline';
      content.push({ type: CITATION_NODE, attrs: { highlightId: highlight.id, display, quote: highlight.target.quote.exact, sourceId: highlight.target.sourceId } });
      content.push({ type: 'text', text: i === PER_PARAGRAPH - 1 ? '.' : ', and ' });
    }
    paragraphs.push({ type: 'paragraph', content });
  }
  const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Findings' }] }, ...paragraphs] };
  const memo = await call<Memo>(open.notebook, 'memos.create', { title: `Benchmark memo: ${cited.length} citations`, doc });
  const exportOnce = async () => {
    const run = await timed(() => call<ExportFile>(open.notebook, 'memos.exportMarkdown', { memoId: memo.id }));
    if (!run.value.content.includes(`[^${cited.length}]:`)) throw new Error(`The exported memo does not hold ${cited.length} footnotes.`);
    return run;
  };
  const first = await exportOnce();
  const later: number[] = [];
  for (let i = 0; i < EXPORTS; i++) later.push((await exportOnce()).ms);
  return {
    citations: cited.length,
    sources: new Set<SourceId>(cited.map((h) => h.target.sourceId)).size,
    firstMs: first.ms,
    later: spread(later),
    bytes: Buffer.byteLength(first.value.content),
  };
}
