import { z } from 'zod';
import type { CharOffset } from '../core/model/ids';
import type { StoreFileKind } from './store/json-document';

export const NOTEBOOK_FILE_VERSION = 1;

export interface StoredReadingPosition {
  readonly offset: CharOffset;
  /** ISO 8601. */
  readonly updated: string;
}

/** `notebook.json`: the small state of the notebook as a whole. */
export interface NotebookFile {
  readonly schemaVersion: typeof NOTEBOOK_FILE_VERSION;
  /** By source id. */
  readonly readingPositions: Readonly<Record<string, StoredReadingPosition>>;
}

export const notebookFileKind: StoreFileKind<NotebookFile> = {
  version: NOTEBOOK_FILE_VERSION,
  // Version 1 is the first: nothing older to migrate from yet.
  migrations: {},
  schema: z
    .object({
      schemaVersion: z.literal(NOTEBOOK_FILE_VERSION),
      readingPositions: z.record(
        z.string().min(1),
        z.object({ offset: z.number().int().min(0).transform((n) => n as CharOffset), updated: z.iso.datetime({ offset: true }) }).strict(),
      ),
    })
    .strict(),
  label: 'reading positions',
  emptyMeaning: 'an empty reading history',
  empty: () => ({ schemaVersion: NOTEBOOK_FILE_VERSION, readingPositions: {} }),
};
