/**
 * Failures cross the API as values, never as thrown exceptions, so that both transports (IPC and
 * HTTP) carry them the same way and the renderer can always show the person what to do.
 */
export type ApiErrorCode =
  /** The input did not match the method's schema. */
  | 'invalid-input'
  /** The method name is not part of the contract. */
  | 'unknown-method'
  /** A source, highlight, tag or memo that the input names does not exist. */
  | 'not-found'
  /** The change conflicts with the notebook's current state. */
  | 'conflict'
  /** Writing to disk failed; nothing was acknowledged. */
  | 'storage-failed'
  /** A bundled source's manifest or file is missing, unreadable, or differs from the one shipped. */
  | 'source-unavailable'
  /** A file given to sources.import cannot be read: the message says why and what to do. */
  | 'import-failed'
  /** The operation was stopped at the person's request (imports.cancel); nothing of it was kept. */
  | 'cancelled'
  /** The browser-mode request lacked the launch token, or came from a foreign Host or Origin. */
  | 'forbidden'
  /** A bug: the message says what failed. */
  | 'internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  /** A sentence a person can act on. */
  readonly message: string;
  /** Field-level problems for invalid input, e.g. "sourceId: Required". */
  readonly issues?: readonly string[];
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string, issues?: readonly string[]): ApiResult<never> =>
  issues ? { ok: false, error: { code, message, issues } } : { ok: false, error: { code, message } };
