import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, bench, describe } from 'vitest';
import { sourceId } from '../src/core/model/ids';
import type { SourceMeta } from '../src/core/model/source';
import { createSearchIndex, type SearchIndex } from '../src/core/search/search-index';
import type { SearchOptions } from '../src/core/search/search-types';
import { groupSeeds } from '../src/core/tags/seed-groups';
import { openNotebook, type Notebook } from '../src/services/open-notebook';
import { generateCorpus, type GeneratedSource } from './generate-corpus';
import { generatedSourceMeta } from './generated-library';
import { searchQueries } from './search-queries';
import { buildFlexSearch, buildMiniSearch, corpusPassages, ensurePeersInstalled, type PeerIndex, type QueryKind } from './search-peers';

// Index sizes are heap growth after a full collection, which needs the collector callable.
setFlagsFromString('--expose-gc');

/**
 * Search latency and index cost, on the bundled sources and on a generated corpus of about
 * BENCH_CORPUS_MB megabytes (default 100). Run: npx vitest bench --run bench/search.bench.ts
 *
 * Besides Vitest's own tables, it prints, per corpus, the build time, the median and p95 latency
 * of 50 single-term, 50 phrase and 50 prefix queries, the index's size per token and the
 * process's peak memory (resident set size, sampled after each step).
 *
 * Then the same through the services, as either shell calls them: search.query through dispatch
 * on a notebook opened over the corpus (written to a temporary resources folder), with queries as
 * a person types them (the last word a prefix, group names expanded to their aliases), plus the
 * first query (which loads and parses every source and builds the index), a query after
 * sources.replace, sources.twins and passages.related.
 *
 * And Notebook's index beside MiniSearch and FlexSearch on the generated corpus (search-peers.ts):
 * build time, heap, p50 and p95 of each kind of query, and their ratios to Notebook's.
 */

const CORPUS_MB = Number(process.env.BENCH_CORPUS_MB ?? 100);
/**
 * BENCH_SEARCH_PARTS=services (or index, peers; comma-separated) runs only those parts: the
 * services path at 100 MB alone takes minutes, the whole file much longer.
 */
const PARTS = new Set((process.env.BENCH_SEARCH_PARTS ?? 'index,peers,services').split(',').map((part) => part.trim()));
const QUERIES = 50;
const exact: SearchOptions = { prefixLastWord: false };

const directory = new URL('../resources/sources/', import.meta.url);
const bundled: GeneratedSource[] = readdirSync(directory)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => ({ id: file, text: readFileSync(new URL(file, directory), 'utf8') }));

let peakRss = 0;
const sampleMemory = (): NodeJS.MemoryUsage => {
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  return usage;
};
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const loadAverage = (): string => loadavg().map((load) => load.toFixed(2)).join(' ');

function build(sources: readonly GeneratedSource[]): SearchIndex {
  const index = createSearchIndex();
  for (const source of sources) index.addSource(sourceId(source.id), source.text);
  return index;
}

