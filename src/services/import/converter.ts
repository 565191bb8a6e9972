import type { ExtractedSource } from '../../core/import/extracted-source';
import type { ImportLimits } from '../../core/import/import-failure';

/** What a converter is given: the file's bytes, the name it had, and the limits to respect. */
export interface ConverterInput {
  readonly bytes: Uint8Array;
  /** The file's name as the person chose it, e.g. "Annual report 2024.pdf" (no folder). */
  readonly fileName: string;
  readonly limits: ImportLimits;
}

/**
 * The one signature of every format's converter (services/import/<format>.ts): bytes in, one
 * ExtractedSource out. A file that cannot be imported throws ImportFailure with a reason a person
 * can act on; anything else thrown is a bug in the converter and reported as such.
 */
export type Converter = (input: ConverterInput) => Promise<ExtractedSource>;
