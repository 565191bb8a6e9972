import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_SCHEME, rendererFile } from './app-origin';

/**
 * Must run before `ready`. Standard and secure give the renderer a real origin (storage, relative
 * URLs, module scripts) without file://; CORS support is needed because Vite marks its module
 * scripts `crossorigin`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serves the built renderer under app://notebook/, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(rendererDir, request.url);
    // Only regular files: Chromium would answer a folder with a listing of its contents.
    if (file === null || !(await isRegularFile(file))) return textResponse(404, 'Notebook has no page at that address.');
    // net.fetch reads the file in the main process and sets its MIME type; the page itself only
    // ever sees app:// URLs.
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return textResponse(404, 'Notebook has no page at that address.');
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: 200, headers });
  });
}

async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
  });
}
