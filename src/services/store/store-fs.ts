import { lstat, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';

/** The part of an open file the durable writer uses. */
export interface StoreFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file-system call the store makes. It is a parameter (not an import) so that tests can make
 * any single step fail the way a full disk or a dying drive would.
 */
export interface StoreFs {
  open(path: string, flags: 'w' | 'r'): Promise<StoreFileHandle>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  readFile(path: string): Promise<Uint8Array>;
  readdir(path: string): Promise<string[]>;
  makeDirectory(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  readonly platform: NodeJS.Platform;
}

export const nodeStoreFs: StoreFs = {
  open: (path, flags) => open(path, flags),
  rename,
  remove: (path) => rm(path, { force: true }),
  readFile: (path) => readFile(path),
  readdir: (path) => readdir(path),
  makeDirectory: async (path) => {
    await mkdir(path, { recursive: true });
  },
  exists: async (path) => {
    try {
      await lstat(path);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  },
  platform: process.platform,
};

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Makes a rename or a new file in `dir` survive a power cut. Windows cannot open a directory for
 * syncing, and its rename is already journalled by NTFS, so there is nothing to do there.
 */
export async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  if (fs.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
