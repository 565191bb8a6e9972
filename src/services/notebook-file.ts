import { z } from 'zod';
import type { CharOffset, TextHash } from '../core/model/ids';
import { paneLayoutSchema, type PaneLayout } from '../shared/api-contract';
import type { StoreFileKind } from './store/json-document';

export const NOTEBOOK_FILE_VERSION = 3;

export interface StoredReadingPosition {
  readonly offset: CharOffset;
  /** ISO 8601. */
  readonly updated: string;
}

/** The text a source has had since it was replaced (see sources/source-versions.ts). */
export interface StoredSourceVersion {
  /** SHA-256 of the text's bytes, which are kept at `sources/<sourceId>/<versionHash>.txt`. */
  readonly versionHash: TextHash;
  /** ISO 8601. */
  readonly replacedAt: string;
}

/** `notebook.json`: the small state of the notebook as a whole. */
export interface NotebookFile {
  readonly schemaVersion: typeof NOTEBOOK_FILE_VERSION;
  /** By source id. */
  readonly readingPositions: Readonly<Record<string, StoredReadingPosition>>;
  /** By source id; a source not listed has its bundled text. */
  readonly sourceVersions: Readonly<Record<string, StoredSourceVersion>>;
  /** The two reading panes as last left; absent until first set. */
  readonly layout?: PaneLayout;
}

const isoTime = z.iso.datetime({ offset: true });

export const notebookFileKind: StoreFileKind<NotebookFile> = {
  version: NOTEBOOK_FILE_VERSION,
  migrations: {
    // Version 2 can replace a source's text: no source of a version 1 notebook has been replaced.
    1: (v1) => ({ ...v1, sourceVersions: {} }),
    // Version 3 may hold `layout`. The data needs no change, but an older build reading a version 2
    // file with a layout would call it damaged and move it aside; the version makes it say "newer".
    2: (v2) => v2,
  },
  schema: z
    .object({
      schemaVersion: z.literal(NOTEBOOK_FILE_VERSION),
      readingPositions: z.record(
        z.string().min(1),
        z.object({ offset: z.number().int().min(0).transform((n) => n as CharOffset), updated: isoTime }).strict(),
      ),
      sourceVersions: z.record(
        z.string().min(1),
        z.object({ versionHash: z.string().regex(/^[0-9a-f]{64}$/).transform((s) => s as TextHash), replacedAt: isoTime }).strict(),
      ),
      layout: paneLayoutSchema.optional(),
    })
    .strict(),
  label: 'reading positions and source versions',
  emptyMeaning: 'an empty reading history, and every source with its bundled text',
  empty: () => ({ schemaVersion: NOTEBOOK_FILE_VERSION, readingPositions: {}, sourceVersions: {} }),
};
