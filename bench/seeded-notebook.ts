import { createHash } from 'node:crypto';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../src/core/document/parse-source';
import type { Highlight, HighlightTag } from '../src/core/model/highlight';
import { highlightId, textHash, type SourceId } from '../src/core/model/ids';
import type { SourceMeta } from '../src/core/model/source';
import { seedTags } from '../src/core/tags/seed-tags';
import { bucketOf } from '../src/services/highlights/highlight-bucket';
import { HighlightStore } from '../src/services/highlights/highlight-store';
import { openNotebook, type Notebook } from '../src/services/open-notebook';
import { nodeStoreFs } from '../src/services/store/store-fs';
import { seededRandom } from '../tests/support/seeded-random';
import { spreadTargets } from './anchoring-workload';
import { BENCH_TMP, cachedFolder, codeStamp } from './cached-folder';
import type { Library } from './generated-library';

/** A notebook of generated highlights over a library, kept as a data directory to copy from. */
export interface SeededNotebook {
  readonly library: Library;
  /** The finished data directory. Measurements change a notebook: open a copy (copyNotebook), never this. */
  readonly template: string;
  /** Every highlight, by source, sources in library order. */
  readonly highlights: ReadonlyMap<SourceId, readonly Highlight[]>;
  readonly total: number;
}

/**
 * `total` split over `count` sources in proportion to 1, 1/2, 1/3, ... (Zipf's law): a few sources
 * are highlighted heavily and most lightly, as in an analyst's notebook. Largest remainders round
 * the shares, so they add up to `total` exactly.
 */
export function zipfShares(total: number, count: number): number[] {
  const weights = Array.from({ length: count }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let missing = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (missing === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    missing -= 1;
  }
  return shares;
}

const TAGS = seedTags().tags;
const GROUP_TAGS = TAGS.filter((tag) => tag.id.startsWith('group:'));
const RECOMMENDATION_TAGS = TAGS.filter((tag) => tag.id.startsWith('rec:'));
const STANCES = ['supports', 'contradicts', 'context'] as const;
const COMMENTS = ['Compare with the UN monitoring team report.', 'Check the date of this claim.', 'Contradicts the 2023 analysis.'];
const FIRST_CREATED = Date.UTC(2026, 0, 5, 9);

/** `count` highlights on the canonical `text` of a source, shaped like an analyst's: tagged, some with a comment. */
export function seededHighlights(meta: SourceMeta, index: number, text: string, count: number): Highlight[] {
  const hash = textHash(createHash('sha256').update(text).digest('hex'));
  const random = seededRandom(7919 * (index + 1));
  return spreadTargets(text, count, 1000 + index).map((described, n) => {
    const tags: HighlightTag[] = [{ tagId: random.pick(GROUP_TAGS).id }];
    if (random.next() < 0.3) tags.push({ tagId: random.pick(RECOMMENDATION_TAGS).id, stance: random.pick(STANCES) });
    const stamp = new Date(FIRST_CREATED + (index * 100_000 + n) * 60_000).toISOString();
    return {
      id: highlightId(`bench-s${index}-h${n}`),
      target: { sourceId: meta.id, ...described, textHash: hash },
      color: random.next() < 0.1 ? '#f2c94c' : null,
      tags,
      comment: random.next() < 0.25 ? random.pick(COMMENTS) : '',
      created: stamp,
      modified: stamp,
    };
  });
}

async function canonicalText(library: Library, meta: SourceMeta): Promise<string> {
  return parseSource(await readFile(join(library.dir, 'sources', meta.file), 'utf8'), meta.format).text;
}

/**
 * The notebook `name` over `library`, with `counts[i]` highlights on its i-th source. Its data
 * directory is made once in bench/tmp/notebooks/ and reused while its highlights and the store's
 * file formats are unchanged. The highlights are made again on every run (they are deterministic):
 * the measurements need them in memory, and they tell whether the directory is still theirs.
 */
export async function seededNotebook(name: string, library: Library, counts: readonly number[]): Promise<SeededNotebook> {
  const highlights = new Map<SourceId, Highlight[]>();
  for (const [index, meta] of library.sources.entries()) {
    const count = counts[index] ?? 0;
    if (count > 0) highlights.set(meta.id, seededHighlights(meta, index, await canonicalText(library, meta), count));
  }
  const folder = join(BENCH_TMP, 'notebooks', name);
  // The highlights themselves are in the stamp: whatever changes them (the parser, the workload,
  // the tags) makes the data directory again.
  const stamp = {
    library: library.dir,
    highlights: createHash('sha256').update(JSON.stringify([...highlights])).digest('hex'),
    store: await codeStamp(
      ['highlights/highlights-file.ts', 'highlights/highlight-bucket.ts', 'tags/tags-file.ts', 'notebook-file.ts'].map((path) => new URL(`../src/services/${path}`, import.meta.url)),
    ),
  };
  await cachedFolder(folder, stamp, (into) => writeNotebook(join(into, 'data'), library, highlights));
  const total = [...highlights.values()].reduce((sum, list) => sum + list.length, 0);
  return { library, template: join(folder, 'data'), highlights, total };
}

async function expectOk<T>(notebook: Notebook, method: string, input: unknown): Promise<T> {
  const result = await notebook.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed while seeding a benchmark notebook: ${result.error.message}`);
  return result.value as T;
}

async function writeNotebook(dataDir: string, library: Library, highlights: ReadonlyMap<SourceId, readonly Highlight[]>): Promise<void> {
  const options = { dataDir, resourcesDir: library.dir, shell: 'browser' as const };
  // Opening the notebook seeds the tag set the highlights are tagged with.
  const seeding = await openNotebook(options);
  await expectOk(seeding, 'tags.list', {});
  await seeding.close();

  // The highlights go in through the services' own store, so the files are exactly what it writes.
  const notices: string[] = [];
  const store = new HighlightStore({ fs: nodeStoreFs, dataDir, now: () => new Date(), onNotice: (notice) => notices.push(notice.message) });
  for (const [sourceId, list] of highlights) {
    const buckets = new Map<string, Highlight[]>();
    for (const highlight of list) {
      const bucket = bucketOf(highlight.id);
      const inBucket = buckets.get(bucket) ?? [];
      inBucket.push(highlight);
      buckets.set(bucket, inBucket);
    }
    await Promise.all([...buckets].map(([bucket, inBucket]) => store.update(sourceId, bucket, () => inBucket)));
  }
  await store.settled();
  if (notices.length > 0) throw new Error(`The highlight store reported problems while seeding: ${notices.join(' ')}`);

  // Opened once more: every highlight must list, exactly placed; this start also takes the
  // notebook's first full backup, so the starts being measured find it already backed up.
  const checking = await openNotebook(options);
  try {
    for (const [sourceId, list] of highlights) {
      const listed = await expectOk<{ status: string }[]>(checking, 'highlights.list', { sourceId });
      const placed = listed.filter((a) => a.status === 'exact').length;
      if (listed.length !== list.length || placed !== list.length) {
        throw new Error(`Source ${sourceId} lists ${listed.length} highlights (${placed} placed exactly) where ${list.length} were written.`);
      }
    }
  } finally {
    await checking.close();
  }
}

/** A fresh copy of the notebook's data directory at `dataDir` (replacing whatever was there). */
export async function copyNotebook(notebook: SeededNotebook, dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
  await cp(notebook.template, dataDir, { recursive: true });
}
