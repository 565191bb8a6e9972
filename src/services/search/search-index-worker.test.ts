import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { sourceId, type SourceId } from '../../core/model/ids';
import type { SearchResult } from '../../core/search/search-types';
import type { LoadedSource, SourceSummary } from '../../shared/api-contract';
import type { SourceLibrary } from '../sources/source-library';
import { SearchIndexWorker } from './search-index-worker';
import { searchWorkerScript } from './search-worker-script';

const root = useTempDir('search-index-worker');
const workers: SearchIndexWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.close()));
});

interface Entry {
  text: string;
  version: string;
  /** Resolves the reading of the text, when it is to be held back. */
  held?: Promise<void>;
}

/** A library of plain texts that counts the texts read, standing in for SourceLibrary's list() and get(). */
class TextLibrary {
  readonly entries = new Map<SourceId, Entry>();
  reads = 0;

  set(id: string, text: string, version = 'v1', held?: Promise<void>): void {
    this.entries.set(sourceId(id), { text, version, ...(held ? { held } : {}) });
  }

  summary(id: SourceId, entry: Entry): SourceSummary {
    // A held-back source claims to be long, so that a query does not wait for it.
    const length = entry.held ? 50_000_000 : entry.text.length;
    // The file's hash stands for the text, as in the library: one per source and version.
    return { id, title: `Title of ${id}`, sha256: `${id}-${entry.version}`, format: 'plain-text', length } as SourceSummary;
  }

  async list(): Promise<SourceSummary[]> {
    return [...this.entries].map(([id, entry]) => this.summary(id, entry));
  }

  async get(id: SourceId): Promise<LoadedSource> {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`No source ${id}`);
    await entry.held;
    this.reads++;
    return { meta: this.summary(id, entry), text: entry.text, textHash: entry.version, blocks: [] };
  }
}

const asLibrary = (library: TextLibrary): SourceLibrary => library as unknown as SourceLibrary;
const indexDir = (): string => join(root(), 'search-index');

function startWorker(): SearchIndexWorker {
  const worker = new SearchIndexWorker({ ...searchWorkerScript(), indexDir: indexDir() });
  workers.push(worker);
  return worker;
}

const search = (worker: SearchIndexWorker, library: TextLibrary, query: string): Promise<SearchResult> =>
  worker.search(asLibrary(library), query, { prefixLastWord: false }, null);
const found = (result: SearchResult): string[] => result.sources.map((source) => source.sourceId).sort();
const segmentFiles = async (): Promise<string[]> => (await readdir(indexDir())).filter((name) => name.endsWith('.seg'));

function sampleLibrary(): TextLibrary {
  const library = new TextLibrary();
  library.set('a', 'The Taliban took Kabul in August 2021.');
  library.set('b', 'Al Qaeda kept its ties with the Taliban.');
  library.set('c', 'IS-Khorasan attacked Kabul airport.');
  return library;
}

describe('the search index worker', () => {
  it('saves each source it indexes, and at the next start reads the saved index instead of the texts', async () => {
    const library = sampleLibrary();
    const first = startWorker();
    expect(found(await search(first, library, 'taliban'))).toEqual(['a', 'b']);
    expect(library.reads).toBe(3);
    await first.close();
    expect(await segmentFiles()).toHaveLength(3);

    library.reads = 0;
    const second = startWorker();
    const result = await search(second, library, 'kabul');
    expect(found(result)).toEqual(['a', 'c']);
    expect(result.pending).toBeUndefined();
    expect(library.reads).toBe(0);
  });

  it('indexes again a source whose saved segment is damaged, and only that one', async () => {
    const library = sampleLibrary();
    const first = startWorker();
    await search(first, library, 'taliban');
    await first.close();
    const [damaged] = await segmentFiles();
    await writeFile(join(indexDir(), damaged ?? ''), 'not a segment');

    library.reads = 0;
    const second = startWorker();
    expect(found(await search(second, library, 'kabul'))).toEqual(['a', 'c']);
    expect(library.reads).toBe(1);
  });

  it('follows texts replaced, added and removed, and drops the segments no source has any more', async () => {
    const library = sampleLibrary();
    const worker = startWorker();
    await search(worker, library, 'taliban');
    library.set('b', 'Al Qaeda moved to Zanzibar.', 'v2');
    library.set('d', 'The Taliban in Zanzibar.');
    library.entries.delete(sourceId('c'));
    expect(found(await search(worker, library, 'zanzibar'))).toEqual(['b', 'd']);
    expect(found(await search(worker, library, 'taliban'))).toEqual(['a', 'd']);
    expect(found(await search(worker, library, 'kabul'))).toEqual(['a']);
    await expect.poll(segmentFiles).toHaveLength(3);
  });

  it('answers while a large source is still being indexed, naming it, and finds it once indexed', async () => {
    const library = sampleLibrary();
    let release = (): void => undefined;
    library.set('big', 'A long report on the Taliban.', 'v1', new Promise((resolve) => (release = resolve)));
    const worker = startWorker();
    // The first query may come before anything is indexed: it says so, and does not wait.
    const first = await search(worker, library, 'taliban');
    expect(first.pending?.map((source) => source.sourceId)).toContain('big');
    await expect.poll(async () => (await search(worker, library, 'taliban')).pending).toEqual([{ sourceId: 'big', title: 'Title of big' }]);
    expect(found(await search(worker, library, 'taliban'))).toEqual(['a', 'b']);
    release();
    await expect.poll(async () => found(await search(worker, library, 'taliban'))).toEqual(['a', 'b', 'big']);
    expect((await search(worker, library, 'taliban')).pending).toBeUndefined();
  });
});
