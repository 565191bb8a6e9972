import { z } from 'zod';
import type { AchBoardId } from '../../core/model/ids';
import type { AchBoard } from '../../core/model/ach';
import { achBoardContentSchema } from '../../shared/api-contract';
import type { StoreFileKind } from '../store/json-document';

export const ACH_FILE_VERSION = 1;

/**
 * `ach/<boardId>.json`: one Analysis of Competing Hypotheses board. Deleting a board marks it
 * deleted in its own file, so a delete and its undo are each one durable write, across restarts.
 */
export interface AchFile {
  readonly schemaVersion: typeof ACH_FILE_VERSION;
  /** Null when there is no board under this id: the file is new, or it was damaged and moved aside. */
  readonly board: AchBoard | null;
  /** When the board was deleted (ISO 8601); null while it is in the board list. */
  readonly deleted: string | null;
}

const timestamp = z.iso.datetime({ offset: true });

/** A board read back is held to the same shape as one arriving over the API (ach.save). */
const boardSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .transform((s) => s as AchBoardId),
    ...achBoardContentSchema,
    created: timestamp,
    modified: timestamp,
  })
  .strict();

export const achFileKind: StoreFileKind<AchFile> = {
  version: ACH_FILE_VERSION,
  // Version 1 is the first: nothing older to migrate from yet.
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(ACH_FILE_VERSION), board: boardSchema.nullable(), deleted: timestamp.nullable() }).strict(),
  label: 'the competing-hypotheses board',
  emptyMeaning: 'this board missing from the board list',
  empty: () => ({ schemaVersion: ACH_FILE_VERSION, board: null, deleted: null }),
};
