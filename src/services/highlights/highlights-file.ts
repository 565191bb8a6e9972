import { z } from 'zod';
import type { Highlight } from '../../core/model/highlight';
import type { CharOffset, HighlightId, SourceId, TagId, TextHash } from '../../core/model/ids';
import type { StoreFileKind } from '../store/json-document';

export const HIGHLIGHTS_FILE_VERSION = 1;

/**
 * `highlights/<sourceId>/<bucket>.json`: the highlights of one source whose ids fall in one bucket
 * (see highlight-bucket.ts), so that a save rewrites a small share of a source's highlights.
 */
export interface HighlightsFile {
  readonly schemaVersion: typeof HIGHLIGHTS_FILE_VERSION;
  readonly highlights: readonly Highlight[];
}

/**
 * A schema whose output is a branded id or offset. The brand exists only for the compiler, so the
 * value needs no converting; a zod transform here would make reading a source's highlights (every
 * highlight of it, when it is first opened) several times slower.
 */
const branded = <T extends string | number>(schema: z.ZodType<T extends string ? string : number>): z.ZodType<T, T extends string ? string : number> =>
  schema as unknown as z.ZodType<T, T extends string ? string : number>;

const offset = branded<CharOffset>(z.number().int().min(0));
const storedHighlightId = branded<HighlightId>(z.string().min(1));
const credibilitySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);
const gradeChangeSchema = z.discriminatedUnion('field', [
  z.object({ at: z.iso.datetime({ offset: true }), by: z.string(), field: z.literal('credibility'), from: credibilitySchema.nullable(), to: credibilitySchema.nullable() }).strict(),
  z.object({ at: z.iso.datetime({ offset: true }), by: z.string(), field: z.literal('corroboratedBy'), from: z.array(storedHighlightId), to: z.array(storedHighlightId) }).strict(),
]);

export const highlightSchema: z.ZodType<Highlight> = z
  .object({
    id: storedHighlightId,
    target: z
      .object({
        sourceId: branded<SourceId>(z.string().min(1)),
        quote: z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }).strict(),
        position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
        textHash: branded<TextHash>(z.string().regex(/^[0-9a-f]{64}$/)),
      })
      .strict(),
    color: z.string().nullable(),
    tags: z.array(
      z
        .object({
          tagId: branded<TagId>(z.string().min(1)),
          stance: z.enum(['supports', 'contradicts', 'context']).optional(),
        })
        .strict(),
    ),
    comment: z.string(),
    created: z.iso.datetime({ offset: true }),
    modified: z.iso.datetime({ offset: true }),
    // Grading came later than version 1: optional, so files written before it load unchanged.
    credibility: credibilitySchema.optional(),
    corroboratedBy: z.array(storedHighlightId).optional(),
    history: z.array(gradeChangeSchema).optional(),
  })
  .strict();

export const highlightsFileKind: StoreFileKind<HighlightsFile> = {
  version: HIGHLIGHTS_FILE_VERSION,
  // Version 1 is the first: nothing older to migrate from yet.
  migrations: {},
  schema: z.object({ schemaVersion: z.literal(HIGHLIGHTS_FILE_VERSION), highlights: z.array(highlightSchema) }).strict(),
  label: 'highlights',
  emptyMeaning: 'none of the highlights saved in that file',
  empty: () => ({ schemaVersion: HIGHLIGHTS_FILE_VERSION, highlights: [] }),
};
