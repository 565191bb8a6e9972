import { z } from 'zod';
import type { CharOffset, SourceId, TagId, TextHash } from '../../core/model/ids';
import type { MentionDismissal } from '../../core/tags/mention-dismissal';
import type { StoreFileKind } from '../store/json-document';

export const DISMISSALS_FILE = 'mention-dismissals.json';
export const DISMISSALS_FILE_VERSION = 1;

/** `mention-dismissals.json`: the mentions of groups set aside in the Mentions view, oldest first. */
export interface DismissalsFile {
  readonly schemaVersion: typeof DISMISSALS_FILE_VERSION;
  readonly dismissals: readonly MentionDismissal[];
}

const id = z.string().min(1).max(200);
const offset = z.number().int().min(0).transform((n) => n as CharOffset);

export const dismissalSchema = z
  .object({
    id: z.string().min(1).max(700),
    tagId: id.transform((s) => s as TagId),
    sourceId: id.transform((s) => s as SourceId),
    textHash: z.string().regex(/^[0-9a-f]{64}$/).transform((s) => s as TextHash),
    start: offset,
    end: offset,
    dismissed: z.iso.datetime({ offset: true }),
  })
  .strict();

export const dismissalsFileKind: StoreFileKind<DismissalsFile> = {
  version: DISMISSALS_FILE_VERSION,
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(DISMISSALS_FILE_VERSION), dismissals: z.array(dismissalSchema) }).strict(),
  label: 'the mentions set aside',
  emptyMeaning: 'every mention of a group offered again in the Mentions view',
  empty: () => ({ schemaVersion: DISMISSALS_FILE_VERSION, dismissals: [] }),
};
