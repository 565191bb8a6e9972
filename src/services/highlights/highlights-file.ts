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

const offset = z.number().int().min(0).transform((n) => n as CharOffset);
const storedHighlightId = z.string().min(1).transform((s) => s as HighlightId);
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
        sourceId: z.string().min(1).transform((s) => s as SourceId),
        quote: z.object({ type: z.literal('TextQuoteSelector'), exact: z.string(), prefix: z.string(), suffix: z.string() }).strict(),
        position: z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
        textHash: z.string().regex(/^[0-9a-f]{64}$/).transform((s) => s as TextHash),
      })
      .strict(),
    color: z.string().nullable(),
    tags: z.array(
      z
        .object({
          tagId: z.string().min(1).transform((s) => s as TagId),
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
