import { openNotebook } from '../../../src/services/open-notebook';
import { readState, type ReadBack } from '../crash/read-state';
import { runWriteSequence } from './write-sequence';

/** Opens a data directory as the app would on its next start, reads everything back, and closes it. */
export async function readBack(dataDir: string, resourcesDir: string): Promise<ReadBack> {
  const notebook = await openNotebook({ dataDir, resourcesDir, shell: 'browser' });
  try {
    return await readState(notebook);
  } finally {
    await notebook.close();
  }
}

/**
 * Makes, through the API, a notebook holding something of everything (reading positions, tags,
 * highlights, memos) in `dataDir`, then opens it once more, as a next start would, which backs it up.
 */
export async function writeNotebookWithEverything(dataDir: string, resourcesDir: string): Promise<ReadBack> {
  const notebook = await openNotebook({ dataDir, resourcesDir, shell: 'browser' });
  try {
    await runWriteSequence(notebook, 'earlier', (call, result) => {
      throw new Error(`${call.method} failed while making the notebook: ${JSON.stringify(result)}`);
    });
  } finally {
    await notebook.close();
  }
  return readBack(dataDir, resourcesDir);
}
