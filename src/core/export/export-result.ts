/**
 * Exports fail as values with a sentence a person can act on, never by throwing; the service
 * that writes the file passes the message on. Nothing is written when an export fails, so
 * nothing is lost.
 */
export type ExportErrorCode =
  /** The base IRI given for the export is not an absolute IRI without a fragment. */
  | 'invalid-iri'
  /** A timestamp is not an RFC 3339 date-time with a time zone. */
  | 'invalid-date'
  /** A highlight names a source the export was not given. */
  | 'unknown-source'
  /** A highlight names a tag, or a tag a family, that the export was not given. */
  | 'unknown-tag';

export type ExportResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly code: ExportErrorCode; readonly message: string } };

export const exported = <T>(value: T): ExportResult<T> => ({ ok: true, value });
export const exportFailed = (code: ExportErrorCode, message: string): ExportResult<never> => ({ ok: false, error: { code, message } });
