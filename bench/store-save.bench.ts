import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { afterAll, bench, describe } from 'vitest';
import type { Highlight } from '../src/core/model/highlight';
import { sourceId } from '../src/core/model/ids';
import type { HighlightsFile } from '../src/services/highlights/highlights-file';
import { openNotebookStore } from '../src/services/notebook-store';
import type { JsonDocument } from '../src/services/store/json-document';
import { nodeStoreFs } from '../src/services/store/store-fs';
import { sampleHighlight } from '../tests/unit/support/sample-highlight';

/**
 * What one durable save (editing one highlight's comment and waiting for the acknowledgement)
 * costs as the notebook grows, in the real layout (one file per source) and in the naive one (every
 * highlight in one lowdb file). Run: npx vitest bench --run bench/store-save.bench.ts
 */

const folders: string[] = [];
const timings: { readonly name: string; readonly samples: readonly number[] }[] = [];
const BENCH_OPTIONS = { time: 2_000, iterations: 20, warmupIterations: 3 };

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'notebook-bench-'));
  folders.push(folder);
  return folder;
}

function highlightsOf(sources: number, perSource: number): Map<string, Highlight[]> {
  const bySource = new Map<string, Highlight[]>();
  for (let s = 0; s < sources; s++) {
    const id = sourceId(`source-${String(s).padStart(3, '0')}`);
    bySource.set(id, Array.from({ length: perSource }, (_, n) => sampleHighlight(id, s * perSource + n)));
  }
  return bySource;
}

/** Edits the comment of one highlight (a different one each time), keeping the file's size steady. */
function editOne(highlights: readonly Highlight[], round: number): Highlight[] {
  const k = round % highlights.length;
  return highlights.map((h, i) => (i === k ? { ...h, comment: `Edited in round ${round}.`, modified: new Date().toISOString() } : h));
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

async function perSourceStore(sources: number, perSource: number): Promise<JsonDocument<HighlightsFile>> {
  const store = await openNotebookStore({ fs: nodeStoreFs, dataDir: await tempFolder(), now: () => new Date(), onNotice: () => undefined });
  let first: JsonDocument<HighlightsFile> | null = null;
  for (const [id, highlights] of highlightsOf(sources, perSource)) {
    const document = await store.highlights.get(id);
    await document.update((file) => ({ ...file, highlights }));
    first ??= document;
  }
  if (first === null) throw new Error('no sources');
  return first;
}

/** The same durable writer and file format, but every highlight of every source in one file. */
async function oneFileStore(sources: number, perSource: number): Promise<JsonDocument<HighlightsFile>> {
  const store = await openNotebookStore({ fs: nodeStoreFs, dataDir: await tempFolder(), now: () => new Date(), onNotice: () => undefined });
  const document = await store.highlights.get('all');
  const highlights = [...highlightsOf(sources, perSource).values()].flat();
  await document.update((file) => ({ ...file, highlights }));
  return document;
}

type Layout = readonly [label: string, sources: number, perSource: number];
const small: Layout = ['100 highlights (5 sources × 20)', 5, 20];
const manySources: Layout = ['50,000 highlights (500 sources × 100)', 500, 100];
const bundledSources: Layout = ['50,000 highlights (5 sources × 10,000)', 5, 10_000];

describe('one durable save', async () => {
  for (const [label, sources, perSource] of [small, manySources, bundledSources]) {
    const document = await perSourceStore(sources, perSource);
    timed(`per-source files, ${label}`, async (round) => {
      await document.update((file) => ({ ...file, highlights: editOne(file.highlights, round) }));
    });
  }

  for (const [label, sources, perSource] of [small, bundledSources]) {
    const document = await oneFileStore(sources, perSource);
    timed(`naive: one durable lowdb file, ${label}`, async (round) => {
      await document.update((file) => ({ ...file, highlights: editOne(file.highlights, round) }));
    });
  }

  // lowdb's stock adapter, for reference: it writes through steno without fsync, so it is not durable.
  // (Not JSONFilePreset: under Vitest, NODE_ENV=test makes it an in-memory adapter.)
  const stock = new Low<HighlightsFile>(new JSONFile(join(await tempFolder(), 'all.json')), { schemaVersion: 1, highlights: [...highlightsOf(5, 10_000).values()].flat() });
  await stock.write();
  timed('reference: stock lowdb JSONFile (no fsync), 50,000', async (round) => {
    stock.data = { ...stock.data, highlights: editOne(stock.data.highlights, round) };
    await stock.write();
  });
});

function percentiles({ name, samples }: (typeof timings)[number]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(2).padStart(8);
  return `${name.padEnd(72)} p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   (${sorted.length} saves)`;
}

afterAll(async () => {
  console.log(`\nOne save, from the change to its durable acknowledgement:\n${timings.map(percentiles).join('\n')}\n`);
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});
