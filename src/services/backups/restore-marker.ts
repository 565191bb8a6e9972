import { dirname } from 'node:path';
import { z } from 'zod';
import type { BackupId } from '../../core/model/ids';
import { BACKUP_ID_PATTERN } from '../../shared/api-contract';
import { decodeStoreFile, type Decoded, type StoreFileFormat } from '../store/decode-store-file';
import { DurableFile } from '../store/durable-file';
import { saveFailed } from '../store/storage-error';
import { syncDirectory, type StoreFs } from '../store/store-fs';

export const RESTORE_MARKER_FILE = 'restore-in-progress.json';
const MARKER_VERSION = 1;
const LABEL = 'the record of the restore in progress';

/**
 * `backups/restore-in-progress.json`: written before a restore replaces any file, removed once
 * every file is replaced. Finding it at start means a restore stopped part-way, and is finished.
 */
export interface RestoreMarker {
  readonly schemaVersion: typeof MARKER_VERSION;
  /** The backup being restored. */
  readonly backupId: BackupId;
  /** The backup of the notebook as it was before the restore. */
  readonly beforeId: BackupId;
}

const backupId = z
  .string()
  .regex(BACKUP_ID_PATTERN)
  .transform((s) => s as BackupId);

const markerFormat: StoreFileFormat<RestoreMarker> = {
  version: MARKER_VERSION,
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(MARKER_VERSION), backupId, beforeId: backupId }).strict(),
};

export class RestoreMarkerFile {
  readonly #file: DurableFile;

  constructor(
    private readonly fs: StoreFs,
    readonly path: string,
  ) {
    this.#file = new DurableFile(path, LABEL, fs);
  }

  async write(backupId: BackupId, beforeId: BackupId): Promise<void> {
    const marker: RestoreMarker = { schemaVersion: MARKER_VERSION, backupId, beforeId };
    await this.#file.write(JSON.stringify(marker));
  }

  /** The marker left by an unfinished restore, why it cannot be read, or null when there is none. */
  async read(): Promise<Decoded<RestoreMarker> | null> {
    const bytes = await this.#file.read();
    return bytes === null ? null : decodeStoreFile(bytes, markerFormat);
  }

  /** Removes the marker durably: until then, a restart would finish the restore again. */
  async clear(): Promise<void> {
    try {
      await this.fs.remove(this.path);
      await syncDirectory(this.fs, dirname(this.path));
    } catch (error) {
      throw saveFailed(LABEL, this.path, error);
    }
  }
}
