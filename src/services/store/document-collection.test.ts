import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StoreNotice } from '../../shared/api-contract';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { DocumentCollection } from './document-collection';
import type { StoreFileKind } from './json-document';
import type { StoreFs } from './store-fs';

interface Notes {
  readonly schemaVersion: 1;
  readonly notes: readonly string[];
}

const notesKind: StoreFileKind<Notes> = {
  version: 1,
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(1), notes: z.array(z.string()) }).strict(),
  label: 'notes',
  emptyMeaning: 'no notes on this source',
  empty: () => ({ schemaVersion: 1, notes: [] }),
};

const dir = useTempDir('document-collection');

function collection(fs: StoreFs = new FaultyStoreFs()) {
  const notices: StoreNotice[] = [];
  const notes = new DocumentCollection({ fs, dataDir: dir(), folder: 'notes', kind: notesKind, now: () => new Date(), onNotice: (n) => notices.push(n) });
  return { notes, notices };
}

describe('DocumentCollection', () => {
  it('reads nothing until a key is asked for, then keeps one document per key', async () => {
    const fs = new FaultyStoreFs();
    const { notes } = collection(fs);
    expect(fs.calls).toEqual([]);
    const a = await notes.get('source-a');
    // The new folder is made durable (its parent synced) before the file is looked for.
    expect(fs.calls.map((c) => c.step)).toEqual(['make-directory', 'open-directory', 'sync-directory', 'read-file']);
    expect(await notes.get('source-a')).toBe(a);
    expect(fs.calls).toHaveLength(4);
  });

  it('saves each key to its own file and leaves the other files alone', async () => {
    const { notes } = collection();
    await (await notes.get('a')).update((n) => ({ ...n, notes: ['on a'] }));
    await (await notes.get('b')).update((n) => ({ ...n, notes: ['on b'] }));
    const before = await stat(join(dir(), 'notes', 'a.json'));

    await (await notes.get('b')).update((n) => ({ ...n, notes: [...n.notes, 'more on b'] }));

    expect((await readdir(join(dir(), 'notes'))).sort()).toEqual(['a.json', 'b.json']);
    expect((await stat(join(dir(), 'notes', 'a.json'))).mtimeMs).toBe(before.mtimeMs);
    expect(JSON.parse(await readFile(join(dir(), 'notes', 'b.json'), 'utf8'))).toEqual({ schemaVersion: 1, notes: ['on b', 'more on b'] });
  });

  it('quarantines one damaged file with a notice, and the other keys load normally', async () => {
    await mkdir(join(dir(), 'notes'));
    await writeFile(join(dir(), 'notes', 'bad.json'), '{"schemaVersion":1,"notes":[');
    await writeFile(join(dir(), 'notes', 'good.json'), '{"schemaVersion":1,"notes":["kept"]}');
    const { notes, notices } = collection();

    expect((await notes.get('good')).data.notes).toEqual(['kept']);
    expect(notices).toEqual([]);
    expect((await notes.get('bad')).data.notes).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/^notes\/bad\.json could not be read \(.+\)\. Its bytes were kept at .+notes-bad\.json\..+\.damaged\. Notebook started with no notes on this source\.$/);
  });

  it.each(['', '../escape', '.hidden', 'a/b', 'a\\b', 'trailing.', 'x'.repeat(201)])('refuses the key %j as a file name', async (key) => {
    const { notes } = collection();
    await expect(notes.get(key)).rejects.toThrow('cannot name a notes file: use letters, digits, ".", "_" and "-" only.');
    expect(await readdir(dir())).toEqual([]);
  });

  it('lists the keys stored on disk, ignoring other files', async () => {
    const { notes } = collection();
    expect(await notes.storedKeys()).toEqual([]);
    await (await notes.get('a')).update((n) => ({ ...n, notes: ['x'] }));
    await writeFile(join(dir(), 'notes', 'a.json.0123456789ab.tmp'), '');
    await writeFile(join(dir(), 'notes', 'readme.txt'), '');
    await mkdir(join(dir(), 'notes', 'folder'));
    expect(await notes.storedKeys()).toEqual(['a']);
  });

  it('tries a key again after its load failed', async () => {
    await mkdir(join(dir(), 'notes'));
    await writeFile(join(dir(), 'notes', 'a.json'), '{"schemaVersion":1,"notes":["x"]}');
    const fs = new FaultyStoreFs().fail('read-file', 'EACCES');
    const { notes } = collection(fs);
    await expect(notes.get('a')).rejects.toThrow(/permission denied \(EACCES\)/);
    fs.heal();
    expect((await notes.get('a')).data.notes).toEqual(['x']);
  });

  it('settles after the writes of every loaded document', async () => {
    const { notes } = collection();
    const a = await notes.get('a');
    const b = await notes.get('b');
    const writes = [a.update((n) => ({ ...n, notes: ['1'] })), b.update((n) => ({ ...n, notes: ['2'] }))];
    await notes.settled();
    expect(a.data.notes).toEqual(['1']);
    expect(b.data.notes).toEqual(['2']);
    await Promise.all(writes);
  });
});
