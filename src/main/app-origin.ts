import { join } from 'node:path';
import { safePathSegments } from '../shared/safe-path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'notebook';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL belongs to the app itself. Compared by parts because Node's URL gives
 * non-special schemes an opaque `null` origin.
 */
export function isAppUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The file an app:// URL names, or null if it is not ours or could leave the renderer folder. */
export function rendererFile(rendererDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  const segments = safePathSegments(new URL(url).pathname);
  if (segments === null) return null;
  return join(rendererDir, ...(segments.length === 0 ? ['index.html'] : segments));
}
