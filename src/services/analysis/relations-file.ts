import { z } from 'zod';
import type { Relation } from '../../core/analysis/relation';
import type { HighlightId, RelationId, TagId } from '../../core/model/ids';
import type { StoreFileKind } from '../store/json-document';

export const RELATIONS_FILE_VERSION = 1;

/** `relations.json`: the relations analysts drew between groups on the link chart, oldest first. */
export interface RelationsFile {
  readonly schemaVersion: typeof RELATIONS_FILE_VERSION;
  readonly relations: readonly Relation[];
}

const id = z.string().min(1).max(200);
const isoTime = z.iso.datetime({ offset: true });

const relationSchema = z
  .object({
    id: id.transform((s) => s as RelationId),
    fromTagId: id.transform((s) => s as TagId),
    toTagId: id.transform((s) => s as TagId),
    type: z.string().min(1).max(120),
    highlightIds: z.array(id.transform((s) => s as HighlightId)).min(1),
    note: z.string().max(5_000),
    created: isoTime,
    modified: isoTime,
  })
  .strict();

export const relationsFileKind: StoreFileKind<RelationsFile> = {
  version: RELATIONS_FILE_VERSION,
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(RELATIONS_FILE_VERSION), relations: z.array(relationSchema) }).strict(),
  label: 'the link chart’s relations',
  emptyMeaning: 'no relations drawn on the link chart',
  empty: () => ({ schemaVersion: RELATIONS_FILE_VERSION, relations: [] }),
};
