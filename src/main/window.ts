import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface MainWindowOptions {
  /** The built preload (out/preload/index.cjs). */
  readonly preloadPath: string;
}

/** The one window: sources beside a memo need room, hence the minimum width. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Notebook',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // On Windows and Linux Chromium downloads spelling dictionaries from Google; the notebook stays offline.
      spellcheck: false,
    },
  });
  // Shown once painted, so the person never sees an empty white frame.
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
