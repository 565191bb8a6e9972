import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, bench, describe } from 'vitest';
import { describeRange } from '../src/core/anchoring/describe-range';
import type { Highlight } from '../src/core/model/highlight';
import { highlightId, sourceId, textHash, type SourceId } from '../src/core/model/ids';
import { bucketOf } from '../src/services/highlights/highlight-bucket';
import { HighlightStore } from '../src/services/highlights/highlight-store';
import { highlightsFileKind, type HighlightsFile } from '../src/services/highlights/highlights-file';
import { openNotebook, type Notebook } from '../src/services/open-notebook';
import { JsonDocument } from '../src/services/store/json-document';
import { nodeStoreFs } from '../src/services/store/store-fs';
import type { LoadedSource } from '../src/shared/api-contract';
import { sampleHighlight } from '../tests/unit/support/sample-highlight';

/**
 * What one durable save (editing one highlight's comment and waiting for the acknowledgement)
 * costs as the notebook grows: in the store's layout (each source's highlights spread over 64
 * bucket files), in the previous one (one file per source) and in the naive one (every highlight
 * in one lowdb file); and, end to end, highlights.update through dispatch with 50,000 highlights
 * on the 5 bundled sources. Run: npx vitest bench --run bench/store-save.bench.ts
 */

const RESOURCES_DIR = fileURLToPath(new URL('../resources/', import.meta.url));
const folders: string[] = [];
const timings: { readonly name: string; readonly samples: readonly number[] }[] = [];
const BENCH_OPTIONS = { time: 2_000, iterations: 20, warmupIterations: 3 };
const quiet = { now: () => new Date(), onNotice: () => undefined };

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'notebook-bench-'));
  folders.push(folder);
  return folder;
}

function highlightsOf(sources: number, perSource: number): Map<SourceId, Highlight[]> {
  const bySource = new Map<SourceId, Highlight[]>();
  for (let s = 0; s < sources; s++) {
    const id = sourceId(`source-${String(s).padStart(3, '0')}`);
    bySource.set(id, Array.from({ length: perSource }, (_, n) => sampleHighlight(id, s * perSource + n)));
  }
  return bySource;
}

/** Writes the bucket files of `bySource` directly (setting up is not what is measured). */
async function writeBuckets(dataDir: string, bySource: ReadonlyMap<SourceId, readonly Highlight[]>): Promise<void> {
  for (const [id, highlights] of bySource) {
    const buckets = new Map<string, Highlight[]>();
    for (const h of highlights) buckets.set(bucketOf(h.id), [...(buckets.get(bucketOf(h.id)) ?? []), h]);
    await mkdir(join(dataDir, 'highlights', id), { recursive: true });
    for (const [bucket, list] of buckets) {
      const file: HighlightsFile = { schemaVersion: 1, highlights: list };
      await writeFile(join(dataDir, 'highlights', id, `${bucket}.json`), JSON.stringify(file));
    }
  }
}

/** Times each save of the measured run (not the warm-up) and reports its p50 and p95. */
function timed(name: string, save: (round: number) => Promise<void>) {
  const samples: number[] = [];
  let round = 0;
  timings.push({ name, samples });
  bench(
    name,
    async () => {
      const start = performance.now();
      await save(round++);
      samples.push(performance.now() - start);
    },
    { ...BENCH_OPTIONS, setup: (_task, mode) => void (mode === 'run' && (samples.length = 0)) },
  );
}

const edited = (h: Highlight, round: number): Highlight => ({ ...h, comment: `Edited in round ${round}.`, modified: new Date().toISOString() });

/** A file holding every highlight of `highlights`, with the same durable writer and format. */
async function oneFile(highlights: readonly Highlight[]): Promise<JsonDocument<HighlightsFile>> {
  const dataDir = await tempFolder();
  const document = await JsonDocument.open({ fs: nodeStoreFs, dataDir, path: join(dataDir, 'all.json'), kind: highlightsFileKind, ...quiet });
  await document.update((file) => ({ ...file, highlights }));
  return document;
}

