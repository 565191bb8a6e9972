/**
 * A file that cannot be imported, with a reason a person can act on ("The PDF is password-protected:
 * remove the password and add it again."). Converters throw it; the import reports its message
 * as the file's outcome, "Failed: <message>".
 */
export class ImportFailure extends Error {
  override readonly name = 'ImportFailure';
}

/** Limits every converter respects, so a hostile or broken file cannot exhaust the machine. */
export interface ImportLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total a zip container (DOCX, EPUB) may inflate to, in bytes. */
  readonly maxInflatedBytes: number;
  /** Largest ratio of inflated to compressed size for a zip entry past 1 MiB (zip bombs). */
  readonly maxCompressionRatio: number;
  /** Most entries a zip container may hold. */
  readonly maxZipEntries: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxZipEntries: 20_000,
};
