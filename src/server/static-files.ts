import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { safePathSegments } from '../shared/safe-path';
import { SECURITY_HEADERS } from './http-security';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * Serves the built renderer: `/` is index.html. Nothing outside `rendererDir` is reachable: every
 * path segment is checked before it is joined (see safePathSegments), and a file is served only if
 * its real path, links resolved, is inside the real build folder (a symlink planted there is not
 * followed out of it).
 */
export async function serveStaticFile(req: IncomingMessage, res: ServerResponse, rendererDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, `Notebook's pages can only be read (GET), not ${req.method ?? 'changed'}.`);
    return;
  }
  const segments = safePathSegments((req.url ?? '/').split(/[?#]/, 1)[0] ?? '');
  if (segments === null) {
    sendText(res, 400, 'That address is not a file of Notebook.');
    return;
  }
  const file = join(rendererDir, ...(segments.length === 0 ? ['index.html'] : segments));
  const body = await readRegularFile(file, rendererDir);
  if (body === null) {
    sendText(res, 404, 'Notebook has no page at that address.');
    return;
  }
  const isHtml = extname(file) === '.html';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
    // The HTML names the current build's hashed assets, so it must never be served stale.
    'Cache-Control': isHtml ? 'no-store' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function readRegularFile(file: string, rendererDir: string): Promise<Buffer | null> {
  try {
    const [real, root] = await Promise.all([realpath(file), realpath(rendererDir)]);
    if (!real.startsWith(root + sep)) return null;
    return (await stat(real)).isFile() ? await readFile(real) : null;
  } catch {
    return null;
  }
}

function sendText(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(message),
    'Cache-Control': 'no-store',
  });
  res.end(message);
}
