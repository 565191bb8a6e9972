// `npm run serve -- [--port N] [--data-dir DIR] [--no-open]`: Notebook in the system browser
// (`npm run serve -- --help` lists the flags).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, repoRoot } from './build-if-stale.mjs';
import { runInForeground } from './run-child.mjs';

const server = join(repoRoot, 'out', 'main', 'server.js');
const args = process.argv.slice(2);
// Help needs no fresh build: any build of the server prints it at once.
const wantsHelp = args.includes('--help') || args.includes('-h');
try {
  if (!(wantsHelp && existsSync(server))) await buildIfStale();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
runInForeground(process.execPath, [server, ...args]);
