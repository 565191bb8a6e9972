import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailNthFs } from '../../../tests/stress/support/fail-nth-fs';
import { readTextTree, writeTree } from '../../../tests/stress/support/file-tree';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import type { BackupId } from '../../core/model/ids';
import { BACKUP_ID_PATTERN, type BackupSummary } from '../../shared/api-contract';
import { NotFoundError } from '../service-errors';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';
import { DurableFile } from '../store/durable-file';
import { Backups, RestoreInterruptedError } from './backups';
import { NotebookWrites } from './notebook-writes';

const root = useTempDir('backups');
const dataDir = () => join(root(), 'data');

const NOTEBOOK = {
  'notebook.json': '{"schemaVersion":2,"readingPositions":{}}',
  'tags.json': '{"tags":[]}',
  'highlights/report/a.json': '{"highlights":[1]}',
};
/** Things a data directory holds that are not the notebook. */
const NOT_THE_NOTEBOOK = {
  'notebook.lock': '{"pid":1}',
  'quarantine/notebook.json.2026-01-01T00-00-00.000Z.damaged': 'damaged',
  'notebook.json.00112233aabb.tmp': '{"half',
  'notebook.lock.00112233aabb.stale': '{"pid":2}',
};

function backupsAt(options: { fs?: StoreFs; keep?: number; start?: string } = {}): { backups: Backups; advance: (ms: number) => void } {
  let clock = new Date(options.start ?? '2026-05-01T10:00:00.000Z').getTime();
  const backups = new Backups({ fs: options.fs ?? nodeStoreFs, dataDir: dataDir(), now: () => new Date(clock), keep: options.keep });
  return { backups, advance: (ms) => void (clock += ms) };
}

function idOf(summary: BackupSummary | null): BackupId {
  if (summary === null) throw new Error('expected a backup to be taken');
  return summary.id;
}

/** The notebook's files as they are, without what the data directory holds besides. */
async function notebookFiles(): Promise<Record<string, string>> {
  const tree = await readTextTree(dataDir());
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !/^(backups|quarantine)\/|^notebook\.lock|\.(tmp|stale)$/.test(path)));
}

