// `npm start`: Notebook as a desktop app, or in the system browser where Electron is not installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, repoRoot } from './build-if-stale.mjs';
import { runInForeground } from './run-child.mjs';

try {
  await buildIfStale();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

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
 * instead. Skipped with ELECTRON_SKIP_BINARY_DOWNLOAD=1; offline it fails within a second.
 */
async function downloadElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  const installer = join(repoRoot, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  process.stderr.write('Fetching the Electron binary (first start only)...\n');
  const result = spawnSync(process.execPath, [installer], { cwd: join(repoRoot, 'node_modules', 'electron'), stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? findElectron() : null;
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
