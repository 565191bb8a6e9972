// `npm run serve -- [--port N] [--data-dir DIR] [--no-open]`: Notebook in the system browser.
import { join } from 'node:path';
import { buildIfStale, repoRoot } from './build-if-stale.mjs';
import { runInForeground } from './run-child.mjs';

try {
  await buildIfStale();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
runInForeground(process.execPath, [join(repoRoot, 'out', 'main', 'server.js'), ...process.argv.slice(2)]);
