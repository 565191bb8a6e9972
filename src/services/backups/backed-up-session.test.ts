import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { writeTinyLibrary } from '../../../tests/unit/support/tiny-library';
import type { BackupList, NotebookStatus, ReadingPosition, RestoreReport } from '../../shared/api-contract';
import type { ApiResult } from '../../shared/api-result';
import { openNotebook, type Notebook } from '../open-notebook';
import type { StoreFs } from '../store/store-fs';

const root = useTempDir('backed-up');
const dataDir = () => join(root(), 'data');
const opened: Notebook[] = [];
let clock = 0;
const SOURCE = 'new-jihadi-sphere';

beforeEach(async () => {
  clock = Date.parse('2026-05-01T10:00:00.000Z');
  await writeTinyLibrary(join(root(), 'resources'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((notebook) => notebook.close()));
});

async function open(fs?: StoreFs): Promise<Notebook> {
  const notebook = await openNotebook({ dataDir: dataDir(), resourcesDir: join(root(), 'resources'), shell: 'browser', fs, now: () => new Date(clock) });
  opened.push(notebook);
  return notebook;
}

async function value<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

const list = (notebook: Notebook) => value<BackupList>(notebook.dispatch('backups.list', {}));
const status = (notebook: Notebook) => value<NotebookStatus>(notebook.dispatch('notebook.status', {}));
const setReading = (notebook: Notebook, offset: number) => value<ReadingPosition>(notebook.dispatch('reading.set', { sourceId: SOURCE, offset }));
const readingOffset = async (notebook: Notebook) => (await value<ReadingPosition | null>(notebook.dispatch('reading.get', { sourceId: SOURCE })))?.offset ?? null;

describe('a notebook with backups', () => {
  it('is backed up at start, then at most hourly after a call, and never twice unchanged', async () => {
    const first = await open();
    expect((await list(first)).backups).toEqual([]);
    await setReading(first, 10);
    await first.close();

    clock += 60_000;
    const second = await open();
    const [atStart] = (await list(second)).backups;
    expect(atStart).toMatchObject({ id: '2026-05-01T10-01-00.000Z', reason: 'open', files: 1 });
    await setReading(second, 20);
    clock += 59 * 60_000;
    await setReading(second, 30);
    expect((await list(second)).backups).toHaveLength(1);
    clock += 60_000;
    await setReading(second, 40);
    // The hourly backup runs after the call that found it due, holding back the calls after it.
    expect((await list(second)).backups.map((b) => [b.reason, b.takenAt])).toEqual([
      ['hourly', '2026-05-01T11:01:00.000Z'],
      ['open', '2026-05-01T10:01:00.000Z'],
    ]);
    await second.close();

    clock += 60_000;
    const third = await open();
    expect((await list(third)).backups).toHaveLength(2);
  });

  it('offers the backup holding a readable copy of a damaged file, and restores it', async () => {
    const first = await open();
    await setReading(first, 5000);
    await first.close();
    clock += 60_000;
    await (await open()).close();
    const damaged = '{"schemaVersion":2,"readingPositions":{"new-jihadi-sphere":';
    await writeFile(join(dataDir(), 'notebook.json'), damaged);

    clock += 60_000;
    const notebook = await open();
    const [notice] = (await status(notebook)).notices;
    expect(notice).toMatchObject({ kind: 'quarantined', backup: { id: '2026-05-01T10-01-00.000Z', takenAt: '2026-05-01T10:01:00.000Z' } });
    expect(notice?.message).toMatch(/ The backup of 2026-05-01 10:01:00 UTC has a readable copy of notebook\.json: restoring it brings the whole notebook back to that time\.$/);
    expect(await readFile(notice?.path ?? '', 'utf8')).toBe(damaged);
    expect(await readingOffset(notebook)).toBeNull();
    // No backup was taken of the state the damage left, so the one offered is not rotated out.
    expect((await list(notebook)).backups).toHaveLength(1);

    const report = await value<RestoreReport>(notebook.dispatch('backups.restore', { backupId: notice?.backup?.id }));
    expect(report.restored.id).toBe('2026-05-01T10-01-00.000Z');
    expect(report.before).toMatchObject({ reason: 'before-restore', takenAt: '2026-05-01T10:02:00.000Z' });
    expect(await readingOffset(notebook)).toBe(5000);
    await setReading(notebook, 6000);
    await notebook.close();
    expect(await readingOffset(await open())).toBe(6000);
  });

  it('lets the calls made before a restore finish first, and runs the ones made after it on the restored notebook', async () => {
    const notebook = await open();
    await setReading(notebook, 1);
    await notebook.close();
    const reopened = await open();
    const [backup] = (await list(reopened)).backups;

    const before = setReading(reopened, 100);
    const restore = value<RestoreReport>(reopened.dispatch('backups.restore', { backupId: backup?.id }));
    const after = setReading(reopened, 200);
    await Promise.all([before, restore, after]);
    expect(await readingOffset(reopened)).toBe(200);
    const { before: safety } = await restore;
    expect(safety.reason).toBe('before-restore');
    const kept = JSON.parse(await readFile(join(dataDir(), 'backups', safety.id, 'store', 'notebook.json'), 'utf8')) as { readingPositions: Record<string, { offset: number }> };
    expect(kept.readingPositions[SOURCE]?.offset).toBe(100);
  });

  it('refuses an input that is not a backup id, and a backup that does not exist', async () => {
    const notebook = await open();
    expect(await notebook.dispatch('backups.restore', { backupId: '../notebook.json' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: ['backupId: must be the id of a backup, as backups.list gives it'] },
    });
    expect(await notebook.dispatch('backups.restore', { backupId: '2020-01-01T00-00-00.000Z' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('says when a backup fails, keeps working, and clears the notice once a backup works again', async () => {
    const first = await open();
    await setReading(first, 10);
    await first.close();
    const fs = new FaultyStoreFs().fail('open-file', 'ENOSPC', /[/\\]backups[/\\]/);
    const notebook = await open(fs);
    const [notice] = (await status(notebook)).notices;
    expect(notice).toEqual({
      kind: 'backup-failed',
      message: `Could not back up the notebook to ${join(dataDir(), 'backups')}: no space left on device (ENOSPC). The notebook itself is unaffected; Notebook tries again in an hour.`,
      path: join(dataDir(), 'backups'),
    });
    expect(await setReading(notebook, 20)).toMatchObject({ offset: 20 });
    fs.heal();
    clock += 60 * 60_000;
    await setReading(notebook, 30);
    expect((await status(notebook)).notices).toEqual([]);
    expect((await list(notebook)).backups).toMatchObject([{ reason: 'hourly' }]);
  });

  it('stops writing when a restore cannot finish or be undone, and finishes it at the next start', async () => {
    const first = await open();
    await setReading(first, 10);
    await first.close();
    clock += 60_000;
    const fs = new FaultyStoreFs();
    const notebook = await open(fs);
    const [backup] = (await list(notebook)).backups;
    await setReading(notebook, 20);
    fs.fail('remove', 'EIO', /restore-in-progress\.json$/);

    const failed = await notebook.dispatch('backups.restore', { backupId: backup?.id });
    expect(failed).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(/was restored, but Notebook could not record that the restore finished/) } });
    expect(await notebook.dispatch('reading.set', { sourceId: SOURCE, offset: 30 })).toEqual(failed);
    await notebook.close();

    const next = await open();
    expect((await status(next)).notices).toMatchObject([{ kind: 'recovered', message: expect.stringMatching(/^Notebook stopped while restoring the backup of 2026-05-01 10:01:00 UTC; the restore has now been finished/) }]);
    expect(await readingOffset(next)).toBe(10);
  });
});
