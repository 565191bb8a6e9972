import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Notebook } from '../services/open-notebook';
import { fail, type ApiResult } from '../shared/api-result';
import { MAX_IMPORT_BYTES } from '../shared/api-contract';
import { CALL_HEADER, TOKEN_HEADER } from '../shared/transport';
import { SECURITY_HEADERS, tokenMatches } from './http-security';

/** Far above any real call (a memo, a replaced text), low enough that a runaway client cannot exhaust memory. */
export const MAX_API_BODY_BYTES = 8 * 1024 * 1024;
/** A call carrying a file (see CALL_HEADER): the largest file Notebook imports. */
export const MAX_FILE_BODY_BYTES = MAX_IMPORT_BYTES;

export interface ApiRouteContext {
  readonly notebook: Notebook;
  readonly token: string;
}

/**
 * `POST /api` with `{ "method": string, "input": unknown }`. Typed failures of the method itself
 * are answered 200 with the ApiResult; only transport failures get another status, still with an
 * ApiResult body so the client can show its message.
 */
export async function handleApiRequest(req: IncomingMessage, res: ServerResponse, context: ApiRouteContext): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    sendResult(res, 405, fail('invalid-input', `The Notebook API only accepts POST requests, not ${req.method ?? 'this method'}.`));
    return;
  }
  const given = req.headers[TOKEN_HEADER.toLowerCase()];
  if (typeof given !== 'string' || given === '') {
    sendResult(res, 401, fail('forbidden', 'This request carries no launch token; open Notebook from the address it printed when it started.'));
    return;
  }
  if (!tokenMatches(given, context.token)) {
    sendResult(res, 403, fail('forbidden', 'The launch token does not match this run of Notebook; open the address it printed most recently.'));
    return;
  }
  const carriesFile = req.headers['content-type'] === 'application/octet-stream';
  const limit = carriesFile ? MAX_FILE_BODY_BYTES : MAX_API_BODY_BYTES;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuseOversized(res, limit);
    return;
  }
  const body = await readBody(req, limit);
  if (body === null) {
    refuseOversized(res, limit);
    return;
  }
  const call = carriesFile ? parseFileCall(req.headers[CALL_HEADER.toLowerCase()], body) : parseCall(body.toString('utf8'));
  if (!call.ok) {
    sendResult(res, 400, call);
    return;
  }
  sendResult(res, 200, await context.notebook.dispatch(call.value.method, call.value.input));
}

export function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  const json = JSON.stringify(result);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}

function refuseOversized(res: ServerResponse, limit: number): void {
  // The rest of the body is not read; closing the connection stops the client sending it.
  res.setHeader('Connection', 'close');
  sendResult(res, 413, fail('invalid-input', `The request is larger than the ${limit / 1024 / 1024} MiB Notebook accepts in one call.`));
}

/**
 * The body, or null as soon as it passes the limit. Listening rather than iterating, because
 * ending an iteration early destroys the socket before the 413 can be sent.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => reject(new Error('The client closed the connection before sending the whole request.')));
  });
}

function parseCall(body: string): ApiResult<{ method: string; input: unknown }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fail('invalid-input', 'The request body is not JSON; send { "method": "...", "input": { ... } }.');
  }
  if (typeof parsed !== 'object' || parsed === null || !('method' in parsed) || typeof parsed.method !== 'string') {
    return fail('invalid-input', 'The request body must be a JSON object { "method": "...", "input": { ... } } naming the method as a string.');
  }
  return { ok: true, value: { method: parsed.method, input: 'input' in parsed ? parsed.input : undefined } };
}

/** A call carrying a file: the call in CALL_HEADER, the file's bytes as the body, joined as `input.bytes`. */
function parseFileCall(header: string | string[] | undefined, body: Buffer): ApiResult<{ method: string; input: unknown }> {
  if (typeof header !== 'string') return fail('invalid-input', `A request whose body is a file must name its call in the ${CALL_HEADER} header.`);
  let json: string;
  try {
    json = decodeURIComponent(header);
  } catch {
    return fail('invalid-input', `The ${CALL_HEADER} header is not URI-encoded JSON.`);
  }
  const call = parseCall(json);
  if (!call.ok) return call;
  const { input } = call.value;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('invalid-input', `The ${CALL_HEADER} header must carry the call's input as an object.`);
  return { ok: true, value: { method: call.value.method, input: { ...input, bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) } } };
}
