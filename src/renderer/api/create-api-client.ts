import type { ApiInput, ApiMethod, ApiResults, NotebookApi } from '../../shared/api-contract';
import { fail, type ApiResult } from '../../shared/api-result';
import { API_GLOBAL, CALL_HEADER, HTTP_API_PATH, TOKEN_HEADER, TOKEN_QUERY_PARAM } from '../../shared/transport';

/** What the Electron preload exposes on `window`: the API calls, carried over IPC. */
export interface PreloadBridge {
  call(method: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    [API_GLOBAL]?: PreloadBridge;
  }
}

/** Where the client runs: the page's window, or a stand-in with the same parts in tests. */
export interface ClientEnvironment {
  readonly [API_GLOBAL]?: PreloadBridge;
  readonly location: { readonly search: string };
  readonly fetch: typeof fetch;
  /** The page's lifecycle events, to know when it is being left (see KEEPALIVE_BUDGET_BYTES). */
  addEventListener?(type: 'pagehide' | 'pageshow', listener: () => void): void;
}

/**
 * The renderer's one way to reach the notebook. In Electron the preload's bridge carries calls
 * over IPC; in a browser they are POSTed to the server with the launch token from the page URL
 * (left in the URL so that reloading the page still works). Whatever goes wrong on the way comes
 * back as an ApiResult error with a sentence, never as a thrown exception.
 */
export function createApiClient(environment: ClientEnvironment = window): NotebookApi {
  const bridge = environment[API_GLOBAL];
  const send = bridge ? (method: string, input: unknown) => callOverIpc(bridge, method, input) : httpTransport(environment);
  return {
    // The other side validates input and builds results from the same contract, so a well-formed
    // ApiResult can be taken as this method's result.
    call: <M extends ApiMethod>(method: M, input: ApiInput<M>) => send(method, input) as Promise<ApiResult<ApiResults[M]>>,
  };
}

/**
 * True in a browser when the page's address carries no launch token, so that every call would be
 * refused: the window then explains how to open Notebook instead of trying (LaunchGate).
 */
export function launchTokenMissing(environment: ClientEnvironment = window): boolean {
  if (environment[API_GLOBAL]) return false;
  const token = new URLSearchParams(environment.location.search).get(TOKEN_QUERY_PARAM);
  return token === null || token === '';
}

async function callOverIpc(bridge: PreloadBridge, method: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const result = await bridge.call(method, input);
    return isApiResult(result) ? result : fail('internal', `Notebook answered ${method} with something that is not an API result.`);
  } catch (error) {
    return fail('internal', `Notebook could not carry out ${method}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Browsers carry a `keepalive` request on after the page is left (so a reading position or memo
 * flushed on pagehide still arrives), but refuse one once the keepalive bodies in flight would pass
 * 64 KiB. Requests stay under this, with room for the headers. Only requests made while the page
 * is being left use keepalive: Chromium also refuses a tenth keepalive fetch in flight, which an
 * open page easily reaches.
 */
export const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

function httpTransport(environment: ClientEnvironment): (method: string, input: unknown) => Promise<ApiResult<unknown>> {
  const token = new URLSearchParams(environment.location.search).get(TOKEN_QUERY_PARAM);
  let keepaliveBytesInFlight = 0;
  // Registered when the client is made, before any component's own pagehide listener (listeners
  // run in the order they were added), so a flush on pagehide already counts as leaving.
  let leaving = false;
  environment.addEventListener?.('pagehide', () => {
    leaving = true;
  });
  environment.addEventListener?.('pageshow', () => {
    leaving = false;
  });
  return async (method, input) => {
    if (token === null || token === '') {
      return fail('forbidden', 'This page was opened without its launch token; open the address Notebook printed when it started.');
    }
    const file = fileOf(input);
    const request = file === null ? JSON.stringify({ method, input }) : file.bytes;
    const bytes = typeof request === 'string' ? new TextEncoder().encode(request).length : request.length;
    const keepalive = file === null && leaving && keepaliveBytesInFlight + bytes <= KEEPALIVE_BUDGET_BYTES;
    if (keepalive) keepaliveBytesInFlight += bytes;
    let response: Response;
    try {
      response = await environment.fetch(HTTP_API_PATH, {
        method: 'POST',
        headers:
          file === null
            ? { 'Content-Type': 'application/json', [TOKEN_HEADER]: token }
            : { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: token, [CALL_HEADER]: encodeURIComponent(JSON.stringify({ method, input: file.rest })) },
        body: request as BodyInit,
        cache: 'no-store',
        keepalive,
      });
    } catch {
      return fail('internal', 'Notebook’s server cannot be reached; it may have been stopped. Start it again (npm run serve) and open the address it prints.');
    } finally {
      if (keepalive) keepaliveBytesInFlight -= bytes;
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return fail('internal', `Notebook’s server answered ${method} with HTTP ${response.status} and no API result; reload the page and try again.`);
    }
    if (isApiResult(body)) return body;
    return fail('internal', `Notebook’s server answered ${method} with HTTP ${response.status} and something that is not an API result.`);
  };
}

/** An input carrying a file: its bytes, and the rest of the input. */
function fileOf(input: unknown): { bytes: Uint8Array; rest: Record<string, unknown> } | null {
  if (typeof input !== 'object' || input === null || !('bytes' in input) || !(input.bytes instanceof Uint8Array)) return null;
  const { bytes, ...rest } = input as Record<string, unknown> & { bytes: Uint8Array };
  return { bytes, rest };
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  // JSON drops an undefined `value`, so a success is recognised by `ok` alone.
  if (value.ok === true) return true;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string';
}
