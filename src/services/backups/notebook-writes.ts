import { relative, sep } from 'node:path';
import type { StoreFs } from '../store/store-fs';
import { isNotebookPath } from './store-files';

/**
 * Counts the changes made to the notebook's files (a rename into place, a removal), through the
 * file system the store uses. A backup read while calls run is of one instant of the notebook if
 * no change began or was under way while it read; this is how it tells.
 */
export class NotebookWrites {
  readonly fs: StoreFs;
  #begun = 0;
  #running = 0;

  constructor(inner: StoreFs, dataDir: string) {
    const counted = async <T>(path: string, change: () => Promise<T>): Promise<T> => {
      if (!isNotebookPath(relative(dataDir, path).split(sep).join('/'))) return change();
      this.#begun++;
      this.#running++;
      try {
        return await change();
      } finally {
        this.#running--;
      }
    };
    this.fs = {
      open: (path, flags) => (flags === 'w' ? counted(path, () => inner.open(path, flags)) : inner.open(path, flags)),
      rename: (from, to) => counted(to, () => inner.rename(from, to)),
      remove: (path) => counted(path, () => inner.remove(path)),
      readFile: (path) => inner.readFile(path),
      readdir: (path) => inner.readdir(path),
      makeDirectory: (path) => inner.makeDirectory(path),
      exists: (path) => inner.exists(path),
      platform: inner.platform,
    };
  }

  /** Changes begun so far: the same figure before and after a read means none began meanwhile. */
  get begun(): number {
    return this.#begun;
  }

  /** Whether a change is under way now. */
  get running(): boolean {
    return this.#running > 0;
  }
}