interface Latency {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** Median, p95 and max over the queries of a list. */
function summarize(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
}

/**
 * Each query is run ROUNDS times after a warm-up pass; a query's time is the median of its runs,
 * so that a moment when another process takes the (shared) CPU does not count as the query's.
 * CPU time (user + system of this process) is reported beside wall-clock time for the same reason.
 */
const ROUNDS = 5;
function latency(index: SearchIndex, queries: readonly string[]): { wall: Latency; cpu: Latency } {
  return latencyOf((query) => index.search(query, exact), queries);
}

function latencyOf(run: (query: string) => unknown, queries: readonly string[]): { wall: Latency; cpu: Latency } {
  for (const query of queries) run(query);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const query of queries) {
    const runs: [number, number][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      run(query);
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      runs.push([elapsed, (used.user + used.system) / 1000]);
    }
    wall.push(summarize(runs.map((run) => run[0])).median);
    cpu.push(summarize(runs.map((run) => run[1])).median);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

const queries = searchQueries(bundled.map((source) => source.text), QUERIES);

let generatedCorpus: GeneratedSource[] | null = null;
function generated(): GeneratedSource[] {
  if (generatedCorpus === null) {
    const start = performance.now();
    generatedCorpus = generateCorpus(
      bundled.map((source) => source.text),
      { seed: 42, totalChars: CORPUS_MB * 1e6, sourceChars: 100_000 },
    );
    console.log(`\ngenerated ${generatedCorpus.length} sources in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  return generatedCorpus;
}

function measure(label: string, sources: readonly GeneratedSource[]): SearchIndex {
  const chars = sources.reduce((sum, source) => sum + source.text.length, 0);
  const before = sampleMemory();
  const start = performance.now();
  const index = build(sources);
  const buildMs = performance.now() - start;
  const after = sampleMemory();
  const stats = index.stats();
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  const rows: Record<string, string>[] = [];
  const lists: [string, readonly string[]][] = [...Object.entries(queries), ['"the" (most frequent word)', ['the']]];
  for (const [kind, list] of lists) {
    const { wall, cpu } = latency(index, list);
    rows.push({ query: kind, median: ms(wall.median), p95: ms(wall.p95), max: ms(wall.max), 'cpu median': ms(cpu.median), 'cpu p95': ms(cpu.p95) });
  }
  // Incremental update: re-indexing one source should cost what indexing that source costs.
  const edited = sources[Math.floor(sources.length / 2)];
  const replaceTimes: number[] = [];
  for (let round = 0; round < ROUNDS && edited; round++) {
    const replaceStart = performance.now();
    index.replaceSource(sourceId(edited.id), round % 2 === 0 ? `${edited.text}\nAn added line.` : edited.text);
    replaceTimes.push(performance.now() - replaceStart);
  }
  sampleMemory();
  const { bytes } = stats;
  const indexBytes = bytes.postings + bytes.tokenTable + bytes.termLists + bytes.passages + bytes.dictionary;
  const perToken = (part: number): string => (part / stats.tokens).toFixed(2);
  console.log(
    [
      `\n=== ${label}: ${sources.length} sources, ${mb(chars)} of text, ${stats.tokens} tokens, ${stats.passages} passages, ${stats.terms} terms`,
      `build ${(buildMs / 1000).toFixed(2)} s (${(chars / 1e6 / (buildMs / 1000)).toFixed(1)} MB/s)`,
      `index ${mb(indexBytes)} = ${perToken(indexBytes)} bytes per token: postings ${perToken(bytes.postings)}, token table ${perToken(bytes.tokenTable)}, ` +
        `term lists ${perToken(bytes.termLists)}, passages ${perToken(bytes.passages)}, dictionary ~${perToken(bytes.dictionary)}`,
      `replace one source of ${((edited?.text.length ?? 0) / 1000).toFixed(0)} k characters: median ${summarize(replaceTimes).median.toFixed(1)} ms`,
      `heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, array buffers ${mb(before.arrayBuffers)} -> ${mb(after.arrayBuffers)}, ` +
        `rss ${mb(before.rss)} -> ${mb(after.rss)}, peak rss so far ${mb(peakRss)}`,
      `query latency over ${QUERIES} queries of each kind (load average ${loadAverage()}):`,
    ].join('\n'),
  );
  console.table(rows);
  return index;
}

/** Runs the queries of a list in turn, one per call. */
function cycling(index: SearchIndex, list: readonly string[]): () => void {
  let i = 0;
  return () => {
    index.search(list[i++ % list.length] ?? '', exact);
  };
}

if (PARTS.has('index')) describe('bundled sources', () => {
  const index = measure('bundled sources', bundled);
  bench('build index', () => {
    build(bundled);
  });
  bench('single-term query', cycling(index, queries.single));
  bench('phrase query', cycling(index, queries.phrase));
  bench('prefix query', cycling(index, queries.prefix));
});

if (PARTS.has('index')) describe(`generated corpus (~${CORPUS_MB} MB)`, () => {
  const index = measure(`generated corpus (~${CORPUS_MB} MB)`, generated());
  bench('single-term query', cycling(index, queries.single), { time: 2000 });
  bench('phrase query', cycling(index, queries.phrase), { time: 2000 });
  bench('prefix query', cycling(index, queries.prefix), { time: 2000 });
});

/** The heap (with array buffers) after a full collection. */
const collect = runInNewContext('gc') as () => void;
function heapAfterCollection(): number {
  collect();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

interface PeerFigures {
  readonly name: string;
  readonly buildMs: number;
  readonly heapBytes: number;
  readonly latency: Record<QueryKind, Latency>;
  /** Passages matched by the first query of each kind, to show the libraries found the same. */
  readonly matched: Record<QueryKind, number>;
}

const KINDS: readonly QueryKind[] = ['single', 'phrase', 'prefix'];

/** Builds one library's index over the corpus, times it and its queries, then lets it go. */
async function measurePeer(name: string, build: () => Promise<PeerIndex | SearchIndex>, search: (index: PeerIndex | SearchIndex, query: string, kind: QueryKind) => number): Promise<PeerFigures> {
  const before = heapAfterCollection();
  const start = performance.now();
  const index = await build();
  const buildMs = performance.now() - start;
  const heapBytes = heapAfterCollection() - before;
  const latencyByKind = {} as Record<QueryKind, Latency>;
  const matched = {} as Record<QueryKind, number>;
  for (const kind of KINDS) {
    latencyByKind[kind] = latencyOf((query) => search(index, query, kind), queries[kind]).wall;
    matched[kind] = search(index, queries[kind][0] ?? '', kind);
  }
  sampleMemory();
  return { name, buildMs, heapBytes, latency: latencyByKind, matched };
}

/**
 * Notebook's index, MiniSearch and FlexSearch side by side on the same passages and queries, one
 * at a time (each index is let go before the next is built), and the ratios of the others to
 * Notebook's: above 1, Notebook is faster or smaller. FlexSearch answers prefix queries only from
 * a "forward" index, so its prefix figures come from one, the others from its default ("strict").
 */
async function comparePeers(sources: readonly GeneratedSource[]): Promise<void> {
  ensurePeersInstalled();
  const passages = corpusPassages(sources);
  const notebook = await measurePeer(
    'Notebook',
    async () => build(sources),
    (index, query) => (index as SearchIndex).search(query, { ...exact, limit: 50 }).sources.reduce((sum, source) => sum + source.passageCount, 0),
  );
  const peerSearch = (index: PeerIndex | SearchIndex, query: string, kind: QueryKind): number => (index as PeerIndex).search(query, kind).length;
  const mini = await measurePeer('MiniSearch 7.2.0', () => buildMiniSearch(passages), peerSearch);
  const strict = await measurePeer('FlexSearch 0.8.212', () => buildFlexSearch(passages, 'strict'), peerSearch);
  const forward = await measurePeer('FlexSearch 0.8.212 (forward)', () => buildFlexSearch(passages, 'forward'), peerSearch);
  const flex: PeerFigures = { ...strict, latency: { ...strict.latency, prefix: forward.latency.prefix }, matched: { ...strict.matched, prefix: forward.matched.prefix } };
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  const rows = [notebook, mini, flex, forward].map((figures) => ({
    library: figures.name,
    build: `${(figures.buildMs / 1000).toFixed(1)} s`,
    heap: mb(figures.heapBytes),
    ...Object.fromEntries(KINDS.flatMap((kind) => [[`${kind} p50`, ms(figures.latency[kind].median)], [`${kind} p95`, ms(figures.latency[kind].p95)]])),
    'matched (1st query of each kind)': KINDS.map((kind) => figures.matched[kind]).join(' / '),
  }));
  const ratio = (peer: number, ours: number): string => `${(peer / ours).toFixed(1)}x`;
  const ratios = [mini, flex].map((peer) => ({
    'vs Notebook': peer.name,
    build: ratio(peer.buildMs, notebook.buildMs),
    heap: ratio(peer.heapBytes, notebook.heapBytes),
    ...Object.fromEntries(
      KINDS.flatMap((kind) => [
        [`${kind} p50`, ratio(peer.latency[kind].median, notebook.latency[kind].median)],
        [`${kind} p95`, ratio(peer.latency[kind].p95, notebook.latency[kind].p95)],
      ]),
    ),
  }));
  console.log(`\n=== search libraries side by side, ${passages.length} passages of ${sources.length} sources (load average ${loadAverage()}):`);
  console.table(rows);
  console.log('ratios, peer / Notebook (above 1: Notebook faster or smaller):');
  console.table(ratios);
}

if (PARTS.has('peers')) describe(`search libraries side by side (~${CORPUS_MB} MB)`, async () => {
  await comparePeers(generated());
});

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'notebook-search-bench-'));
  folders.push(folder);
  return folder;
}

/** A resources folder (manifest and files) holding the generated sources, as Markdown. */
async function writeLibrary(sources: readonly GeneratedSource[]): Promise<string> {
  const resourcesDir = await tempFolder();
  await mkdir(join(resourcesDir, 'sources'));
  const manifest: SourceMeta[] = [];
  for (const source of sources) {
    const file = `${source.id}.txt`;
    await writeFile(join(resourcesDir, 'sources', file), source.text);
    manifest.push(generatedSourceMeta(source, source.id, null));
  }
  await writeFile(join(resourcesDir, 'manifest.json'), JSON.stringify(manifest));
  return resourcesDir;
}

/** Queries as typed into the search box: the last word may be unfinished, and group names expand. */
const typed = {
  single: queries.single,
  phrase: queries.phrase,
  'unfinished last word': queries.single.map((term) => `taliban ${term.slice(0, 4)}`),
  'group names (aliases expanded)': Array.from({ length: QUERIES }, (_, i) => {
    const seed = groupSeeds[i % groupSeeds.length];
    const names = seed ? [seed.name, ...seed.aliases] : ['Taliban'];
    return names[Math.floor(i / groupSeeds.length) % names.length] ?? 'Taliban';
  }),
};

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

async function dispatched(notebook: Notebook, method: string, input: unknown): Promise<unknown> {
  const result = await notebook.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value;
}

/**
 * Median, p95 and max of 50 queries through dispatch, each the median of ROUNDS runs after a
 * warm-up pass; wall-clock and CPU time, as for the index alone.
 */
async function serviceLatency(notebook: Notebook, list: readonly string[]): Promise<{ wall: Latency; cpu: Latency }> {
  for (const query of list) await dispatched(notebook, 'search.query', { query });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const query of list) {
    const runs: [number, number][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const cpuStart = process.cpuUsage();
      const { ms } = await timed(() => dispatched(notebook, 'search.query', { query }));
      const used = process.cpuUsage(cpuStart);
      runs.push([ms, (used.user + used.system) / 1000]);
    }
    wall.push(summarize(runs.map((run) => run[0])).median);
    cpu.push(summarize(runs.map((run) => run[1])).median);
  }
  return { wall: summarize(wall), cpu: summarize(cpu) };
}

interface IndexStart {
  /** The first search.query: answers from what is indexed, naming the rest. */
  readonly first: { readonly ms: number; readonly pending: number };
  /** From the first query until a query names no source as pending. */
  readonly completeMs: number;
  /** The longest a cheap call (notebook.status, sent every PING_MS) waited meanwhile. */
  readonly longestStallMs: number;
}

const PING_MS = 10;
const pendingOf = (result: unknown): number => (result as { pending?: unknown[] }).pending?.length ?? 0;

/**
 * The first query of a notebook just opened, then queries until the index is complete, with a
 * cheap call pinging the thread that answers API calls all along to catch its longest stall.
 */
async function indexStart(notebook: Notebook): Promise<IndexStart> {
  let longestStallMs = 0;
  let pinging = true;
  const pings = (async () => {
    // The pings share the thread with the services, so a stall shows as a ping sent late: each
    // wait runs from when the ping was due (PING_MS after the last answer) to its answer.
    let due = performance.now();
    for (;;) {
      await dispatched(notebook, 'notebook.status', {});
      const answered = performance.now();
      longestStallMs = Math.max(longestStallMs, answered - due);
      due = answered + PING_MS;
      await new Promise((resolve) => setTimeout(resolve, PING_MS));
      // A stall that ends with the call shows only as this timer firing late.
      if (!pinging) {
        longestStallMs = Math.max(longestStallMs, performance.now() - due);
        break;
      }
    }
  })();
  const started = performance.now();
  const first = await timed(() => dispatched(notebook, 'search.query', { query: 'taliban' }));
  let pending = pendingOf(first.value);
  while (pending > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    pending = pendingOf(await dispatched(notebook, 'search.query', { query: 'taliban' }));
  }
  const completeMs = performance.now() - started;
  pinging = false;
  await pings;
  return { first: { ms: first.ms, pending: pendingOf(first.value) }, completeMs, longestStallMs };
}

async function measureServices(label: string, resourcesDir: string): Promise<Notebook> {
  const dataDir = await tempFolder();
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  const fresh = await openNotebook({ dataDir, resourcesDir, shell: 'browser' });
  const built = await indexStart(fresh);
  await fresh.close();
  // Opened again: the index saved by the first run is loaded at start, in the worker.
  const opened = await timed(() => openNotebook({ dataDir, resourcesDir, shell: 'browser' }));
  const notebook = opened.value;
  const loaded = await indexStart(notebook);
  const warm = await timed(() => dispatched(notebook, 'search.query', { query: 'taliban' }));
  const rows: Record<string, string>[] = [];
  for (const [kind, list] of Object.entries(typed)) {
    const { wall, cpu } = await serviceLatency(notebook, list);
    rows.push({ query: kind, median: ms(wall.median), p95: ms(wall.p95), max: ms(wall.max), 'cpu median': ms(cpu.median), 'cpu p95': ms(cpu.p95) });
  }
  const sources = (await dispatched(notebook, 'sources.list', {})) as { id: string }[];
  const edited = sources[Math.floor(sources.length / 2)]?.id ?? '';
  const { text } = (await dispatched(notebook, 'sources.get', { sourceId: edited })) as { text: string };
  await dispatched(notebook, 'sources.replace', { sourceId: edited, text: `${text}\n\nAn added paragraph.` });
  const afterReplace = await timed(() => dispatched(notebook, 'search.query', { query: 'taliban' }));
  const twins = await timed(() => dispatched(notebook, 'sources.twins', {}));
  const partners = await timed(() => dispatched(notebook, 'sources.twins', { sourceId: edited }));
  const start = text.indexOf('Taliban');
  const related = await timed(() => dispatched(notebook, 'passages.related', { sourceId: edited, start: Math.max(0, start), end: Math.max(0, start) + 200 }));
  const relatedAgain = await timed(() => dispatched(notebook, 'passages.related', { sourceId: edited, start: Math.max(0, start), end: Math.max(0, start) + 200 }));
  sampleMemory();
  console.log(
    [
      `\n=== through the services, ${label}: ${sources.length} sources`,
      `new notebook: first search.query ${ms(built.first.ms)} (${built.first.pending} sources not indexed yet); index complete after ${(built.completeMs / 1000).toFixed(2)} s; ` +
        `longest wait of a ${PING_MS} ms ping meanwhile ${ms(built.longestStallMs)}`,
      `opened again (index saved): open ${ms(opened.ms)}, first search.query ${ms(loaded.first.ms)} (${loaded.first.pending} sources not loaded yet); ` +
        `index complete after ${(loaded.completeMs / 1000).toFixed(2)} s; longest ping wait ${ms(loaded.longestStallMs)}; ` +
        `a warm search.query ${ms(warm.ms)}: first / warm ${(loaded.first.ms / warm.ms).toFixed(1)}x`,
      `search.query after sources.replace of one source (re-indexes it): ${ms(afterReplace.ms)}`,
      `sources.twins, first call (reads every source for its fingerprint): ${ms(twins.ms)} (${(twins.value as unknown[]).length} pairs of twins); ` +
        `for one source: ${ms(partners.ms)} (${(partners.value as unknown[]).length} pairs)`,
      `passages.related, first call (builds its index): ${ms(related.ms)}; again: ${ms(relatedAgain.ms)}`,
      `peak rss so far ${mb(peakRss)}; search.query latency over ${QUERIES} queries of each kind (load average ${loadAverage()}):`,
    ].join('\n'),
  );
  console.table(rows);
  return notebook;
}

/** Runs the queries of a list through dispatch in turn, one per call. */
function cyclingThroughServices(notebook: Notebook, list: readonly string[]): () => Promise<void> {
  let i = 0;
  return async () => {
    await dispatched(notebook, 'search.query', { query: list[i++ % list.length] ?? '' });
  };
}

if (PARTS.has('services')) describe('services path: bundled sources', async () => {
  const notebook = await measureServices('bundled sources', fileURLToPath(new URL('../resources/', import.meta.url)));
  bench('search.query, single term', cyclingThroughServices(notebook, typed.single));
  bench('search.query, group names', cyclingThroughServices(notebook, typed['group names (aliases expanded)']));
  afterAll(() => notebook.close());
});

if (PARTS.has('services')) describe(`services path: generated corpus (~${CORPUS_MB} MB)`, async () => {
  const notebook = await measureServices(`generated corpus (~${CORPUS_MB} MB)`, await writeLibrary(generated()));
  bench('search.query, single term', cyclingThroughServices(notebook, typed.single), { time: 2000 });
  bench('search.query, group names', cyclingThroughServices(notebook, typed['group names (aliases expanded)']), { time: 2000 });
  afterAll(() => notebook.close());
});
