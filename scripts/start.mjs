// `npm start`: Notebook as a desktop app, or in the system browser where Electron is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildIfStale, repoRoot } from './build-if-stale.mjs';
import { runInForeground } from './run-child.mjs';

try {
  await buildIfStale();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

// Beside the installed packages, so that a fresh `npm ci` forgets it along with them.
const FETCH_FAILED_MARKER = join(repoRoot, 'node_modules', '.cache', 'notebook', 'electron-fetch-failed');

const args = process.argv.slice(2);
const electronPath = (await findElectron()) ?? (await downloadElectron());
if (electronPath !== null) {
  // A variable some editors set would make Electron run as plain Node and show nothing.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  runInForeground(electronPath, [repoRoot, ...args], { env });
} else {
  process.stderr.write(
    'The Electron binary is not installed here and could not be fetched (offline, or ELECTRON_SKIP_BINARY_DOWNLOAD=1), so Notebook is starting in browser mode instead.\n',
  );
  runInForeground(process.execPath, [join(repoRoot, 'out', 'main', 'server.js'), ...args]);
}

/**
 * npm 11 does not run dependencies' install scripts unless package.json allows them, and we keep
 * Electron's denied so that `npm ci` works offline; its binary is fetched here, on the first start,
 * instead. Skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1; offline it fails within a second. A failed
 * fetch is remembered, so that later starts, which try again, do not claim to be the first.
 */
async function downloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  const installer = join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  const failedBefore = existsSync(FETCH_FAILED_MARKER);
  process.stderr.write(failedBefore ? 'Trying again to fetch the Electron binary...\n' : 'Fetching the Electron binary (first start only)...\n');
  const result = spawnSync(process.execPath, [installer], { cwd: join(repoRoot, 'node_modules', 'electron'), stdio: 'ignore', timeout: 300_000 });
  const electronPath = result.status === 0 ? await findElectron() : null;
  if (electronPath === null) {
    mkdirSync(dirname(FETCH_FAILED_MARKER), { recursive: true });
    writeFileSync(FETCH_FAILED_MARKER, `${new Date().toISOString()}\n`);
  } else {
    rmSync(FETCH_FAILED_MARKER, { force: true });
  }
  return electronPath;
}

/** The Electron executable, or null: the package's entry throws when its binary was never downloaded. */
async function findElectron() {
  try {
    const { default: path } = await import('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
