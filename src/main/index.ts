import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, Menu, session, type BrowserWindow } from 'electron';
import { browserProfileDir } from '../services/browser-profile-dir';
import { resolveDataDir } from '../services/data-dir';
import { DataDirLockedError, openNotebook, type Notebook } from '../services/open-notebook';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { dataDirFlag } from './data-dir-flag';
import { answerApiCalls } from './ipc';
import { ADD_SOURCES_COMMAND, menuTemplate } from './menu';
import { saveDownloadsWithDialog } from './downloads';
import { confineToApp, denyAllPermissions } from './security';
import { createMainWindow } from './window';

// The build puts this file at out/main/index.js, beside out/preload and out/renderer.
const outDir = join(import.meta.dirname, '..');
const resourcesDir = join(import.meta.dirname, '..', '..', 'resources');

const dataDir = resolve(
  resolveDataDir({
    flag: dataDirFlag(process.argv),
    env: process.env,
    platform: process.platform,
    home: app.getPath('home'),
    appData: app.getPath('appData'),
  }),
);
// Chromium's profile and the single-instance lock follow the data directory, so two notebooks in
// two folders are two apps, and a second launch on the same folder finds the first; they live in
// the system's cache folder, outside the notebook, so backups never copy them.
const profileDir = browserProfileDir({ dataDir, env: process.env, platform: process.platform, home: app.getPath('home') });
app.setPath('userData', profileDir);
app.setPath('sessionData', profileDir);

registerAppScheme();

let notebook: Notebook | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => confineToApp(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (notebook === null) return;
    // Quitting waits for the notebook to finish its writes and release the data directory.
    event.preventDefault();
    const closing = notebook;
    notebook = null;
    closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Notebook could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  try {
    notebook = await openNotebook({ dataDir, resourcesDir, shell: 'electron', importWorker: { script: join(import.meta.dirname, 'import-worker.js') } });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    dialog.showErrorBox('This notebook is already open', error.message);
    app.exit(3);
    return;
  }
  denyAllPermissions(session.defaultSession);
  saveDownloadsWithDialog(session.defaultSession);
  serveRenderer(join(outDir, 'renderer'));
  answerApiCalls(ipcMain, notebook);
  // The renderer's "Add sources" button opens the system's file dialog (Electron shows the native
  // one for a file input); a click counts as the person's gesture only when sent as one.
  const addSources = () => void mainWindow?.webContents.executeJavaScript(`document.querySelector('[data-command="${ADD_SOURCES_COMMAND}"]')?.click()`, true);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ appName: app.getName(), platform: process.platform, isPackaged: app.isPackaged, addSources })));
  mainWindow = createMainWindow({ preloadPath: join(outDir, 'preload', 'index.cjs') });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}
