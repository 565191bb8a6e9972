import { resolve } from 'node:path';
import type { StoreNotice } from '../shared/api-contract';
import { fail, type ApiResult } from '../shared/api-result';
import { createApiHandlers } from './api-handlers';
import { acquireDataDirLock, type Shell } from './data-dir-lock';
import { createDispatch } from './dispatch';
import { openNotebookStore } from './notebook-store';
import { ReadingPositions } from './reading-positions';
import { SourceLibrary } from './sources/source-library';
import { describeFsError, StorageError } from './store/storage-error';
import { errorCode, nodeStoreFs, type StoreFs } from './store/store-fs';

export { DataDirLockedError } from './data-dir-lock';

/** The Node-side notebook: every API method, over one data directory held by one process. */
export interface Notebook {
  readonly dataDir: string;
  /** Validates `input` against the contract and runs the method; never throws. */
  dispatch(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Finishes pending writes and releases the data-directory lock. */
  close(): Promise<void>;
}

export interface OpenNotebookOptions {
  readonly dataDir: string;
  /** Folder holding manifest.json and sources/ (resources/ in the repo). */
  readonly resourcesDir: string;
  /** Which shell holds the data directory, written into the lock for the person's benefit. */
  readonly shell: Shell;
  /** The store's file system; tests pass one that fails on cue. */
  readonly fs?: StoreFs;
  readonly now?: () => Date;
}

/**
 * Takes the data directory's lock (throwing DataDirLockedError if another Notebook holds it), opens
 * its store and the bundled library, and wires the API methods to them.
 */
export async function openNotebook(options: OpenNotebookOptions): Promise<Notebook> {
  const dataDir = resolve(options.dataDir);
  const fs = options.fs ?? nodeStoreFs;
  const now = options.now ?? (() => new Date());
  try {
    await fs.makeDirectory(dataDir);
  } catch (error) {
    throw new StorageError(`Could not create the data folder ${dataDir}: ${describeFsError(error)}. Start with --data-dir to use another folder.`, dataDir, errorCode(error));
  }
  const lock = await acquireDataDirLock({ dataDir, shell: options.shell, now });
  const notices: StoreNotice[] = lock.notice === null ? [] : [lock.notice];
  try {
    const store = await openNotebookStore({ fs, dataDir, now, onNotice: (notice) => notices.push(notice) });
    const library = new SourceLibrary(options.resourcesDir);
    const reading = new ReadingPositions(store.notebook, now);
    const dispatch = createDispatch(createApiHandlers({ dataDir, library, reading, notices: () => notices }));
    let closing: Promise<void> | null = null;
    return {
      dataDir,
      dispatch: async (method, input) =>
        closing === null ? dispatch(method, input) : fail('internal', `The notebook on ${dataDir} has been closed; ${String(method)} came too late to run.`),
      close: () =>
        (closing ??= (async () => {
          await store.settled();
          await lock.release();
        })()),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
