import { z } from 'zod';
import type { Tag, TagFamily } from '../../core/model/highlight';
import type { CharOffset, FamilyId, SourceId, TagId } from '../../core/model/ids';
import type { StoreFileKind } from '../store/json-document';

export const TAGS_FILE_VERSION = 1;

/** `tags.json`: the tag families and their tags, in the order the person sees them. */
export interface TagsFile {
  readonly schemaVersion: typeof TAGS_FILE_VERSION;
  readonly families: readonly TagFamily[];
  readonly tags: readonly Tag[];
}

const offset = z.number().int().min(0).transform((n) => n as CharOffset);

export const familySchema: z.ZodType<TagFamily> = z
  .object({
    id: z.string().min(1).transform((s) => s as FamilyId),
    name: z.string().min(1),
    kind: z.enum(['groups', 'recommendations', 'custom']),
  })
  .strict();

export const tagSchema: z.ZodType<Tag> = z
  .object({
    id: z.string().min(1).transform((s) => s as TagId),
    familyId: z.string().min(1).transform((s) => s as FamilyId),
    name: z.string().min(1),
    color: z.string(),
    aliases: z.array(z.string()),
    description: z.string(),
    statedAt: z.object({ sourceId: z.string().min(1).transform((s) => s as SourceId), start: offset, end: offset }).strict().nullable(),
  })
  .strict();

export const tagsFileKind: StoreFileKind<TagsFile> = {
  version: TAGS_FILE_VERSION,
  // Version 1 is the first: nothing older to migrate from yet.
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(TAGS_FILE_VERSION), families: z.array(familySchema), tags: z.array(tagSchema) }).strict(),
  label: 'tags',
  // After a damaged tags.json is moved aside, the tag set is seeded again (see tag-set.ts).
  emptyMeaning: 'the tags it ships with (the Groups and Recommendations families)',
  empty: () => ({ schemaVersion: TAGS_FILE_VERSION, families: [], tags: [] }),
};
