import { randomBytes } from 'node:crypto';
import { link, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BackupId } from '../../core/model/ids';
import { BACKUP_ID_PATTERN, type BackupSummary, type RestoreReport, type StoreNotice } from '../../shared/api-contract';
import { NotFoundError } from '../service-errors';
import { decodeStoreFile } from '../store/decode-store-file';
import type { MovedStoreFile } from '../store/json-document';
import { quarantineFile } from '../store/quarantine';
import { describeFsError, StorageError } from '../store/storage-error';
import { errorCode, syncDirectory, type StoreFs } from '../store/store-fs';
import {
  BACKUP_FILES_FOLDER,
  BACKUP_MANIFEST_FILE,
  backupIdAt,
  backupManifestFormat,
  holdsExactly,
  manifestOf,
  sha256,
  summaryOf,
  type BackupManifest,
  type BackupReason,
} from './backup-manifest';
import type { NotebookWrites } from './notebook-writes';
import { RESTORE_MARKER_FILE, RestoreMarkerFile } from './restore-marker';
import { absolutePath, BACKUPS_FOLDER, readStoreFiles, replaceStoreFiles, type StoreFile } from './store-files';

/** How many backups are kept: the newest ones, plus any offered to the person or restored this run. */
export const KEEP_BACKUPS = 10;
export const BACKUP_INTERVAL_MS = 60 * 60 * 1000;
/** Files a backup writes at once: enough for the disk to sync them together, few enough for file handles. */
const WRITES_AT_ONCE = 32;
/** Reads of the notebook beside the calls that may each see a change before takeBesideCalls gives up. */
const READS_BESIDE_CALLS = 3;

export interface BackupsOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly keep?: number;
}

/** A restore stopped part-way and could not be undone: the notebook must not be used until restarted. */
export class RestoreInterruptedError extends StorageError {
  constructor(message: string, path: string, code: string | undefined) {
    super(message, path, code);
    this.name = 'RestoreInterruptedError';
  }
}

interface VerifiedBackup {
  readonly summary: BackupSummary;
  readonly files: StoreFile[];
}

/** "2026-05-01T10:20:30.123Z" → "2026-05-01 10:20:30 UTC" */
export const backupTime = (takenAt: string): string => takenAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
export const describeBackup = (takenAt: string): string => `the backup of ${backupTime(takenAt)}`;

/** An id is "<time>Z" or "<time>Z-<counter>". */
function partsOf(id: string): { readonly time: string; readonly counter: number } {
  const [time = '', counter = ''] = id.split('Z');
  return { time, counter: counter === '' ? 0 : Number(counter.slice(1)) };
}

/** "2026-05-01T10-20-30.123Z-2" sorts after "...Z" and after "...Z-1": by time, then counter. */
function compareIds(a: string, b: string): number {
  const [x, y] = [partsOf(a), partsOf(b)];
  return x.time === y.time ? x.counter - y.counter : x.time < y.time ? -1 : 1;
}

function idAfter(id: BackupId): BackupId {
  const { time, counter } = partsOf(id);
  return `${time}Z-${counter + 1}` as BackupId;
}

/**
 * The rolling backups of a data directory, in `<dataDir>/backups/<id>/`: each holds a copy of every
 * file of the notebook under `store/` and a manifest with their hashes, and appears only once
 * complete and durable (it is written under a temporary name and renamed). Only the holder of the
 * data directory's lock may use this.
 */
