import type { ExtractedSource } from '../../core/import/extracted-source';
import type { ConverterInput } from './converter';
import type { ReadRefiQda } from './refi-qda';

/** What the import worker is asked: one file as one source, or a REFI-QDA project or codebook. */
export interface WorkerTask extends ConverterInput {
  readonly kind: 'source' | 'project';
}

/** What the import worker posts back: the extraction or project read, a reason for the person, or a bug report. */
export type WorkerReply =
  | { readonly ok: true; readonly extracted: ExtractedSource }
  | { readonly ok: true; readonly project: ReadRefiQda }
  | { readonly ok: false; readonly failure: string }
  | { readonly ok: false; readonly bug: string };
