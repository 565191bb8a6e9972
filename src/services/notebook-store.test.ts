import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceId } from '../core/model/ids';
import type { StoreNotice } from '../shared/api-contract';
import { sampleHighlight } from '../../tests/unit/support/sample-highlight';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { openNotebookStore } from './notebook-store';
import { nodeStoreFs } from './store/store-fs';

const dir = useTempDir('notebook-store');

async function openStore() {
  const notices: StoreNotice[] = [];
  const store = await openNotebookStore({ fs: nodeStoreFs, dataDir: dir(), now: () => new Date('2026-11-22T17:40:00Z'), onNotice: (n) => notices.push(n) });
  return { store, notices };
}

describe('openNotebookStore', () => {
  it('keeps each source’s highlights in highlights/<sourceId>.json, versioned', async () => {
    const { store } = await openStore();
    const report = sourceId('new-jihadi-sphere');
    const highlights = [sampleHighlight(report, 1), sampleHighlight(report, 2)];
    await (await store.highlights.get(report)).update((file) => ({ ...file, highlights: [...file.highlights, ...highlights] }));

    const onDisk = JSON.parse(await readFile(join(dir(), 'highlights', 'new-jihadi-sphere.json'), 'utf8'));
    expect(onDisk).toEqual({ schemaVersion: 1, highlights: JSON.parse(JSON.stringify(highlights)) });
    const reopened = await openStore();
    expect((await reopened.store.highlights.get(report)).data.highlights).toEqual(highlights);
  });

  it('quarantines a highlights file that breaks the highlight shape', async () => {
    await mkdir(join(dir(), 'highlights'));
    const broken = { ...sampleHighlight(sourceId('s'), 1), target: { ...sampleHighlight(sourceId('s'), 1).target, textHash: 'not-a-hash' } };
    await writeFile(join(dir(), 'highlights', 's.json'), JSON.stringify({ schemaVersion: 1, highlights: [broken] }));
    const { store, notices } = await openStore();
    expect((await store.highlights.get('s')).data.highlights).toEqual([]);
    expect(notices[0]?.message).toMatch(/^highlights\/s\.json could not be read \(wrong shape: highlights\.0\.target\.textHash: .+\)\. Its bytes were kept at .+\. Notebook started with no highlights on this source\.$/);
  });

  it('removes temp files a crash left in the data folder and in highlights/', async () => {
    await mkdir(join(dir(), 'highlights'));
    await writeFile(join(dir(), 'notebook.json.a1b2c3d4e5f6.tmp'), '{"sche');
    await writeFile(join(dir(), 'highlights', 'x.json.a1b2c3d4e5f6.tmp'), Buffer.alloc(64));
    await openStore();
    expect(await readdir(dir())).toEqual(['highlights']);
    expect(await readdir(join(dir(), 'highlights'))).toEqual([]);
  });

  it('settles only after the writes of notebook.json and of every highlights file', async () => {
    const { store } = await openStore();
    const highlights = await store.highlights.get('s');
    void store.notebook.update((file) => ({ ...file, readingPositions: { s: { offset: sampleHighlight(sourceId('s'), 1).target.position.start, updated: '2026-11-22T17:40:00.000Z' } } }));
    void highlights.update((file) => ({ ...file, highlights: [sampleHighlight(sourceId('s'), 1)] }));
    await store.settled();
    expect(Object.keys(store.notebook.data.readingPositions)).toEqual(['s']);
    expect(highlights.data.highlights).toHaveLength(1);
  });
});