export class Backups {
  readonly folder: string;
  readonly #marker: RestoreMarkerFile;
  /** Kept whatever their age: offered to the person this run, or being restored. */
  readonly #kept = new Set<BackupId>();
  #lastAttempt: number | null = null;
  /** The backup or restore writing now, which the next one waits for. */
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: BackupsOptions) {
    this.folder = join(options.dataDir, BACKUPS_FOLDER);
    this.#marker = new RestoreMarkerFile(options.fs, join(this.folder, RESTORE_MARKER_FILE));
  }

  /** Whether an hour has passed since the last backup was attempted (or none has been). */
  get due(): boolean {
    return this.#lastAttempt === null || Math.abs(this.options.now().getTime() - this.#lastAttempt) >= BACKUP_INTERVAL_MS;
  }

  /** Counts now as the last backup attempted, so the next is due in an hour. */
  skipUntilDue(): void {
    this.#lastAttempt = this.options.now().getTime();
  }

  /**
   * Backs up the notebook as it is now and keeps the newest backups. Resolves with the backup that
   * holds the current state, or null for a notebook with no files yet (nothing to back up).
   */
  async take(reason: 'open' | 'hourly'): Promise<BackupSummary | null> {
    this.#lastAttempt = this.options.now().getTime();
    const files = await this.#readNotebook('back up the notebook');
    return files.length === 0 ? null : this.#oneAtATime(() => this.#keep(files, reason));
  }

  /** Runs `work` once the backup or restore before it is done: two never write the backups folder at once. */
  #oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(work);
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * Backs up the notebook as take() does, but reads its files beside the calls, each file at a
   * moment when no call runs (`quiet`), so that taking it holds no call back. The copy is kept only
   * if no file of the notebook changed while it was read (`writes`), so it is of one instant; after
   * a few reads that saw a change, resolves with false and takes nothing.
   */
  async takeBesideCalls(reason: 'open' | 'hourly', quiet: () => Promise<void>, writes: NotebookWrites): Promise<boolean> {
    this.#lastAttempt = this.options.now().getTime();
    for (let attempt = 0; attempt < READS_BESIDE_CALLS; attempt++) {
      await quiet();
      if (writes.running) continue;
      const begun = writes.begun;
      const files = await this.#readNotebook('back up the notebook', quiet);
      if (writes.begun !== begun || writes.running) continue;
      if (files.length > 0) await this.#oneAtATime(() => this.#keep(files, reason));
      return true;
    }
    return false;
  }

  /** Every readable backup, newest first. A backup whose manifest cannot be read is left out. */
  async list(): Promise<BackupSummary[]> {
    const summaries: BackupSummary[] = [];
    for (const id of (await this.#ids()).reverse()) {
      const manifest = await this.#manifest(id).catch(() => null);
      if (manifest !== null) summaries.push(summaryOf(id, manifest));
    }
    return summaries;
  }

  /**
   * The newest backup holding an intact, usable copy of a file that was moved aside, or null. The
   * backup offered is kept from then on, so that it is still there when the person accepts.
   */
  async usableCopy(moved: MovedStoreFile): Promise<BackupSummary | null> {
    for (const id of (await this.#ids().catch((): BackupId[] => [])).reverse()) {
      try {
        const manifest = await this.#manifest(id);
        const entry = manifest.files.find((file) => file.path === moved.file);
        if (entry === undefined) continue;
        const bytes = await this.options.fs.readFile(absolutePath(join(this.folder, id, BACKUP_FILES_FOLDER), entry.path));
        if (sha256(bytes) === entry.sha256 && moved.usable(bytes)) {
          this.#kept.add(id);
          return summaryOf(id, manifest);
        }
      } catch {
        // A backup that cannot be read offers nothing; older ones may.
      }
    }
    return null;
  }

  /**
   * Makes the notebook's files those of backup `id`, after backing up the notebook as it is. If
   * replacing the files fails, the notebook is put back as it was; if even that fails, a
   * RestoreInterruptedError says so and the next start finishes the restore.
   */
  restore(id: BackupId): Promise<RestoreReport> {
    return this.#oneAtATime(() => this.#restore(id));
  }

  async #restore(id: BackupId): Promise<RestoreReport> {
    const chosen = await this.#verified(id);
    this.#kept.add(id);
    const what = describeBackup(chosen.summary.takenAt);
    const current = await this.#readNotebook(`restore ${what}`);
    let before: BackupSummary;
    try {
      before = await this.#keep(current, 'before-restore');
    } catch (error) {
      throw new StorageError(`Could not restore ${what}: backing up the notebook as it is first failed (${describeFsError(error)}). Nothing was changed.`, this.folder, errorCode(error));
    }
    try {
      await this.#marker.write(id, before.id);
    } catch (error) {
      throw new StorageError(`Could not restore ${what}: ${describeFsError(error)}. Nothing was changed.`, this.#marker.path, errorCode(error));
    }
    try {
      await replaceStoreFiles(this.options.fs, this.options.dataDir, current, chosen.files);
    } catch (error) {
      await this.#putBack(current, what, error);
    }
    try {
      await this.#marker.clear();
    } catch (error) {
      throw new RestoreInterruptedError(
        `The backup of ${backupTime(chosen.summary.takenAt)} was restored, but Notebook could not record that the restore finished (${describeFsError(error)}). Close Notebook and start it again; nothing will be lost.`,
        this.#marker.path,
        errorCode(error),
      );
    }
    return { restored: chosen.summary, before };
  }

  /**
   * Finishes a restore that stopped part-way (Notebook was closed or crashed in the middle), so the
   * store never opens half one backup and half another. Returns the notice to show, if any.
   */
  async finishInterruptedRestore(): Promise<StoreNotice | null> {
    const decoded = await this.#marker.read();
    if (decoded === null) return null;
    if (!decoded.ok) {
      const kept = await quarantineFile({ fs: this.options.fs, dataDir: this.options.dataDir, path: this.#marker.path, reason: 'damaged', now: this.options.now() });
      return {
        kind: 'quarantined',
        message: `Notebook stopped while restoring a backup, and the record of which one could not be read, so some files may be from the backup and some not. Restore the backup you wanted again (the list is in ${this.folder}). The record's bytes were kept at ${kept}.`,
        path: kept,
      };
    }
    const { backupId, beforeId } = decoded.data;
    const chosen = await this.#verified(backupId).catch(() => null);
    // Without the backup being restored, the notebook goes back to what it was before the restore.
    const target = chosen ?? (await this.#verified(beforeId));
    const what = describeBackup(target.summary.takenAt);
    const current = await this.#readNotebook(`finish restoring ${what}`);
    try {
      await replaceStoreFiles(this.options.fs, this.options.dataDir, current, target.files);
      await this.#marker.clear();
    } catch (error) {
      throw new StorageError(
        `Notebook stopped while restoring a backup and could not finish it now (${describeFsError(error)}). Nothing was deleted; start Notebook again once the disk has been fixed.`,
        this.folder,
        errorCode(error),
      );
    }
    const message =
      chosen === null
        ? `Notebook stopped while restoring backup ${backupId}, which can no longer be read, so the notebook was put back as it was before (${what}).`
        : `Notebook stopped while restoring ${what}; the restore has now been finished. The notebook as it was before is kept as backup ${beforeId}.`;
    return { kind: 'recovered', message, path: join(this.folder, target.summary.id) };
  }

  async #putBack(current: readonly StoreFile[], what: string, cause: unknown): Promise<never> {
    try {
      const partly = await readStoreFiles(this.options.fs, this.options.dataDir);
      await replaceStoreFiles(this.options.fs, this.options.dataDir, partly, current);
      await this.#marker.clear();
    } catch (error) {
      throw new RestoreInterruptedError(
        `Restoring ${what} stopped part-way (${describeFsError(cause)}), and putting the notebook back as it was failed too (${describeFsError(error)}). Close Notebook: at its next start it finishes the restore.`,
        this.options.dataDir,
        errorCode(error),
      );
    }
    throw new StorageError(`Could not restore ${what}: ${describeFsError(cause)}. The notebook is as it was; nothing was lost.`, this.options.dataDir, errorCode(cause));
  }

  /**
   * A backup holding `files`: the newest one if it already holds exactly them (so restarting
   * without changes rotates nothing out), else a new one, after which the oldest are removed.
   */
  async #keep(files: readonly StoreFile[], reason: BackupReason): Promise<BackupSummary> {
    const newest = await this.#newest().catch(() => null);
    if (newest !== null && holdsExactly(newest.manifest, files)) return newest.summary;
    const summary = await this.#write(files, reason, newest);
    await this.#prune();
    return summary;
  }

  async #readNotebook(purpose: string, beforeEachFile?: () => Promise<void>): Promise<StoreFile[]> {
    try {
      return await readStoreFiles(this.options.fs, this.options.dataDir, beforeEachFile);
    } catch (error) {
      throw new StorageError(`Could not ${purpose}: reading its files in ${this.options.dataDir} failed (${describeFsError(error)}).`, this.options.dataDir, errorCode(error));
    }
  }

  /** Backup ids present, oldest first. */
  async #ids(): Promise<BackupId[]> {
    let names: string[];
    try {
      names = await this.options.fs.readdir(this.folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw new StorageError(`Could not list the backups in ${this.folder}: ${describeFsError(error)}.`, this.folder, errorCode(error));
    }
    return names.filter((name) => BACKUP_ID_PATTERN.test(name)).sort(compareIds) as BackupId[];
  }

  async #manifest(id: BackupId): Promise<BackupManifest> {
    const decoded = decodeStoreFile(await this.options.fs.readFile(join(this.folder, id, BACKUP_MANIFEST_FILE)), backupManifestFormat);
    if (!decoded.ok) throw new Error(decoded.reason === 'damaged' ? decoded.detail : `it was written by a newer Notebook (schemaVersion ${decoded.version})`);
    return decoded.data;
  }

  async #newest(): Promise<{ readonly summary: BackupSummary; readonly manifest: BackupManifest } | null> {
    for (const id of (await this.#ids()).reverse()) {
      const manifest = await this.#manifest(id).catch(() => null);
      if (manifest !== null) return { summary: summaryOf(id, manifest), manifest };
    }
    return null;
  }

  /** Backup `id` with every file read and checked against the hash it was taken with. */
  async #verified(id: BackupId): Promise<VerifiedBackup> {
    if (!(await this.#ids()).includes(id)) {
      throw new NotFoundError(`There is no backup ${id} in ${this.folder}; backups.list gives the backups there are.`);
    }
    const unusable = (why: string, error?: unknown): StorageError =>
      new StorageError(`Backup ${id} cannot be restored: ${why}. Nothing was changed; choose another backup.`, join(this.folder, id), errorCode(error));
    let manifest: BackupManifest;
    try {
      manifest = await this.#manifest(id);
    } catch (error) {
      throw unusable(`its ${BACKUP_MANIFEST_FILE} could not be read (${describeFsError(error)})`, error);
    }
    const files: StoreFile[] = [];
    for (const entry of manifest.files) {
      let bytes: Uint8Array;
      try {
        bytes = await this.options.fs.readFile(absolutePath(join(this.folder, id, BACKUP_FILES_FOLDER), entry.path));
      } catch (error) {
        throw unusable(`its copy of ${entry.path} could not be read (${describeFsError(error)})`, error);
      }
      if (bytes.length !== entry.bytes || sha256(bytes) !== entry.sha256) throw unusable(`its copy of ${entry.path} has changed since the backup was taken`);
      files.push({ path: entry.path, bytes });
    }
    return { summary: summaryOf(id, manifest), files };
  }

  /**
   * A new backup of `files`. Those the newest backup already holds byte for byte are linked to its
   * copy rather than written again (a backup's files never change once it is complete), so a
   * backup of a large notebook costs about what changed since the last one.
   */
  async #write(files: readonly StoreFile[], reason: BackupReason, newest: { readonly summary: BackupSummary; readonly manifest: BackupManifest } | null): Promise<BackupSummary> {
    const { fs, dataDir } = this.options;
    const held = new Map((newest?.manifest.files ?? []).map((entry) => [entry.path, entry]));
    const newestFiles = newest === null ? '' : join(this.folder, newest.summary.id, BACKUP_FILES_FOLDER);
    const takenAt = this.options.now();
    const latest = (await this.#ids()).at(-1);
    let id = backupIdAt(takenAt);
    // Ids sort in the order backups were taken, even within a millisecond or after the clock went back.
    if (latest !== undefined && compareIds(id, latest) <= 0) id = idAfter(latest);
    const manifest = manifestOf(files, takenAt, reason);
    const partial = join(this.folder, `${id}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await fs.makeDirectory(this.folder);
      await syncDirectory(fs, dataDir);
      const root = join(partial, BACKUP_FILES_FOLDER);
      await fs.makeDirectory(root);
      const folders = new Set([partial, root]);
      for (const file of files) for (let dir = dirname(absolutePath(root, file.path)); dir !== root; dir = dirname(dir)) folders.add(dir);
      for (const folder of folders) await fs.makeDirectory(folder);
      // Many files, each synced: side by side, the disk can make them durable together.
      for (let i = 0; i < files.length; i += WRITES_AT_ONCE) {
        await Promise.all(
          files.slice(i, i + WRITES_AT_ONCE).map(async (file) => {
            const copy = absolutePath(root, file.path);
            const entry = held.get(file.path);
            if (entry !== undefined && entry.bytes === file.bytes.length && entry.sha256 === sha256(file.bytes) && (await linked(absolutePath(newestFiles, file.path), copy))) return;
            await writeSynced(fs, copy, file.bytes);
          }),
        );
      }
      await writeSynced(fs, join(partial, BACKUP_MANIFEST_FILE), JSON.stringify(manifest));
      await Promise.all([...folders].map((folder) => syncDirectory(fs, folder)));
      await fs.rename(partial, join(this.folder, id));
      await syncDirectory(fs, this.folder);
    } catch (error) {
      await rm(partial, { recursive: true, force: true }).catch(() => undefined);
      throw new StorageError(`Could not back up the notebook to ${this.folder}: ${describeFsError(error)}.`, this.folder, errorCode(error));
    }
    return summaryOf(id, manifest);
  }

  /** Removes all but the newest backups (keeping any offered this run) and leftovers of interrupted ones. */
  async #prune(): Promise<void> {
    const keep = this.options.keep ?? KEEP_BACKUPS;
    try {
      const ids = await this.#ids();
      const old = ids.slice(0, Math.max(0, ids.length - keep)).filter((id) => !this.#kept.has(id));
      const leftovers = (await this.options.fs.readdir(this.folder)).filter((name) => name.endsWith('.partial'));
      for (const name of [...old, ...leftovers]) await rm(join(this.folder, name), { recursive: true, force: true });
    } catch (error) {
      throw new StorageError(`The notebook was backed up, but removing the oldest backups from ${this.folder} failed: ${describeFsError(error)}.`, this.folder, errorCode(error));
    }
  }
}

/**
 * Whether `copy` could be made a second name of `existing`, whose bytes are already durable; false
 * where the file system has no hard links (or the earlier copy is gone), and the bytes are written instead.
 */
async function linked(existing: string, copy: string): Promise<boolean> {
  try {
    await link(existing, copy);
    return true;
  } catch {
    return false;
  }
}

/** A new file in a folder that becomes visible only by a later rename, so it needs no temp file. */
async function writeSynced(fs: StoreFs, path: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