describe('Backups', () => {
  it('copies every file of the notebook, and nothing else the data directory holds', async () => {
    await writeTree(dataDir(), { ...NOTEBOOK, ...NOT_THE_NOTEBOOK });
    const { backups } = backupsAt();
    const taken = await backups.take('open');
    expect(taken).toEqual({ id: '2026-05-01T10-00-00.000Z', takenAt: '2026-05-01T10:00:00.000Z', reason: 'open', files: 3, bytes: 70 });
    expect(taken?.id).toMatch(BACKUP_ID_PATTERN);
    const copy = await readTextTree(join(dataDir(), 'backups', '2026-05-01T10-00-00.000Z'));
    expect(Object.keys(copy)).toEqual(['backup.json', 'store/highlights/report/a.json', 'store/notebook.json', 'store/tags.json']);
    expect(copy['store/highlights/report/a.json']).toBe(NOTEBOOK['highlights/report/a.json']);
    expect(JSON.parse(copy['backup.json'] ?? '')).toMatchObject({ schemaVersion: 1, reason: 'open', files: [{ path: 'highlights/report/a.json', bytes: 18, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }, {}, {}] });
    expect(await backups.list()).toEqual([taken]);
  });

  it('takes nothing for an empty notebook, and no second backup of an unchanged one', async () => {
    await writeTree(dataDir(), NOT_THE_NOTEBOOK);
    const { backups, advance } = backupsAt();
    expect(await backups.take('open')).toBeNull();
    await writeTree(dataDir(), NOTEBOOK);
    const first = await backups.take('open');
    advance(60_000);
    expect(await backups.take('hourly')).toEqual(first);
    await writeFile(join(dataDir(), 'tags.json'), '{"tags":[2]}');
    advance(60_000);
    const second = await backups.take('hourly');
    expect(second).toMatchObject({ id: '2026-05-01T10-02-00.000Z', reason: 'hourly' });
    expect((await backups.list()).map((b) => b.id)).toEqual(['2026-05-01T10-02-00.000Z', '2026-05-01T10-00-00.000Z']);
  });

  it('links the files the newest backup holds unchanged instead of writing them again', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const { backups, advance } = backupsAt();
    const first = idOf(await backups.take('open'));
    await writeFile(join(dataDir(), 'tags.json'), '{"tags":[2]}');
    advance(60_000);
    const second = idOf(await backups.take('hourly'));
    const copy = (id: BackupId, path: string) => stat(join(dataDir(), 'backups', id, 'store', path));
    expect((await copy(second, 'highlights/report/a.json')).ino).toBe((await copy(first, 'highlights/report/a.json')).ino);
    expect((await copy(second, 'tags.json')).ino).not.toBe((await copy(first, 'tags.json')).ino);
    await rm(join(dataDir(), 'backups', first), { recursive: true });
    expect(await readFile(join(dataDir(), 'backups', second, 'store', 'highlights/report/a.json'), 'utf8')).toBe(NOTEBOOK['highlights/report/a.json']);
  });

  it('reads the notebook beside the calls and keeps the copy only if nothing changed while it read', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const writes = new NotebookWrites(nodeStoreFs, dataDir());
    const { backups } = backupsAt({ fs: writes.fs });
    let pauses = 0;
    // Called before each attempt and before each file: the third pause lets a call save tags.json mid-read.
    const quiet = async () => {
      pauses++;
      if (pauses === 3) await new DurableFile(join(dataDir(), 'tags.json'), 'tags', writes.fs).write('{"tags":[3]}');
    };
    expect(await backups.takeBesideCalls('open', quiet, writes)).toBe(true);
    expect(pauses).toBe(8);
    const [taken] = await backups.list();
    expect(taken).toMatchObject({ reason: 'open', files: 3 });
    expect(await readFile(join(dataDir(), 'backups', taken?.id ?? '', 'store', 'tags.json'), 'utf8')).toBe('{"tags":[3]}');
    expect(backups.due).toBe(false);
  });

  it('takes nothing beside the calls when every read saw a change', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const writes = new NotebookWrites(nodeStoreFs, dataDir());
    const { backups } = backupsAt({ fs: writes.fs });
    let pauses = 0;
    const quiet = async () => {
      pauses++;
      if (pauses % 4 === 3) await new DurableFile(join(dataDir(), 'tags.json'), 'tags', writes.fs).write(`{"tags":[${pauses}]}`);
    };
    expect(await backups.takeBesideCalls('open', quiet, writes)).toBe(false);
    expect(await backups.list()).toEqual([]);
  });

  it('is due an hour after the last attempt, and not before', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const { backups, advance } = backupsAt();
    expect(backups.due).toBe(true);
    await backups.take('open');
    advance(59 * 60_000);
    expect(backups.due).toBe(false);
    advance(60_000);
    expect(backups.due).toBe(true);
    backups.skipUntilDue();
    expect(backups.due).toBe(false);
  });

  it('keeps the newest backups, orders clashing ids by time, and removes what an interrupted backup left', async () => {
    await writeTree(dataDir(), { ...NOTEBOOK, 'backups/2026-04-01T00-00-00.000Z.aabbccddeeff.partial/store/notebook.json': '{' });
    const { backups, advance } = backupsAt({ keep: 3 });
    for (let n = 0; n < 12; n++) {
      await writeFile(join(dataDir(), 'tags.json'), `{"tags":[${n}]}`);
      // Twelve backups in the same millisecond, then a later one: ids ...Z, ...Z-1 ... ...Z-11.
      if (n === 11) advance(1);
      await backups.take('hourly');
    }
    expect((await backups.list()).map((b) => b.id)).toEqual(['2026-05-01T10-00-00.001Z', '2026-05-01T10-00-00.000Z-10', '2026-05-01T10-00-00.000Z-9']);
    expect((await readdir(join(dataDir(), 'backups'))).sort()).toEqual(['2026-05-01T10-00-00.000Z-10', '2026-05-01T10-00-00.000Z-9', '2026-05-01T10-00-00.001Z']);
  });

  it('restores a backup exactly (changed, added and removed files), backing up the notebook as it was first', async () => {
    await writeTree(dataDir(), { ...NOTEBOOK, ...NOT_THE_NOTEBOOK });
    const { backups, advance } = backupsAt();
    const old = await backups.take('open');
    await writeTree(dataDir(), { 'tags.json': '{"tags":["new"]}', 'highlights/other/b.json': '{"highlights":[2]}' });
    await rm(join(dataDir(), 'highlights', 'report', 'a.json'));
    const changed = await notebookFiles();
    advance(1000);

    const report = await backups.restore(idOf(old));
    expect(report).toEqual({ restored: old, before: { id: '2026-05-01T10-00-01.000Z', takenAt: '2026-05-01T10:00:01.000Z', reason: 'before-restore', files: 3, bytes: 75 } });
    expect(await notebookFiles()).toEqual(NOTEBOOK);
    // Beside the notebook, nothing was touched: not the lock, not the quarantine.
    expect(await readFile(join(dataDir(), 'notebook.lock'), 'utf8')).toBe(NOT_THE_NOTEBOOK['notebook.lock']);
    expect(await readdir(join(dataDir(), 'backups'))).not.toContain('restore-in-progress.json');

    await backups.restore(report.before.id);
    expect(await notebookFiles()).toEqual(changed);
  });

  it('refuses an unknown backup and a damaged one, changing nothing', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const { backups } = backupsAt();
    const taken = await backups.take('open');
    const id = idOf(taken);
    await writeFile(join(dataDir(), 'tags.json'), '{"tags":["kept"]}');
    const before = await readTextTree(dataDir());

    await expect(backups.restore('2020-01-01T00-00-00.000Z' as BackupId)).rejects.toThrow(NotFoundError);
    await writeFile(join(dataDir(), 'backups', id, 'store', 'tags.json'), '{"tags":["altered"]}');
    await expect(backups.restore(id)).rejects.toThrow(`Backup ${id} cannot be restored: its copy of tags.json has changed since the backup was taken. Nothing was changed; choose another backup.`);
    await writeFile(join(dataDir(), 'backups', id, 'backup.json'), '{"schemaVersion":1,"takenAt":"x"');
    await expect(backups.restore(id)).rejects.toThrow(/^Backup .+ cannot be restored: its backup\.json could not be read \(.+ at byte 32\)\. Nothing was changed/);
    expect(await readTextTree(dataDir())).toEqual({ ...before, [`backups/${id}/backup.json`]: '{"schemaVersion":1,"takenAt":"x"', [`backups/${id}/store/tags.json`]: '{"tags":["altered"]}' });
  });

  it('refuses a manifest naming a file outside the notebook', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const { backups } = backupsAt();
    const id = idOf(await backups.take('open'));
    const manifestPath = join(dataDir(), 'backups', id, 'backup.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { files: { path: string }[] };
    for (const path of ['../outside.json', 'notebook.lock', 'backups/x.json', '/etc/passwd']) {
      manifest.files[0] = { ...manifest.files[0], path };
      await writeFile(manifestPath, JSON.stringify(manifest));
      await expect(backups.restore(id)).rejects.toThrow(/its backup\.json could not be read \(wrong shape: files\.0\.path: must be a path inside the notebook\)/);
    }
  });

  it('puts the notebook back as it was when a restore fails part-way, whichever step fails', async () => {
    const changedFiles = { 'tags.json': '{"tags":["new"]}', 'highlights/report/a.json': '{"highlights":[9]}', 'memos/m.json': '{}' };
    /** A backup of NOTEBOOK, then the notebook changed (one file added): what each attempt starts from. */
    const prepare = async (): Promise<BackupId> => {
      await rm(dataDir(), { recursive: true, force: true });
      await writeTree(dataDir(), NOTEBOOK);
      const id = idOf(await backupsAt({ start: '2026-05-01T09:00:00.000Z' }).backups.take('open'));
      await writeTree(dataDir(), changedFiles);
      return id;
    };
    const clean = new FailNthFs();
    await backupsAt({ fs: clean }).backups.restore(await prepare());
    const changed = { ...NOTEBOOK, ...changedFiles };

    const outcomes = { restored: 0, keptAsItWas: 0, finishedAtNextStart: 0 };
    for (let at = 1; at <= clean.operations; at++) {
      const id = await prepare();
      const fs = new FailNthFs({ at, code: 'EIO' });
      const failure = await backupsAt({ fs }).backups.restore(id).then(() => null, (error: unknown) => error);
      const files = await notebookFiles();
      const step = `failing operation ${at} (${fs.failed.join()})`;
      if (failure === null) {
        expect(files, step).toEqual(NOTEBOOK);
        outcomes.restored++;
      } else if (failure instanceof RestoreInterruptedError) {
        expect(failure.message, step).toMatch(/^The backup of 2026-05-01 09:00:00 UTC was restored, but Notebook could not record that the restore finished \(input\/output error on the disk \(EIO\)\)\. Close Notebook and start it again; nothing will be lost\.$/);
        expect(files, step).toEqual(NOTEBOOK);
        // The record is still there (the next start restores again) or was removed before the folder sync failed.
        expect([null, 'recovered'], step).toContain((await backupsAt().backups.finishInterruptedRestore())?.kind ?? null);
        expect(await notebookFiles(), step).toEqual(NOTEBOOK);
        outcomes.finishedAtNextStart++;
      } else {
        expect((failure as Error).message, step).toMatch(/input\/output error on the disk \(EIO\)/);
        expect(files, step).toEqual(changed);
        outcomes.keptAsItWas++;
      }
    }
    // Failing to remove the restore's record, once every file is replaced, leaves the restore done
    // but unrecorded (finished again at the next start); any other failure leaves the notebook as it was.
    console.info(`restore, failing each of its ${clean.operations} operations in turn: ${JSON.stringify(outcomes)}`);
    expect(outcomes.keptAsItWas).toBeGreaterThan(20);
    expect(outcomes.finishedAtNextStart).toBeGreaterThan(0);
    expect(outcomes.restored + outcomes.keptAsItWas + outcomes.finishedAtNextStart).toBe(clean.operations);
  });

  it('finishes at the next start a restore that stopped part-way, or goes back if its backup is gone', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const { backups, advance } = backupsAt();
    const old = idOf(await backups.take('open'));
    await writeFile(join(dataDir(), 'tags.json'), '{"tags":["new"]}');
    advance(1000);
    const changed = await notebookFiles();
    // The state a crash leaves: the "before" backup taken, the record written, one file replaced.
    const before = idOf(await backups.take('hourly'));
    await writeFile(join(dataDir(), 'backups', 'restore-in-progress.json'), JSON.stringify({ schemaVersion: 1, backupId: old, beforeId: before }));
    await writeFile(join(dataDir(), 'notebook.json'), '{"half":"replaced"}');

    const notice = await backupsAt().backups.finishInterruptedRestore();
    expect(notice).toEqual({
      kind: 'recovered',
      message: `Notebook stopped while restoring the backup of 2026-05-01 10:00:00 UTC; the restore has now been finished. The notebook as it was before is kept as backup ${before}.`,
      path: join(dataDir(), 'backups', old),
    });
    expect(await notebookFiles()).toEqual(NOTEBOOK);
    expect(await backupsAt().backups.finishInterruptedRestore()).toBeNull();

    await writeFile(join(dataDir(), 'backups', 'restore-in-progress.json'), JSON.stringify({ schemaVersion: 1, backupId: old, beforeId: before }));
    await rm(join(dataDir(), 'backups', old), { recursive: true });
    expect((await backupsAt().backups.finishInterruptedRestore())?.message).toBe(
      `Notebook stopped while restoring backup ${old}, which can no longer be read, so the notebook was put back as it was before (the backup of 2026-05-01 10:00:01 UTC).`,
    );
    expect(await notebookFiles()).toEqual(changed);
  });

  it('moves aside a record of a restore that cannot be read, saying the files may be mixed', async () => {
    await writeTree(dataDir(), { ...NOTEBOOK, 'backups/restore-in-progress.json': '{"schemaVersion":1,"backupId":' });
    const notice = await backupsAt().backups.finishInterruptedRestore();
    expect(notice?.kind).toBe('quarantined');
    expect(notice?.message).toMatch(/^Notebook stopped while restoring a backup, and the record of which one could not be read/);
    expect(await readFile(notice?.path ?? '', 'utf8')).toBe('{"schemaVersion":1,"backupId":');
    expect(await notebookFiles()).toEqual(NOTEBOOK);
  });

  it('offers the newest backup whose copy of a file is usable, and keeps it from being pruned', async () => {
    await writeTree(dataDir(), NOTEBOOK);
    const { backups, advance } = backupsAt({ keep: 2 });
    const good = await backups.take('open');
    advance(1000);
    await writeFile(join(dataDir(), 'tags.json'), 'not usable');
    await backups.take('hourly');
    const usable = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8').startsWith('{');

    expect(await backups.usableCopy({ file: 'tags.json', usable })).toEqual(good);
    expect(await backups.usableCopy({ file: 'memos/none.json', usable })).toBeNull();
    for (let n = 0; n < 3; n++) {
      advance(1000);
      await writeFile(join(dataDir(), 'notebook.json'), `{"n":${n}}`);
      await backups.take('hourly');
    }
    expect((await backups.list()).map((b) => b.id)).toEqual(['2026-05-01T10-00-04.000Z', '2026-05-01T10-00-03.000Z', good?.id]);
  });
});
