import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Notebook } from '../services/open-notebook';
import { fail } from '../shared/api-result';
import { HTTP_API_PATH, TOKEN_QUERY_PARAM } from '../shared/transport';
import { handleApiRequest, sendResult } from './api-route';
import { foreignRequestReason, SECURITY_HEADERS } from './http-security';
import { LAUNCH_PATH, LaunchCodes } from './launch-codes';
import { serveStaticFile } from './static-files';

/** Loopback only: the notebook is one person's, never the network's. */
export const SERVER_HOST = '127.0.0.1';

export interface StartServerOptions {
  /** An open notebook; the server does not close it. */
  readonly notebook: Notebook;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The token pages must send; a new one when absent (see browser-session.ts for why one is kept). */
  readonly token?: string;
}

export interface RunningServer {
  /** The page to open, carrying the launch token. */
  readonly url: string;
  readonly token: string;
  /** A one-time address that opens the page; safe to pass on a command line (see launch-codes.ts). */
  launchUrl(): string;
  /** Where the listener is actually bound. */
  readonly address: AddressInfo;
  /** Stops accepting requests and closes the connections still open. */
  close(): Promise<void>;
}

/** Serves the renderer and the API on 127.0.0.1; resolves once requests are accepted. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const launchCodes = new LaunchCodes();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const { port } = server.address() as AddressInfo;
    route(req, res, { ...options, token, port, launchCodes }).catch((error: unknown) => {
      if (!res.headersSent) {
        sendResult(res, 500, fail('internal', `Notebook failed to answer ${req.method ?? ''} ${req.url ?? ''}: ${error instanceof Error ? error.message : String(error)}`));
      } else {
        res.destroy();
      }
    });
  });
  await listen(server, options.port);
  const address = server.address() as AddressInfo;
  return {
    url: `http://${SERVER_HOST}:${address.port}/?${TOKEN_QUERY_PARAM}=${token}`,
    token,
    launchUrl: () => `http://${SERVER_HOST}:${address.port}${LAUNCH_PATH}?code=${launchCodes.issue()}`,
    address,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface RouteContext extends StartServerOptions {
  readonly token: string;
  readonly port: number;
  readonly launchCodes: LaunchCodes;
}

async function route(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  const foreign = foreignRequestReason(req, context.port);
  if (foreign !== null) {
    sendResult(res, 403, fail('forbidden', foreign));
    return;
  }
  const pathname = (req.url ?? '/').split('?', 1)[0];
  if (pathname === HTTP_API_PATH) {
    await handleApiRequest(req, res, context);
  } else if (pathname === LAUNCH_PATH) {
    redeemLaunchCode(req, res, context);
  } else {
    await serveStaticFile(req, res, context.rendererDir);
  }
}

/** Trades a one-time launch code for the page with the token, never twice. */
function redeemLaunchCode(req: IncomingMessage, res: ServerResponse, { launchCodes, token }: RouteContext): void {
  const code = new URL(req.url ?? '/', 'http://localhost').searchParams.get('code') ?? '';
  if (req.method === 'GET' && launchCodes.redeem(code)) {
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/?${TOKEN_QUERY_PARAM}=${token}`, 'Cache-Control': 'no-store' });
    res.end();
    return;
  }
  const message = 'This link to open Notebook has been used already or has expired. Open the address Notebook printed when it started (“Notebook ready at …”).';
  res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(message), 'Cache-Control': 'no-store' });
  res.end(message);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: SERVER_HOST }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
