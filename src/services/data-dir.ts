import { posix, win32 } from 'node:path';

/** The app's productName: Electron names its userData folder after it. */
const APP_FOLDER = 'Notebook';

export interface DataDirInputs {
  /** The --data-dir value, if given. */
  readonly flag?: string | null;
  /** The process environment (NOTEBOOK_DATA_DIR, XDG_CONFIG_HOME, APPDATA are read). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** The user's home folder. */
  readonly home: string;
  /** Electron's app.getPath('appData'), when the shell knows it; otherwise derived per OS. */
  readonly appData?: string;
}

const given = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Where the notebook lives: the --data-dir flag, else NOTEBOOK_DATA_DIR, else the folder Electron's
 * app.getPath('userData') gives an app named "Notebook", so both shells share one notebook.
 * Blank values count as not given.
 */
export function resolveDataDir({ flag, env, platform, home, appData }: DataDirInputs): string {
  const chosen = [flag, env['NOTEBOOK_DATA_DIR']].find(given);
  if (chosen !== undefined) return chosen;
  const path = platform === 'win32' ? win32 : posix;
  return path.join(given(appData) ? appData : defaultAppData(env, platform, home), APP_FOLDER);
}

/** What Electron's app.getPath('appData') returns on each OS. */
function defaultAppData(env: DataDirInputs['env'], platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return given(env['APPDATA']) ? env['APPDATA'] : win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return given(env['XDG_CONFIG_HOME']) ? env['XDG_CONFIG_HOME'] : posix.join(home, '.config');
}
