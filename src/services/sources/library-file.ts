import { z } from 'zod';
import { IMPORT_FORMATS, type ImportFormat } from '../../core/import/extracted-source';
import type { SourceId, TextHash } from '../../core/model/ids';
import { sourceDetailsSchema } from '../../shared/api-contract';
import type { StoreFileKind } from '../store/json-document';

export const LIBRARY_FILE_VERSION = 1;

/** What a person may change of a source's details; null clears a field. */
export type SourceDetails = z.output<typeof sourceDetailsSchema>;

/** A file added to the library: kept byte for byte beside the text extracted from it. */
export interface StoredImport {
  readonly id: SourceId;
  /** The file's name as it was added, e.g. "Annual report.pdf". */
  readonly fileName: string;
  readonly format: ImportFormat;
  /** SHA-256 of the original bytes, kept at `imports/<id>/original.<ext>`. */
  readonly originalSha256: TextHash;
  readonly bytes: number;
  /** SHA-256 of the extracted source (JSON), kept at `imports/<id>/<extractedSha256>.json`. */
  readonly extractedSha256: TextHash;
  /** The converter version that extracted it: a newer one offers to extract it again. */
  readonly extractorVersion: number;
  /** ISO 8601. */
  readonly addedAt: string;
  /** What the file said of itself, before any change by the person (see `details`). */
  readonly title: string;
  readonly author: string | null;
  readonly publisher: string | null;
  readonly date: string | null;
  readonly isoDate: string | null;
  readonly link: string | null;
}

/** `library.json`: the imported sources, the details people changed, and the sources removed. */
export interface LibraryFile {
  readonly schemaVersion: typeof LIBRARY_FILE_VERSION;
  /** In the order they were added. */
  readonly imports: readonly StoredImport[];
  /** By source id (bundled or imported): what the person changed of its details. */
  readonly details: Readonly<Record<string, SourceDetails>>;
  /** By source id: when it was removed from the library (its highlights are kept, so it can come back). */
  readonly removed: Readonly<Record<string, { readonly removedAt: string }>>;
}

const isoTime = z.iso.datetime({ offset: true });
const sha = z.string().regex(/^[0-9a-f]{64}$/).transform((s) => s as TextHash);
const nullableText = z.string().max(2_000).nullable();
const isoDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/).nullable();
const link = z.string().regex(/^https?:\/\/\S+$/).max(4_000).nullable();

const storedImportSchema = z
  .object({
    id: z.string().regex(/^imported-[0-9a-f]{12,64}$/).transform((s) => s as SourceId),
    fileName: z.string().min(1).max(1_000),
    format: z.enum(IMPORT_FORMATS as [ImportFormat, ...ImportFormat[]]),
    originalSha256: sha,
    bytes: z.number().int().min(0),
    extractedSha256: sha,
    extractorVersion: z.number().int().min(1),
    addedAt: isoTime,
    title: z.string().min(1).max(2_000),
    author: nullableText,
    publisher: nullableText,
    date: nullableText,
    isoDate,
    link,
  })
  .strict();

export const libraryFileKind: StoreFileKind<LibraryFile> = {
  version: LIBRARY_FILE_VERSION,
  migrations: {},
  schema: z
    .object({
      schemaVersion: z.literal(LIBRARY_FILE_VERSION),
      imports: z.array(storedImportSchema),
      details: z.record(z.string().min(1), sourceDetailsSchema),
      removed: z.record(z.string().min(1), z.object({ removedAt: isoTime }).strict()),
    })
    .strict(),
  label: 'the library’s imported sources',
  emptyMeaning: 'no imported sources and the bundled sources as shipped',
  empty: () => ({ schemaVersion: LIBRARY_FILE_VERSION, imports: [], details: {}, removed: {} }),
};
