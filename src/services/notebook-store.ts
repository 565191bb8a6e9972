import { join } from 'node:path';
import type { StoreNotice } from '../shared/api-contract';
import { highlightsFileKind, type HighlightsFile } from './highlights/highlights-file';
import { notebookFileKind, type NotebookFile } from './notebook-file';
import { DocumentCollection } from './store/document-collection';
import { removeStrayTempFiles } from './store/durable-file';
import { JsonDocument } from './store/json-document';
import type { StoreFs } from './store/store-fs';

/**
 * The data directory's files: `notebook.json` for the notebook as a whole and one file per source
 * under `highlights/`, so that a save rewrites one small file however large the notebook grows.
 */
export interface NotebookStore {
  readonly notebook: JsonDocument<NotebookFile>;
  /** Keyed by source id. */
  readonly highlights: DocumentCollection<HighlightsFile>;
  /** Resolves when every queued write has been answered. */
  settled(): Promise<void>;
}

export interface NotebookStoreOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly onNotice: (notice: StoreNotice) => void;
}

export const NOTEBOOK_FILE = 'notebook.json';
export const HIGHLIGHTS_FOLDER = 'highlights';

/** Opens the store of a data directory whose lock this process holds. */
export async function openNotebookStore({ fs, dataDir, now, onNotice }: NotebookStoreOptions): Promise<NotebookStore> {
  await removeStrayTempFiles(fs, dataDir);
  await removeStrayTempFiles(fs, join(dataDir, HIGHLIGHTS_FOLDER));
  const notebook = await JsonDocument.open({ fs, dataDir, path: join(dataDir, NOTEBOOK_FILE), kind: notebookFileKind, now, onNotice });
  const highlights = new DocumentCollection({ fs, dataDir, folder: HIGHLIGHTS_FOLDER, kind: highlightsFileKind, now, onNotice });
  return {
    notebook,
    highlights,
    settled: async () => {
      await Promise.all([notebook.settled(), highlights.settled()]);
    },
  };
}
