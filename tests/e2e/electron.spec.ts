import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** The Electron executable, or null: the package's entry throws when its binary was never downloaded. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executablePath = electronBinary();

interface Recorded {
  asked: string[];
  opened: string[];
  navigations: string[];
}

const SKIP_REASON =
  'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1), so this spec cannot launch the app here; it runs where the binary is.';

test.describe('the Electron shell', () => {
  if (executablePath === null) {
    // The list reporter shows skipped tests without their reason, so it is said once here too.
    console.log(SKIP_REASON);
    test.skip(true, SKIP_REASON);
  }

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'notebook-electron-'));
    app = await electron.launch({ executablePath: executablePath ?? undefined, args: [repoRoot, '--data-dir', dataDir], cwd: repoRoot });
    page = await app.firstWindow();
    // Stand-ins for the confirmation dialog and the system browser, recording what the shell asks.
    await app.evaluate(({ dialog, shell, BrowserWindow }) => {
      const recorded: Recorded = { asked: [], opened: [], navigations: [] };
      Object.assign(globalThis, { recorded });
      dialog.showMessageBox = (async (...args: unknown[]) => {
        recorded.asked.push((args.at(-1) as { message: string }).message);
        return { response: 1, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      shell.openExternal = async (url: string) => {
        recorded.opened.push(url);
      };
      BrowserWindow.getAllWindows()[0]?.webContents.on('did-start-navigation', (details) => recorded.navigations.push(details.url));
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const recorded = (): Promise<Recorded> => app.evaluate(() => (globalThis as unknown as { recorded: Recorded }).recorded);

  test('opens one window whose page is isolated, sandboxed and without Node', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> | null } | undefined;
      const last = contents?.getLastWebPreferences();
      return { contextIsolation: last?.contextIsolation, sandbox: last?.sandbox, nodeIntegration: last?.nodeIntegration, webSecurity: last?.webSecurity };
    });
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(page.url()).toMatch(/^app:\/\/notebook\//);
    expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>).require, typeof (globalThis as Record<string, unknown>).process])).toEqual(['undefined', 'undefined']);
    expect(await page.evaluate(() => Object.keys((window as unknown as Record<string, object>).notebookApi ?? {}))).toEqual(['call']);
  });

  test('shows the five bundled sources in the Library', async () => {
    await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('link')).toHaveCount(5);
  });

  test('keeps Chromium’s profile out of the data folder, which holds only the notebook', async () => {
    const entries = await readdir(dataDir);
    expect(entries.filter((name) => /^(Cache|Code Cache|GPUCache|Local Storage|Session Storage|Preferences|Local State|Singleton\w*|blob_storage|Network)$/.test(name))).toEqual([]);
  });

  test('refuses window.open, asking before a web link goes to the browser', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await expect.poll(async () => (await recorded()).asked).toEqual(['Open https://example.com/ in your browser?']);
    expect((await recorded()).opened).toEqual([]);
    expect(app.windows()).toHaveLength(1);
  });

  test('refuses permission requests', async () => {
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    expect(await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state)).toBe('denied');
  });

  test('refuses navigation away from the app', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    // A refused navigation never starts, so give it time to have started if it were allowed.
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    expect((await recorded()).navigations.filter((url) => !url.startsWith('app://notebook/'))).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  });
});
