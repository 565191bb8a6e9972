// Builds the app (electron-vite build) when out/ is missing or older than anything it is built
// from, so `npm start` and `npm run serve` never run yesterday's code and never rebuild for nothing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, 'out');
const stampFile = join(outDir, '.build-stamp');
const inputs = ['src', 'resources', 'electron.vite.config.ts', 'package.json'].map((name) => join(repoRoot, name));

/** Resolves once out/ is current; rejects with a sentence if the build fails. */
export async function buildIfStale() {
  const reason = await staleReason();
  if (reason === null) return;
  process.stderr.write(`Building Notebook (${reason}); this can take a minute...\n`);
  const startedAt = new Date();
  await runBuild();
  // Stamped with the start time, so an edit made during the build triggers the next one.
  await writeFile(stampFile, `${startedAt.toISOString()}\n`);
  await utimes(stampFile, startedAt, startedAt);
}

async function staleReason() {
  if (!existsSync(outDir)) return 'out/ does not exist yet';
  if (!existsSync(stampFile)) return 'out/ was not built by this script';
  const builtAt = (await stat(stampFile)).mtimeMs;
  for (const input of inputs) {
    const newer = await findNewer(input, builtAt);
    if (newer !== null) return `${newer.slice(repoRoot.length)} changed since the last build`;
  }
  return null;
}

/** The first file under `path` modified after `time`, or null. */
async function findNewer(path, time) {
  let info;
  try {
    info = await stat(path);
  } catch {
    return null;
  }
  // Unit tests are not part of the build, and they change far more often than the app.
  if (!info.isDirectory()) return info.mtimeMs > time && !/\.test\.tsx?$/.test(path) ? path : null;
  for (const entry of await readdir(path)) {
    const newer = await findNewer(join(path, entry), time);
    if (newer !== null) return newer;
  }
  return null;
}

function runBuild() {
  // The package exports only its API, so its command line is found beside its package.json.
  const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  return new Promise((resolve, reject) => {
    // The build's log (bundle sizes, chunk-size advice) means nothing to someone starting the app:
    // it is kept, and shown only if the build fails.
    const child = spawn(process.execPath, [cli, 'build'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = [];
    child.stdout.on('data', (chunk) => log.push(chunk));
    child.stderr.on('data', (chunk) => log.push(chunk));
    child.on('error', (error) => reject(new Error(`Could not start the build: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      process.stderr.write(Buffer.concat(log));
      reject(new Error(`The build failed (${signal ?? `exit code ${code}`}); its messages are above.`));
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIfStale().catch((error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
