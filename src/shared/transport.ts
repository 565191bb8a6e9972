/**
 * Names the two transports share. Kept apart from the contract's schemas so the sandboxed preload
 * can use them without bundling zod (a sandboxed preload can only require 'electron').
 */

/** Name under which the preload exposes the API on `window`. */
export const API_GLOBAL = 'notebookApi';
/** IPC channel the Electron shell answers on. */
export const IPC_CHANNEL = 'notebook:api';
/** Path the browser-mode server answers on. */
export const HTTP_API_PATH = '/api';
/** Header carrying the browser-mode launch token. */
export const TOKEN_HEADER = 'X-Notebook-Token';
/** Query parameter of the page URL carrying the browser-mode launch token. */
export const TOKEN_QUERY_PARAM = 'token';
/**
 * Browser mode sends a call whose input carries a file (`bytes`, a Uint8Array) as the raw bytes,
 * with the rest of the call as URI-encoded JSON in this header, rather than inflate the file by a
 * third in base64 JSON. IPC carries Uint8Array as it is.
 */
export const CALL_HEADER = 'X-Notebook-Call';
