import { join } from 'node:path';
import type { StoreNotice } from '../shared/api-contract';
import { ChangeJournal } from './changes/change-journal';
import { ChangeWriter } from './changes/change-writer';
import { HighlightStore } from './highlights/highlight-store';
import { DISMISSALS_FILE, dismissalsFileKind, type DismissalsFile } from './mentions/dismissals-file';
import { notebookFileKind, type NotebookFile } from './notebook-file';
import { removeStrayTempFiles } from './store/durable-file';
import { JsonDocument } from './store/json-document';
import type { StoreFs } from './store/store-fs';
import { tagsFileKind, type TagsFile } from './tags/tags-file';

/**
 * The data directory's files: `notebook.json` (reading positions, source versions), `tags.json`
 * (families and tags), and the highlights under `highlights/<sourceId>/`, spread over bucket files
 * so that a save rewrites one small file however large the notebook grows.
 */
export interface NotebookStore {
  readonly notebook: JsonDocument<NotebookFile>;
  readonly tags: JsonDocument<TagsFile>;
  readonly highlights: HighlightStore;
  /** `mention-dismissals.json`: the mentions set aside in the Mentions view. */
  readonly dismissals: JsonDocument<DismissalsFile>;
  /** Applies change sets to tags.json, the highlights files and the dismissals, all or nothing. */
  readonly writer: ChangeWriter;
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
export const TAGS_FILE = 'tags.json';

/**
 * Opens the store of a data directory whose lock this process holds. A change the last run left
 * unfinished (its journal still there) is undone first, and the person is told.
 */
export async function openNotebookStore({ fs, dataDir, now, onNotice }: NotebookStoreOptions): Promise<NotebookStore> {
  await removeStrayTempFiles(fs, dataDir);
  const notebook = await JsonDocument.open({ fs, dataDir, path: join(dataDir, NOTEBOOK_FILE), kind: notebookFileKind, now, onNotice });
  const tags = await JsonDocument.open({ fs, dataDir, path: join(dataDir, TAGS_FILE), kind: tagsFileKind, now, onNotice });
  const highlights = new HighlightStore({ fs, dataDir, now, onNotice });
  const dismissals = await JsonDocument.open({ fs, dataDir, path: join(dataDir, DISMISSALS_FILE), kind: dismissalsFileKind, now, onNotice });
  const journal = new ChangeJournal(fs, dataDir);
  const writer = new ChangeWriter(tags, highlights, journal, dismissals);
  const unfinished = await journal.readLeftover(now(), onNotice);
  if (unfinished !== null) {
    await highlights.load();
    await writer.recover(unfinished);
    onNotice({
      kind: 'recovered',
      message: `Notebook stopped while saving “${unfinished.label}”. That change was never confirmed, so it was undone: the notebook is as it was before it.`,
      path: journal.path,
    });
  }
  return {
    notebook,
    tags,
    highlights,
    dismissals,
    writer,
    settled: async () => {
      await Promise.all([notebook.settled(), tags.settled(), highlights.settled(), dismissals.settled()]);
    },
  };
}
