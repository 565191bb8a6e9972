import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { BackupId } from '../../core/model/ids';
import type { BackupSummary } from '../../shared/api-contract';
import type { StoreFileFormat } from '../store/decode-store-file';
import { isNotebookPath, type StoreFile } from './store-files';

export const BACKUP_MANIFEST_FILE = 'backup.json';
/** The notebook's files sit under this folder of a backup, as they sit in the data directory. */
export const BACKUP_FILES_FOLDER = 'store';
const MANIFEST_VERSION = 1;

export type BackupReason = BackupSummary['reason'];

export interface BackupEntry {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** `backups/<id>/backup.json`: when and why the backup was taken, and what each file must hash to. */
export interface BackupManifest {
  readonly schemaVersion: typeof MANIFEST_VERSION;
  readonly takenAt: string;
  readonly reason: BackupReason;
  readonly files: readonly BackupEntry[];
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export const backupManifestFormat: StoreFileFormat<BackupManifest> = {
  version: MANIFEST_VERSION,
  // Version 1 is the first: nothing older to migrate from yet.
  migrations: {},
  schema: z
    .object({
      schemaVersion: z.literal(MANIFEST_VERSION),
      takenAt: z.iso.datetime({ offset: true }),
      reason: z.enum(['open', 'hourly', 'before-restore']),
      files: z.array(
        z
          .object({
            // A manifest names the files a restore writes, so none may point outside the notebook.
            path: z.string().refine(isNotebookPath, 'must be a path inside the notebook'),
            bytes: z.number().int().min(0),
            sha256: z.string().regex(/^[0-9a-f]{64}$/),
          })
          .strict(),
      ),
    })
    .strict(),
};

export function manifestOf(files: readonly StoreFile[], takenAt: Date, reason: BackupReason): BackupManifest {
  return {
    schemaVersion: MANIFEST_VERSION,
    takenAt: takenAt.toISOString(),
    reason,
    files: files.map((file) => ({ path: file.path, bytes: file.bytes.length, sha256: sha256(file.bytes) })),
  };
}

export function summaryOf(id: BackupId, manifest: BackupManifest): BackupSummary {
  return {
    id,
    takenAt: manifest.takenAt,
    reason: manifest.reason,
    files: manifest.files.length,
    bytes: manifest.files.reduce((sum, file) => sum + file.bytes, 0),
  };
}

/** Whether a backup holds exactly these files (so taking another would add nothing). */
export function holdsExactly(manifest: BackupManifest, files: readonly StoreFile[]): boolean {
  if (manifest.files.length !== files.length) return false;
  return manifest.files.every((entry, i) => {
    const file = files[i];
    return file !== undefined && entry.path === file.path && entry.bytes === file.bytes.length && entry.sha256 === sha256(file.bytes);
  });
}

/** "2026-05-01T10:20:30.123Z" → "2026-05-01T10-20-30.123Z": a folder name on every OS, sorting by time. */
export const backupIdAt = (takenAt: Date): BackupId => takenAt.toISOString().replace(/:/g, '-') as BackupId;
