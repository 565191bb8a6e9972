import type { NotebookStatus, StoreNotice } from '../shared/api-contract';
import type { ApiHandlers } from './dispatch';
import { NOTEBOOK_FILE_VERSION } from './notebook-file';
import type { ReadingPositions } from './reading-positions';
import { InvalidInputError } from './service-errors';
import type { SourceLibrary } from './sources/source-library';

export interface ApiHandlerParts {
  readonly dataDir: string;
  readonly library: SourceLibrary;
  readonly reading: ReadingPositions;
  /** Everything the person must be told about this run so far. */
  readonly notices: () => readonly StoreNotice[];
}

export function createApiHandlers({ dataDir, library, reading, notices }: ApiHandlerParts): ApiHandlers {
  return {
    'sources.list': () => library.list(),
    'sources.get': ({ sourceId }) => library.get(sourceId),
    'reading.get': async ({ sourceId }) => {
      await library.meta(sourceId);
      return reading.get(sourceId);
    },
    'reading.set': async ({ sourceId, offset }) => {
      const { text } = await library.get(sourceId);
      if (offset > text.length) {
        const issue = `offset: must be at most ${text.length}, the length of the source`;
        throw new InvalidInputError(`The input of reading.set is not valid: ${issue}.`, [issue]);
      }
      return reading.set(sourceId, offset);
    },
    'notebook.status': async (): Promise<NotebookStatus> => ({ dataDir, schemaVersion: NOTEBOOK_FILE_VERSION, notices: [...notices()] }),
  };
}
