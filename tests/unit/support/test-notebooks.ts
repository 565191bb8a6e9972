import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openNotebook, type Notebook, type OpenNotebookOptions } from '../../../src/services/open-notebook';
import type { ApiInput, ApiMethod, ApiResults, LoadedSource } from '../../../src/shared/api-contract';
import type { ApiError } from '../../../src/shared/api-result';
import { useTempDir } from './temp-dir';
import { writeTinyLibrary } from './tiny-library';

/** The ids the tiny library gives its two sources. */
export const NEWS = 'us-weighs-cooperation';
export const REPORT = 'new-jihadi-sphere';

/**
 * Notebooks over a fresh data folder and the tiny library (a news capture and the report), one
 * folder per test; every notebook opened is closed after the test.
 */
export function useTestNotebooks(prefix: string) {
  const root = useTempDir(prefix);
  const opened: Notebook[] = [];
  beforeEach(async () => {
    await writeTinyLibrary(join(root(), 'resources'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((notebook) => notebook.close()));
  });
  const dataDir = (): string => join(root(), 'data');
  return {
    root,
    dataDir,
    resourcesDir: (): string => join(root(), 'resources'),
    async open(options: Partial<OpenNotebookOptions> = {}): Promise<Notebook> {
      const notebook = await openNotebook({ dataDir: dataDir(), resourcesDir: join(root(), 'resources'), shell: 'browser', ...options });
      opened.push(notebook);
      return notebook;
    },
  };
}

/** Runs `method` through dispatch and returns its value; a failure throws with its code and message. */
export async function call<M extends ApiMethod>(notebook: Notebook, method: M, input: ApiInput<M>): Promise<ApiResults[M]> {
  const result = await notebook.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed (${result.error.code}): ${result.error.message}`);
  return result.value as ApiResults[M];
}

/** Runs `method` through dispatch expecting a failure, and returns the error. */
export async function callFails(notebook: Notebook, method: ApiMethod, input: unknown): Promise<ApiError> {
  const result = await notebook.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded, returning ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

/** [start, end) of the only occurrence of `passage` in a source's text. */
export function rangeOf(source: LoadedSource, passage: string): { start: number; end: number } {
  const start = source.text.indexOf(passage);
  if (start < 0 || source.text.indexOf(passage, start + 1) >= 0) throw new Error(`"${passage}" must occur exactly once in ${source.meta.id}`);
  return { start, end: start + passage.length };
}
