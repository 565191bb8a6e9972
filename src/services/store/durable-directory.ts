import { dirname } from 'node:path';
import { describeFsError, StorageError } from './storage-error';
import { errorCode, syncDirectory, type StoreFs } from './store-fs';

/**
 * Creates `dir` and any missing parent so that they survive a power cut: a new folder is only as
 * durable as its entry in its parent, so the parent of each folder created is synced. Nothing is
 * synced when `dir` already exists.
 */
export async function makeDurableDirectory(fs: StoreFs, dir: string): Promise<void> {
  try {
    const missing: string[] = [];
    for (let at = dir; at !== dirname(at) && !(await fs.exists(at)); at = dirname(at)) missing.push(at);
    if (missing.length === 0) return;
    await fs.makeDirectory(dir);
    for (const created of missing) await syncDirectory(fs, dirname(created));
  } catch (error) {
    throw new StorageError(`Could not create the folder ${dir}: ${describeFsError(error)}. Nothing was saved in it.`, dir, errorCode(error));
  }
}
