import { z } from 'zod';
import type { CharOffset } from '../../core/model/ids';
import type { Block, ParsedSource } from '../../core/model/source';

/**
 * The text extracted from an imported file, as kept in `imports/<id>/<sha256>.json`: the canonical
 * text, its blocks and pages exactly as the converter made them. It is the source's text from then
 * on; the original is never silently read again (a newer converter offers "Re-extract").
 */
const offset = z.number().int().min(0).transform((n) => n as CharOffset);
const range = z.object({ start: offset, end: offset }).strict();
const mark = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bold'), range }).strict(),
  z.object({ kind: z.literal('italic'), range }).strict(),
  z.object({ kind: z.literal('link'), range, href: z.string() }).strict(),
  z.object({ kind: z.literal('footnoteRef'), range, note: z.number().int() }).strict(),
]);
const block = z
  .object({
    kind: z.enum(['heading', 'paragraph', 'listItem', 'quote', 'note', 'reference', 'tocEntry']),
    range,
    level: z.number().int().optional(),
    depth: z.number().int().optional(),
    marker: z.string().optional(),
    note: z.number().int().optional(),
    target: z.number().int().optional(),
    trailer: z.boolean().optional(),
    marks: z.array(mark),
  })
  .strict();
const page = z.object({ range, index: z.number().int().min(1), label: z.string() }).strict();

const extractedFileSchema = z
  .object({
    text: z.string(),
    blocks: z.array(block),
    pages: z.array(page).optional(),
  })
  .strict();

export function encodeExtracted(parsed: ParsedSource): string {
  return JSON.stringify({ text: parsed.text, blocks: parsed.blocks, ...(parsed.pages ? { pages: parsed.pages } : {}) });
}

/** The stored extraction, or a sentence on what is wrong with it. */
export function decodeExtracted(json: string): { ok: true; parsed: ParsedSource } | { ok: false; problem: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problem: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const checked = extractedFileSchema.safeParse(data);
  if (!checked.success) return { ok: false, problem: `it does not hold an extracted text (${checked.error.issues[0]?.message ?? 'unknown shape'})` };
  const parsed = checked.data;
  const outside = [...parsed.blocks.map((b) => b.range), ...(parsed.pages ?? []).map((p) => p.range)].find((r) => r.start > r.end || r.end > parsed.text.length);
  if (outside !== undefined) return { ok: false, problem: `a block or page lies outside its text (${outside.start}–${outside.end})` };
  return { ok: true, parsed: parsed as { text: string; blocks: Block[]; pages?: ParsedSource['pages'] } };
}
