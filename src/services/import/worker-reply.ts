import type { ExtractedSource } from '../../core/import/extracted-source';

/** What the import worker posts back: the extraction, a reason for the person, or a bug report. */
export type WorkerReply =
  | { readonly ok: true; readonly extracted: ExtractedSource }
  | { readonly ok: false; readonly failure: string }
  | { readonly ok: false; readonly bug: string };
