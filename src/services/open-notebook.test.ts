import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotebookStatus } from '../shared/api-contract';
import { FaultyStoreFs } from '../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { writeTinyLibrary } from '../../tests/unit/support/tiny-library';
import { DataDirLockedError, openNotebook, type Notebook, type OpenNotebookOptions } from './open-notebook';

const root = useTempDir('open-notebook');
const dataDir = () => join(root(), 'data');
const resourcesDir = () => join(root(), 'resources');
const opened: Notebook[] = [];

beforeEach(async () => {
  await writeTinyLibrary(resourcesDir());
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((notebook) => notebook.close()));
});

async function open(options: Partial<OpenNotebookOptions> = {}): Promise<Notebook> {
  const notebook = await openNotebook({ dataDir: dataDir(), resourcesDir: resourcesDir(), shell: 'browser', ...options });
  opened.push(notebook);
  return notebook;
}

async function status(notebook: Notebook): Promise<NotebookStatus> {
  const result = await notebook.dispatch('notebook.status', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as NotebookStatus;
}

describe('openNotebook', () => {
  it('creates the data folder and reports a clean status', async () => {
    const notebook = await open();
    expect(notebook.dataDir).toBe(dataDir());
    expect(await status(notebook)).toEqual({ dataDir: dataDir(), schemaVersion: 3, notices: [] });
    expect(await readdir(dataDir())).toEqual(['notebook.lock']);
  });

  it('serves the library through dispatch', async () => {
    const notebook = await open();
    const list = await notebook.dispatch('sources.list', {});
    expect(list.ok && (list.value as { id: string }[]).map((s) => s.id)).toEqual(['us-weighs-cooperation', 'new-jihadi-sphere']);
    const report = await notebook.dispatch('sources.get', { sourceId: 'new-jihadi-sphere' });
    expect(report).toMatchObject({ ok: true, value: { meta: { id: 'new-jihadi-sphere', format: 'markdown' }, textHash: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(await notebook.dispatch('sources.get', { sourceId: 'missing' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'The library has no source with id "missing".' },
    });
  });

  it('keeps a reading position across close and reopen', async () => {
    const first = await open();
    expect(await first.dispatch('reading.get', { sourceId: 'new-jihadi-sphere' })).toEqual({ ok: true, value: null });
    const set = await first.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: 5000 });
    expect(set).toMatchObject({ ok: true, value: { sourceId: 'new-jihadi-sphere', offset: 5000 } });
    await first.close();

    const second = await open();
    expect(await second.dispatch('reading.get', { sourceId: 'new-jihadi-sphere' })).toEqual(set);
  });

  it('refuses a reading position past the end of the source, or for an unknown source, changing nothing', async () => {
    const notebook = await open();
    await notebook.dispatch('reading.set', { sourceId: 'us-weighs-cooperation', offset: 10 });
    const before = await readFile(join(dataDir(), 'notebook.json'));

    const tooFar = await notebook.dispatch('reading.set', { sourceId: 'us-weighs-cooperation', offset: 10_000_000 });
    expect(tooFar).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [expect.stringMatching(/^offset: must be at most \d+, the length of the source$/)] } });
    expect(await notebook.dispatch('reading.set', { sourceId: 'nope', offset: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await notebook.dispatch('reading.get', { sourceId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await notebook.dispatch('reading.set', { sourceId: 'us-weighs-cooperation', offset: '12' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await notebook.dispatch('reading.set', { sourceId: 'us-weighs-cooperation', offset: 12, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await notebook.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });

    expect(await readFile(join(dataDir(), 'notebook.json'))).toEqual(before);
  });

  it('reports a failed save as storage-failed, keeps the last saved position, and saves again later', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await open({ fs });
    await notebook.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: 100 });
    fs.fail('write-file', 'ENOSPC');
    const failed = await notebook.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: 200 });
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'storage-failed',
        message: `Could not save reading positions and source versions to ${join(dataDir(), 'notebook.json')}: no space left on device (ENOSPC). Nothing was lost: your last saved change is intact.`,
      },
    });
    expect(await notebook.dispatch('reading.get', { sourceId: 'new-jihadi-sphere' })).toMatchObject({ ok: true, value: { offset: 100 } });
    fs.heal();
    expect(await notebook.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: 300 })).toMatchObject({ ok: true, value: { offset: 300 } });
  });

  it('moves a damaged notebook.json aside and says so in the status', async () => {
    await open().then((n) => n.close());
    const damaged = '{"schemaVersion":1,"readingPositions":{"new-jihadi-sphere":{"offset":12';
    await writeFile(join(dataDir(), 'notebook.json'), damaged);

    const notebook = await open();
    const { notices } = await status(notebook);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/^notebook\.json could not be read \(.+ at byte 71\)\. Its bytes were kept at .+\. Notebook started with an empty reading history, and every source with its bundled text\.$/);
    expect(await readFile(notices[0]?.path ?? '', 'utf8')).toBe(damaged);
    expect(await notebook.dispatch('reading.get', { sourceId: 'new-jihadi-sphere' })).toEqual({ ok: true, value: null });
  });

  it('ignores and removes temp files that a crash left behind', async () => {
    const first = await open();
    await first.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: 42 });
    await first.close();
    await writeFile(join(dataDir(), 'notebook.json.00112233aabb.tmp'), '{"schemaVersion":1,"readingPo');
    await writeFile(join(dataDir(), 'notebook.json.ffeeddccbbaa.tmp'), Buffer.alloc(1024));

    const second = await open();
    expect(await second.dispatch('reading.get', { sourceId: 'new-jihadi-sphere' })).toMatchObject({ ok: true, value: { offset: 42 } });
    // notebook.status answers once the backup taken at start is on disk.
    expect((await status(second)).notices).toEqual([]);
    expect((await readdir(dataDir())).sort()).toEqual(['backups', 'derived', 'notebook.json', 'notebook.lock']);
  });

  it('refuses a second open of the same data folder until the first is closed', async () => {
    const first = await open();
    await expect(open({ shell: 'electron' })).rejects.toThrow(DataDirLockedError);
    await first.close();
    const second = await open({ shell: 'electron' });
    expect((await status(second)).notices).toEqual([]);
  });

  it('answers calls made after close with a failure instead of writing without the lock', async () => {
    const notebook = await open();
    await notebook.close();
    expect(await notebook.dispatch('reading.set', { sourceId: 'new-jihadi-sphere', offset: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(notebook.close()).resolves.toBeUndefined();
    expect(await readdir(dataDir())).toEqual([]);
  });

  it('reports a missing manifest as source-unavailable, naming it', async () => {
    await rm(join(resourcesDir(), 'manifest.json'));
    const notebook = await open();
    expect(await notebook.dispatch('sources.list', {})).toEqual({
      ok: false,
      error: {
        code: 'source-unavailable',
        message: `The library's manifest ${join(resourcesDir(), 'manifest.json')} could not be read: no such file or folder (ENOENT). Reinstall Notebook to restore it.`,
      },
    });
  });

  it('migrates a version 1 notebook.json, keeping its reading positions, and saves it as version 3', async () => {
    await mkdir(dataDir(), { recursive: true });
    const position = { offset: 5000, updated: '2026-11-20T09:00:00.000Z' };
    await writeFile(join(dataDir(), 'notebook.json'), JSON.stringify({ schemaVersion: 1, readingPositions: { 'new-jihadi-sphere': position } }));
    const notebook = await open();
    expect(await notebook.dispatch('reading.get', { sourceId: 'new-jihadi-sphere' })).toEqual({ ok: true, value: { sourceId: 'new-jihadi-sphere', ...position } });
    expect((await status(notebook)).notices).toEqual([]);
    await notebook.dispatch('reading.set', { sourceId: 'us-weighs-cooperation', offset: 10 });
    expect(JSON.parse(await readFile(join(dataDir(), 'notebook.json'), 'utf8'))).toMatchObject({
      schemaVersion: 3,
      readingPositions: { 'new-jihadi-sphere': position, 'us-weighs-cooperation': { offset: 10 } },
      sourceVersions: {},
    });
  });

  it('releases the lock when opening fails after taking it', async () => {
    await open().then((n) => n.close());
    await writeFile(join(dataDir(), 'notebook.json'), 'damaged');
    const fs = new FaultyStoreFs().fail('rename', 'EACCES');
    await expect(open({ fs })).rejects.toThrow(/moving it to the quarantine folder failed: permission denied \(EACCES\)/);
    expect((await readdir(dataDir())).sort()).toEqual(['notebook.json', 'quarantine']);
    expect(await readFile(join(dataDir(), 'notebook.json'), 'utf8')).toBe('damaged');
  });
});
