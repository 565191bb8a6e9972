import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base } from '@playwright/test';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const serverScript = join(repoRoot, 'out', 'main', 'server.js');
const READY_LINE = /^Notebook ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/;
const START_TIMEOUT_MS = 20_000;

interface NotebookFixtures {
  /**
   * The test's own empty data directory, removed after it. A spec can override this fixture to put
   * files there before the server starts (e.g. a damaged store file).
   */
  readonly dataDir: string;
  /** Address of a browser-mode Notebook started for this test on `dataDir`. */
  readonly appUrl: string;
}

/**
 * Starts the built server (`npm run build` first) as a person would, on port 0, waits for its
 * ready line, and stops it with SIGTERM after the test.
 */
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
    const server = spawn(process.execPath, [serverScript, '--port', '0', '--data-dir', dataDir, '--no-open'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    try {
      const url = await new Promise<string>((ready, failed) => {
        const timer = setTimeout(() => failed(new Error(`The server printed no ready line within ${START_TIMEOUT_MS} ms.\n${stderr}`)), START_TIMEOUT_MS);
        createInterface({ input: server.stdout }).on('line', (line) => {
          const match = READY_LINE.exec(line);
          if (match?.[1]) {
            clearTimeout(timer);
            ready(match[1]);
          }
        });
        void exited.then(() => {
          clearTimeout(timer);
          failed(new Error(`The server stopped before it was ready (is out/ built? run npm run build).\n${stderr}`));
        });
      });
      await use(url);
    } finally {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
      await exited;
    }
  },
});

export { expect } from '@playwright/test';
