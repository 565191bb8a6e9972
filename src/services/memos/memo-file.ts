import { z } from 'zod';
import { CITATION_STYLES } from '../../core/export/citation-style';
import { checkMemoDoc } from '../../core/memo/memo-schema';
import type { MemoId } from '../../core/model/ids';
import type { Memo, MemoDoc } from '../../core/model/memo';
import type { StoreFileKind } from '../store/json-document';

export const MEMO_FILE_VERSION = 1;

/**
 * `memos/<memoId>.json`: one memo. Deleting a memo marks it deleted in its own file (its trash),
 * so a delete and an undo are each one durable write, and the undo works across restarts.
 */
export interface MemoFile {
  readonly schemaVersion: typeof MEMO_FILE_VERSION;
  /** Null when there is no memo under this id: the file is new, or it was damaged and moved aside. */
  readonly memo: Memo | null;
  /** When the memo was deleted (ISO 8601); null while it is in the memo list. */
  readonly deleted: string | null;
}

const timestamp = z.iso.datetime({ offset: true });

/** The body is checked by the same rules as a memo arriving over the API (core/memo/memo-schema.ts). */
const memoDocSchema = z.unknown().transform((doc, context) => {
  const problems = checkMemoDoc(doc);
  for (const message of problems) context.addIssue({ code: 'custom', message });
  // Checked just above: a body with no problems is a MemoDoc.
  return problems.length === 0 ? (doc as MemoDoc) : z.NEVER;
});

const memoSchema = z
  .object({
    id: z.string().min(1).transform((s) => s as MemoId),
    title: z.string(),
    doc: memoDocSchema,
    // Absent in every memo written before citation styles: those cite in Chicago's.
    citationStyle: z.enum(CITATION_STYLES).optional(),
    created: timestamp,
    modified: timestamp,
  })
  .strict();

export const memoFileKind: StoreFileKind<MemoFile> = {
  version: MEMO_FILE_VERSION,
  // Version 1 is the first: nothing older to migrate from yet.
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(MEMO_FILE_VERSION), memo: memoSchema.nullable(), deleted: timestamp.nullable() }).strict(),
  label: 'the memo',
  emptyMeaning: 'this memo missing from the memo list',
  empty: () => ({ schemaVersion: MEMO_FILE_VERSION, memo: null, deleted: null }),
};
