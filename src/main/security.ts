import { dialog, shell, BrowserWindow, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** The notebook needs no camera, microphone, notifications or any other permission. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Keeps every web contents on the app's own pages: navigation elsewhere is cancelled, no window
 * is ever opened, and a web link is handed to the person's browser only after they agree.
 */
export function confineToApp(contents: WebContents): void {
  const refuseForeign = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) {
      offerToOpenExternally(contents, url).catch((error: unknown) =>
        dialog.showErrorBox('Could not open the link', `Notebook could not hand ${url} to your browser: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return { action: 'deny' };
  });
}

function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

async function offerToOpenExternally(contents: WebContents, url: string): Promise<void> {
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    message: `Open ${url} in your browser?`,
    detail: 'The page will open outside Notebook, in your default web browser.',
  };
  const owner = BrowserWindow.fromWebContents(contents);
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}
