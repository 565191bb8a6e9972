import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Highlight, Tag } from '../core/model/highlight';
import { familyId, sourceId, tagId } from '../core/model/ids';
import type { ChangeSet } from '../core/notebook/change-set';
import type { StoreNotice } from '../shared/api-contract';
import { sampleHighlight } from '../../tests/unit/support/sample-highlight';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { bucketOf } from './highlights/highlight-bucket';
import { openNotebookStore } from './notebook-store';
import { nodeStoreFs } from './store/store-fs';

const dir = useTempDir('notebook-store');
const report = sourceId('new-jihadi-sphere');

async function openStore() {
  const notices: StoreNotice[] = [];
  const store = await openNotebookStore({ fs: nodeStoreFs, dataDir: dir(), now: () => new Date('2026-11-22T17:40:00Z'), onNotice: (n) => notices.push(n) });
  await store.highlights.load();
  return { store, notices };
}

const bucketPath = (h: Highlight): string => join(dir(), 'highlights', h.target.sourceId, `${bucketOf(h.id)}.json`);
const tag = (id: string, name: string): Tag => ({ id: tagId(id), familyId: familyId('family:groups'), name, color: '#b7852a', aliases: [], description: '', statedAt: null });

describe('openNotebookStore', () => {
  it('keeps each highlight in highlights/<sourceId>/<bucket>.json, versioned, and reads it back', async () => {
    const { store } = await openStore();
    const highlights = [sampleHighlight(report, 1), sampleHighlight(report, 2), sampleHighlight(sourceId('other'), 3)];
    for (const h of highlights) await store.highlights.update(h.target.sourceId, bucketOf(h.id), (list) => [...list, h]);

    for (const h of highlights) {
      const onDisk = JSON.parse(await readFile(bucketPath(h), 'utf8'));
      expect(onDisk.schemaVersion).toBe(1);
      expect(onDisk.highlights).toContainEqual(JSON.parse(JSON.stringify(h)));
    }
    const reopened = (await openStore()).store.highlights;
    expect(reopened.sourceIds().sort()).toEqual(['new-jihadi-sphere', 'other']);
    expect(reopened.of(report).sort((a, b) => a.id.localeCompare(b.id))).toEqual(highlights.slice(0, 2));
    expect(reopened.find(highlights[2]!.id)).toEqual(highlights[2]);
  });

  it('quarantines one damaged bucket with a notice and loads the others', async () => {
    const first = await openStore();
    const kept = sampleHighlight(report, 1);
    const lost = [2, 3, 4, 5, 6].map((n) => sampleHighlight(report, n)).find((h) => bucketOf(h.id) !== bucketOf(kept.id));
    if (lost === undefined) throw new Error('every sample fell in one bucket');
    for (const h of [kept, lost]) await first.store.highlights.update(report, bucketOf(h.id), (list) => [...list, h]);
    await writeFile(bucketPath(lost), '{"schemaVersion":1,"highlights":[{"id":');

    const { store, notices } = await openStore();
    expect(store.highlights.of(report)).toEqual([kept]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(
      new RegExp(`^highlights/new-jihadi-sphere/${bucketOf(lost.id)}\\.json could not be read \\(.+\\)\\. Its bytes were kept at .+\\. Notebook started with none of the highlights saved in that file\\.$`),
    );
  });

  it('removes temp files a crash left in the data folder and in a source’s highlights folder', async () => {
    await mkdir(join(dir(), 'highlights', 'new-jihadi-sphere'), { recursive: true });
    await writeFile(join(dir(), 'notebook.json.a1b2c3d4e5f6.tmp'), '{"sche');
    await writeFile(join(dir(), 'highlights', 'new-jihadi-sphere', '0a.json.a1b2c3d4e5f6.tmp'), Buffer.alloc(64));
    await openStore();
    expect(await readdir(dir())).toEqual(['highlights']);
    expect(await readdir(join(dir(), 'highlights', 'new-jihadi-sphere'))).toEqual([]);
  });

  it('undoes at open a change the last run left unfinished, and says so', async () => {
    const first = await openStore();
    const ttp = tag('group:ttp', 'TTP');
    const tehrik = tag('tag:tehrik', 'Tehrik');
    await first.store.tags.update((file) => ({ ...file, tags: [ttp, tehrik] }));
    const before = { ...sampleHighlight(report, 1), tags: [{ tagId: tehrik.id }] };
    await first.store.highlights.update(report, bucketOf(before.id), (list) => [...list, before]);
    // A merge of Tehrik into TTP that reached the highlight's file but not tags.json.
    const after = { ...before, tags: [{ tagId: ttp.id }] };
    const merge: ChangeSet = { label: 'Merge “Tehrik” into “TTP”', highlights: [{ before, after }], tags: [{ before: tehrik, after: null }], families: [] };
    await writeFile(join(dir(), 'pending-change.json'), JSON.stringify({ schemaVersion: 1, change: merge }));
    await first.store.highlights.update(report, bucketOf(before.id), () => [after]);

    const { store, notices } = await openStore();
    expect(store.highlights.of(report)).toEqual([before]);
    expect(store.tags.data.tags).toEqual([ttp, tehrik]);
    expect(notices).toEqual([
      {
        kind: 'recovered',
        message: 'Notebook stopped while saving “Merge “Tehrik” into “TTP””. That change was never confirmed, so it was undone: the notebook is as it was before it.',
        path: join(dir(), 'pending-change.json'),
      },
    ]);
    expect(await readdir(dir())).not.toContain('pending-change.json');
  });

  it('moves an unreadable record of an unfinished change aside, saying what it may have left', async () => {
    await writeFile(join(dir(), 'pending-change.json'), '{"schemaVersion":1,"change":{"label":');
    const { notices } = await openStore();
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(
      /^pending-change\.json \(a change Notebook was making when it stopped\) could not be read \(.+\), so that change could not be undone: some highlights or tags may show part of it\. Its bytes were kept at .+quarantine.+\.damaged\.$/,
    );
    expect(await readFile(notices[0]?.path ?? '', 'utf8')).toBe('{"schemaVersion":1,"change":{"label":');
  });

  it('settles only after the writes of notebook.json, tags.json and every highlights file', async () => {
    const { store } = await openStore();
    const h = sampleHighlight(report, 1);
    void store.notebook.update((file) => ({ ...file, readingPositions: { s: { offset: h.target.position.start, updated: '2026-11-22T17:40:00.000Z' } } }));
    void store.tags.update((file) => ({ ...file, tags: [tag('group:ttp', 'TTP')] }));
    void store.highlights.update(report, bucketOf(h.id), () => [h]);
    await store.settled();
    expect(Object.keys(store.notebook.data.readingPositions)).toEqual(['s']);
    expect(store.tags.data.tags).toHaveLength(1);
    expect(store.highlights.of(report)).toEqual([h]);
  });
});
