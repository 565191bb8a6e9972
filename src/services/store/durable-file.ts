import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { describeFsError, readFailed, saveFailed, StorageError } from './storage-error';
import { errorCode, syncDirectory, type StoreFs } from './store-fs';

/** Temp files are `<target>.<12 hex>.tmp`, so leftovers of a crash are recognisable at open. */
const TEMP_SUFFIX = /\.[0-9a-f]{12}\.tmp$/;

/**
 * One file replaced atomically and durably: the new bytes go to a temp file in the same directory,
 * which is fsynced, renamed over the target, and then the directory is fsynced. At every instant the
 * target holds either the previous complete version or the new complete version.
 */
export class DurableFile {
  constructor(
    readonly path: string,
    /** What the file holds, for messages: "highlights", "reading positions". */
    readonly label: string,
    private readonly fs: StoreFs,
  ) {}

  /** The file's bytes, or null if there is no file yet. */
  async read(): Promise<Uint8Array | null> {
    try {
      return await this.fs.readFile(this.path);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw readFailed(this.label, this.path, error);
    }
  }

  /**
   * Resolves once `data` is on disk and will survive a power cut; rejects with a StorageError,
   * leaving the previous file untouched. Callers must not run two writes to one file at once
   * (JsonDocument's commit queue serialises them).
   */
  async write(data: string | Uint8Array): Promise<void> {
    const temp = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const handle = await this.fs.open(temp, 'w');
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(temp, this.path);
      await syncDirectory(this.fs, dirname(this.path));
    } catch (error) {
      // Best effort: a temp file that cannot be removed now is removed at the next open.
      await this.fs.remove(temp).catch(() => undefined);
      throw saveFailed(this.label, this.path, error);
    }
  }
}

/** Removes temp files that a crash left in `dir` (only safe while holding the data-directory lock). */
export async function removeStrayTempFiles(fs: StoreFs, dir: string): Promise<void> {
  try {
    const stray = (await fs.readdir(dir)).filter((name) => TEMP_SUFFIX.test(name));
    await Promise.all(stray.map((name) => fs.remove(join(dir, name))));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw new StorageError(`Could not clear away the leftovers of interrupted saves in ${dir}: ${describeFsError(error)}. Nothing in the folder was changed.`, dir, errorCode(error));
  }
}
