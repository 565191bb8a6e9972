// `npm start`: Notebook as a desktop app, or in the system browser where Electron is not installed.
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
const electronPath = await findElectron();
if (electronPath !== null) {
  // A variable some editors set would make Electron run as plain Node and show nothing.
  const { ELECTRON_RUN_AS_NODE: _runAsNode, ...env } = process.env;
  runInForeground(electronPath, [repoRoot, ...args], { env });
} else {
  process.stderr.write(
    'The Electron binary is not installed here (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline), so Notebook is starting in browser mode instead.\n',
  );
  runInForeground(process.execPath, [join(repoRoot, 'out', 'main', 'server.js'), ...args]);
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
