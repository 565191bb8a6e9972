import { z } from 'zod';
import type { CharOffset, SourceId } from '../core/model/ids';
import type { Block, SourceMeta } from '../core/model/source';
import type { ApiResult } from './api-result';

/**
 * The one API contract. Every shell (Electron IPC, browser-mode HTTP) carries exactly these
 * methods; the receiving side validates each input against its schema before anything runs.
 * Documented for people in docs/api.md.
 */

const id = z.string().min(1).max(200);
const sourceIdSchema = id.transform((s) => s as SourceId);
const charOffsetSchema = z.number().int().min(0).max(2 ** 31).transform((n) => n as CharOffset);

export const apiInputs = {
  /** The sources of the library, in library order. */
  'sources.list': z.object({}).strict(),
  /** One source's canonical text and blocks, for the reader. */
  'sources.get': z.object({ sourceId: sourceIdSchema }).strict(),
  /** Where the reader last was in a source (null: never opened). */
  'reading.get': z.object({ sourceId: sourceIdSchema }).strict(),
  /** Remember the reading position (the offset of the first visible character). */
  'reading.set': z.object({ sourceId: sourceIdSchema, offset: charOffsetSchema }).strict(),
  /** Things the person must be told on start, e.g. a store file moved aside because it was damaged. */
  'notebook.status': z.object({}).strict(),
} as const;

export type ApiMethod = keyof typeof apiInputs;
export const apiMethods = Object.keys(apiInputs) as ApiMethod[];

/** What the caller sends (before validation). */
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
/** What the handler receives (after validation and branding). */
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

export interface SourceSummary extends SourceMeta {
  /** Number of characters of canonical text. */
  readonly length: number;
}

export interface LoadedSource {
  readonly meta: SourceSummary;
  readonly text: string;
  readonly textHash: string;
  readonly blocks: readonly Block[];
}

export interface ReadingPosition {
  readonly sourceId: SourceId;
  readonly offset: CharOffset;
  readonly updated: string;
}

export interface StoreNotice {
  readonly kind: 'quarantined' | 'recovered';
  /** A sentence for the person: what happened and where the kept bytes are. */
  readonly message: string;
  /** Absolute path of the file moved aside. */
  readonly path: string;
}

export interface NotebookStatus {
  readonly dataDir: string;
  readonly schemaVersion: number;
  readonly notices: readonly StoreNotice[];
}

export interface ApiResults {
  'sources.list': readonly SourceSummary[];
  'sources.get': LoadedSource;
  'reading.get': ReadingPosition | null;
  'reading.set': ReadingPosition;
  'notebook.status': NotebookStatus;
}

/** The one client interface the renderer uses; it cannot tell which transport carries it. */
export interface NotebookApi {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiResults[M]>>;
}

/** Name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'notebookApi';
/** IPC channel and HTTP path the transports use. */
export const IPC_CHANNEL = 'notebook:api';
export const HTTP_API_PATH = '/api';
