import type { ApiResult } from '../shared/api-result';

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
  readonly shell: 'electron' | 'browser';
}

/** Thrown by openNotebook when another process holds the data directory. */
export class DataDirLockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirLockedError';
  }
}

export async function openNotebook(options: OpenNotebookOptions): Promise<Notebook> {
  throw new Error(`openNotebook(${options.dataDir}) is being written`);
}