/** 10,000 highlights on each bundled source, on passages of its real text (40–240 characters). */
function realisticHighlights(source: LoadedSource, count: number): Highlight[] {
  let seed = 7;
  const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const made: Highlight[] = [];
  while (made.length < count) {
    const start = Math.floor(next() * (source.text.length - 250));
    const described = describeRange(source.text, start, start + 40 + Math.floor(next() * 200));
    if (!described.ok) continue;
    const stamp = new Date(Date.UTC(2026, 10, 1) + made.length * 60_000).toISOString();
    made.push({
      id: highlightId(`${source.meta.id}-${made.length}`),
      target: { sourceId: source.meta.id, ...described.value, textHash: textHash(source.textHash) },
      color: null,
      tags: [{ tagId: sampleHighlight(source.meta.id, 0).tags[0]!.tagId }],
      comment: '',
      created: stamp,
      modified: stamp,
    });
  }
  return made;
}

type Layout = readonly [label: string, sources: number, perSource: number];
const layouts: readonly Layout[] = [
  ['100 highlights (5 sources × 20)', 5, 20],
  ['50,000 highlights (5 sources × 10,000)', 5, 10_000],
  ['50,000 highlights (500 sources × 100)', 500, 100],
];

describe('one durable save', async () => {
  for (const [label, sources, perSource] of layouts) {
    const dataDir = await tempFolder();
    const bySource = highlightsOf(sources, perSource);
    await writeBuckets(dataDir, bySource);
    const store = new HighlightStore({ fs: nodeStoreFs, dataDir, ...quiet });
    await store.load();
    const first = [...bySource.values()][0] ?? [];
    timed(`64 bucket files per source, ${label}`, async (round) => {
      const target = first[round % first.length]!;
      await store.update(target.target.sourceId, bucketOf(target.id), (list) => list.map((h) => (h.id === target.id ? edited(h, round) : h)));
    });
  }

  for (const [label, sources, perSource] of [layouts[0]!, layouts[1]!]) {
    const perSourceFile = await oneFile([...highlightsOf(sources, perSource).values()][0] ?? []);
    timed(`previous layout: one file per source, ${label}`, async (round) => {
      await perSourceFile.update((file) => ({ ...file, highlights: file.highlights.map((h, i) => (i === round % file.highlights.length ? edited(h, round) : h)) }));
    });
    const naive = await oneFile([...highlightsOf(sources, perSource).values()].flat());
    timed(`naive: one durable lowdb file, ${label}`, async (round) => {
      await naive.update((file) => ({ ...file, highlights: file.highlights.map((h, i) => (i === round % file.highlights.length ? edited(h, round) : h)) }));
    });
  }

  // End to end: validation, the durable save, and the answer anchored against the current text.
  const dataDir = await tempFolder();
  const reader = await openNotebook({ dataDir, resourcesDir: RESOURCES_DIR, shell: 'browser' });
  const sources = (await reader.dispatch('sources.list', {})) as { ok: true; value: { id: SourceId }[] };
  const bundled: LoadedSource[] = [];
  for (const { id } of sources.value) bundled.push(((await reader.dispatch('sources.get', { sourceId: id })) as { ok: true; value: LoadedSource }).value);
  await reader.close();
  await writeBuckets(dataDir, new Map(bundled.map((source) => [source.meta.id, realisticHighlights(source, 10_000)])));
  const notebook: Notebook = await openNotebook({ dataDir, resourcesDir: RESOURCES_DIR, shell: 'browser' });
  const report = bundled.find((s) => s.meta.kind === 'report') ?? bundled[0]!;
  const listed = (await notebook.dispatch('highlights.list', { sourceId: report.meta.id })) as { ok: true; value: { highlight: Highlight; status: string }[] };
  if (listed.value.length !== 10_000 || listed.value.some((a) => a.status !== 'exact')) throw new Error('the end-to-end notebook did not load as written');
  timed('highlights.update through dispatch, 50,000 highlights (5 bundled sources × 10,000)', async (round) => {
    const target = listed.value[round % listed.value.length]!.highlight;
    const result = await notebook.dispatch('highlights.update', { highlightId: target.id, comment: `Edited in round ${round}.` });
    if (!result.ok) throw new Error(result.error.message);
  });
  folders.push(dataDir);
  afterAll(() => notebook.close());
});

function percentiles({ name, samples }: (typeof timings)[number]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(2).padStart(8);
  return `${name.padEnd(88)} p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   (${sorted.length} saves)`;
}

afterAll(async () => {
  console.log(`\nOne save, from the change to its durable acknowledgement (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}):\n${timings.map(percentiles).join('\n')}\n`);
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});
