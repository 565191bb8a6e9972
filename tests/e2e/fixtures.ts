import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { waitForReadyLine } from '../support/server-ready-line';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const serverScript = join(repoRoot, 'out', 'main', 'server.js');
const START_TIMEOUT_MS = 20_000;

interface NotebookFixtures {
  /**
   * The test's own empty data directory, removed after it. A spec can override this fixture to put
   * files there before the server starts (e.g. a damaged store file).
   */
  readonly dataDir: string;
  /** Address of a browser-mode Notebook started for this test on `dataDir`. */
  readonly appUrl: string;
  /** Fails the test on any error thrown in the page, which the page itself may never show. */
  readonly pageErrors: void;
}

export interface RunningServer {
  /** The address with the launch token, as the server printed it. */
  readonly url: string;
  /** Stops the server with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts the built server (`npm run build` first) as a person would, on port 0, and waits for its
 * ready line. Specs use it directly to arrange a data directory through earlier runs.
 */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const server = spawn(process.execPath, [serverScript, '--port', '0', '--data-dir', dataDir, '--no-open'], {
    cwd: repoRoot,
    // The server keeps its token and port per data folder in the cache folder: the tests' own, not the person's.
    env: { ...process.env, XDG_CACHE_HOME: join(tmpdir(), 'notebook-e2e-cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await waitForReadyLine(server, { timeoutMs: START_TIMEOUT_MS, stderr: () => stderr, exited, hint: 'is out/ built? run npm run build' });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A browser-mode Notebook per test, on the test's own data directory, stopped after it. */
export const test = base.extend<NotebookFixtures>({
  // Playwright reads a fixture's dependencies from this pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'notebook-e2e-'));
    try {
      await use(dataDir);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  appUrl: async ({ dataDir }, use) => {
    const server = await startServer(dataDir);
    try {
      await use(server.url);
    } finally {
      await server.stop();
    }
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors, 'errors thrown in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
