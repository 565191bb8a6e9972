import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What browser mode keeps between runs on one data folder, outside it (see browserProfileDir). */
export interface BrowserSession {
  /** The token pages send with every call. */
  readonly token: string;
  /** The port it last listened on, or null before the first run. */
  readonly port: number | null;
}

const SESSION_FILE = 'browser-session.json';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The token and port of the last run on this data folder, or a new token. Keeping both is what
 * lets an open tab outlive its server: when the server stops (a crash, a restart, a closed
 * terminal) and is started again on the same folder, the tab's pending saves and its Retry reach
 * the new server at the same address with the token they already hold. The file is readable by
 * its owner only (0600, in a 0700 folder), so the token is no easier for another user to read than
 * the notebook itself; a missing or damaged file just means a new token.
 */
export async function loadBrowserSession(dir: string): Promise<BrowserSession> {
  try {
    const value = JSON.parse(await readFile(join(dir, SESSION_FILE), 'utf8')) as Record<string, unknown>;
    const { token, port } = value;
    if (typeof token === 'string' && TOKEN.test(token)) {
      return { token, port: typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null };
    }
  } catch {
    // No session yet, or one that cannot be read: start a new one.
  }
  return { token: randomBytes(32).toString('base64url'), port: null };
}

/** Records the session for the next run; written whole (temporary file, then rename). */
export async function saveBrowserSession(dir: string, session: BrowserSession): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, SESSION_FILE);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(session)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}
