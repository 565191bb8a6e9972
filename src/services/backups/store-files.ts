import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LOCK_FILE } from '../data-dir-lock';
import { TAG_USAGE_FILE } from '../highlights/tag-usage-summary';
import { DERIVED_FOLDER } from '../sources/source-catalogue';
import { DurableFile } from '../store/durable-file';
import { QUARANTINE_FOLDER } from '../store/quarantine';
import { syncDirectory, type StoreFs } from '../store/store-fs';

export const BACKUPS_FOLDER = 'backups';

/**
 * Entries at the top of the data directory that are about the notebook rather than part of it;
 * `derived/` is only a cache of what the notebook's files give, rebuilt whenever it is missing.
 */
const OUTSIDE_THE_NOTEBOOK = new Set([BACKUPS_FOLDER, QUARANTINE_FOLDER, LOCK_FILE, DERIVED_FOLDER]);
/** Leftovers of an interrupted save or lock takeover, never part of the notebook's state. */
const LEFTOVER = /\.(?:tmp|stale)$/;
/** A path segment that stays inside its folder on every OS. */
const SAFE_SEGMENT = /^(?!\.{1,2}$)[^/\\\0:]+$/;

/** One file of the notebook: its path inside the data directory ('/'-separated) and its bytes. */
export interface StoreFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Whether `path` ('/'-separated) names a file inside the notebook, so a backup may write it. */
export function isNotebookPath(path: string): boolean {
  const segments = path.split('/');
  const top = segments[0] ?? '';
  return segments.every((segment) => SAFE_SEGMENT.test(segment)) && !OUTSIDE_THE_NOTEBOOK.has(top) && !LEFTOVER.test(path);
}

export const absolutePath = (dataDir: string, path: string): string => join(dataDir, ...path.split('/'));

/**
 * The notebook's files, sorted by path: everything in the data directory except the backups, the
 * quarantine, the lock and leftovers of interrupted saves. Whatever files the store grows are
 * covered without this list changing. `beforeEachFile` may hold the reading back (to let calls run).
 */
export async function readStoreFiles(fs: StoreFs, dataDir: string, beforeEachFile?: () => Promise<void>): Promise<StoreFile[]> {
  const paths = (await listFiles(dataDir, '')).filter(isNotebookPath).sort();
  const files: StoreFile[] = [];
  for (const path of paths) {
    await beforeEachFile?.();
    files.push({ path, bytes: await fs.readFile(absolutePath(dataDir, path)) });
  }
  return files;
}

async function listFiles(dataDir: string, under: string): Promise<string[]> {
  const entries = await readdir(absolutePath(dataDir, under), { withFileTypes: true });
  const paths: string[] = [];
  for (const entry of entries) {
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (under === '' && OUTSIDE_THE_NOTEBOOK.has(entry.name)) continue;
    // Links are not followed: nothing the store writes is one, and a backup must stay inside the folder.
    if (entry.isDirectory()) paths.push(...(await listFiles(dataDir, path)));
    else if (entry.isFile()) paths.push(path);
  }
  return paths;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && Buffer.compare(a, b) === 0;

/**
 * Makes the notebook's files exactly `target`: each file that differs is replaced atomically and
 * durably, each file not in `target` is removed, and the folders touched are synced. `current` is
 * what the data directory holds now (from readStoreFiles).
 */
export async function replaceStoreFiles(fs: StoreFs, dataDir: string, current: readonly StoreFile[], target: readonly StoreFile[]): Promise<void> {
  // The tag-use summary counts the highlights files about to be replaced; gone, it is counted again.
  await fs.remove(join(dataDir, DERIVED_FOLDER, TAG_USAGE_FILE));
  await syncDirectory(fs, join(dataDir, DERIVED_FOLDER)).catch(() => undefined);
  const before = new Map(current.map((file) => [file.path, file.bytes]));
  const kept = new Set(target.map((file) => file.path));
  for (const file of target) {
    const old = before.get(file.path);
    if (old !== undefined && sameBytes(old, file.bytes)) continue;
    const path = absolutePath(dataDir, file.path);
    await fs.makeDirectory(dirname(path));
    await new DurableFile(path, file.path, fs).write(file.bytes);
  }
  const emptied = new Set<string>();
  for (const file of current) {
    if (kept.has(file.path)) continue;
    const path = absolutePath(dataDir, file.path);
    await fs.remove(path);
    emptied.add(dirname(path));
  }
  for (const dir of emptied) await syncDirectory(fs, dir);
}
