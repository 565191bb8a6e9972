import type { StoreNotice } from '../../../src/shared/api-contract';
import type { NotebookState, WriteCall } from './notebook-model';

/** What the parent tells the child, as JSON in its first argument. */
export interface ChildConfig {
  readonly dataDir: string;
  readonly resourcesDir: string;
  /** Seeds the child's choice of writes; differs per start. */
  readonly seed: number;
  /** Numbers the child's writes and names what they create, unique across the run. */
  readonly firstSeq: number;
  /** How many writes may be running at once. */
  readonly concurrency: number;
}

/**
 * One line the child writes to stdout. `begin` is written, synchronously, before a write is called,
 * and `ack` only after the API answered ok: a pipe keeps what was written even if its writer is
 * killed, so the parent knows every write that may have reached the disk and every one acknowledged.
 */
export type ChildLine =
  | { readonly type: 'opened'; readonly state: NotebookState; readonly notices: readonly StoreNotice[]; readonly methods: readonly string[] }
  | { readonly type: 'begin'; readonly call: WriteCall }
  | { readonly type: 'ack'; readonly seq: number; readonly createdId: string | null }
  | { readonly type: 'refused'; readonly seq: number; readonly error: string }
  | { readonly type: 'locked'; readonly message: string }
  | { readonly type: 'failed'; readonly message: string };
