import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Generated benchmark data lives here (git-ignored) and is reused from one run to the next. */
export const BENCH_TMP = fileURLToPath(new URL('./tmp/', import.meta.url));

const STAMP_FILE = 'bench-stamp.json';

/** A fingerprint of the code that makes some data, so that changing the code makes the data again. */
export async function codeStamp(files: readonly URL[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) hash.update(await readFile(file));
  return hash.digest('hex');
}

/**
 * `folder` as `build` makes it for `stamp`: reused when it was made for the same stamp, otherwise
 * built anew beside it and moved into place, so that an interrupted build is never taken for a
 * finished one. Returns whether it was built now.
 */
export async function cachedFolder(folder: string, stamp: unknown, build: (into: string) => Promise<void>): Promise<boolean> {
  const wanted = JSON.stringify(stamp);
  const found = await readFile(join(folder, STAMP_FILE), 'utf8').catch(() => null);
  if (found === wanted) return false;
  const partial = `${folder}.partial`;
  await rm(partial, { recursive: true, force: true });
  await build(partial);
  await writeFile(join(partial, STAMP_FILE), wanted);
  await rm(folder, { recursive: true, force: true });
  await rename(partial, folder);
  return true;
}
