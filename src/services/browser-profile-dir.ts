import { createHash } from 'node:crypto';
import { posix, win32 } from 'node:path';

export interface BrowserProfileInputs {
  /** The notebook's data directory, absolute. */
  readonly dataDir: string;
  /** The process environment (XDG_CACHE_HOME, LOCALAPPDATA are read). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

const given = (value: string | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Where Electron keeps Chromium's profile (caches, local storage, the single-instance lock) for a
 * notebook: in the system's cache folder, one folder per data directory (named by a hash of its
 * path, so two notebooks stay two apps and a second launch on one folder finds the first), and
 * never inside the data directory itself: a profile there would be copied into every backup and
 * deleted from under the running browser by a restore.
 */
export function browserProfileDir({ dataDir, env, platform, home }: BrowserProfileInputs): string {
  const path = platform === 'win32' ? win32 : posix;
  const cacheRoot =
    platform === 'win32'
      ? given(env['LOCALAPPDATA'])
        ? env['LOCALAPPDATA']
        : win32.join(home, 'AppData', 'Local')
      : platform === 'darwin'
        ? posix.join(home, 'Library', 'Caches')
        : given(env['XDG_CACHE_HOME'])
          ? env['XDG_CACHE_HOME']
          : posix.join(home, '.cache');
  const name = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const profile = path.join(cacheRoot, 'Notebook', 'profiles', name);
  // A data directory chosen inside the cache folder could contain the profile: move it beside instead.
  const inside = path.relative(dataDir, profile);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? `${path.resolve(dataDir)}-browser-profile` : profile;
}
