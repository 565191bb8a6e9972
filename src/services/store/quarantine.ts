import { dirname, join, relative, sep } from 'node:path';
import { syncDirectory, type StoreFs } from './store-fs';

/** The folder of the data directory holding files moved aside. */
export const QUARANTINE_FOLDER = 'quarantine';

/** Why a file is moved aside: it cannot be read, or a newer Notebook wrote it. */
export type QuarantineReason = 'damaged' | 'newer';

export interface QuarantineRequest {
  readonly fs: StoreFs;
  readonly dataDir: string;
  /** The store file to move aside (inside dataDir). */
  readonly path: string;
  readonly reason: QuarantineReason;
  readonly now: Date;
}

/**
 * Moves a store file, bytes unchanged, to `<dataDir>/quarantine/<name>.<timestamp>.<reason>` and
 * returns where it went. An existing kept file is never overwritten: a clash gets a counter.
 * Checking before renaming is race-free because only the lock holder writes in the data directory.
 */
export async function quarantineFile({ fs, dataDir, path, reason, now }: QuarantineRequest): Promise<string> {
  const dir = join(dataDir, QUARANTINE_FOLDER);
  await fs.makeDirectory(dir);
  const name = relative(dataDir, path).split(sep).join('-');
  const stamp = now.toISOString().replace(/:/g, '-');
  let kept = join(dir, `${name}.${stamp}.${reason}`);
  for (let n = 1; await fs.exists(kept); n++) kept = join(dir, `${name}.${stamp}-${n}.${reason}`);
  await fs.rename(path, kept);
  await syncDirectory(fs, dir);
  await syncDirectory(fs, dirname(path));
  return kept;
}
