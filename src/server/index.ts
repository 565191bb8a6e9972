import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserProfileDir } from '../services/browser-profile-dir';
import { resolveDataDir } from '../services/data-dir';
import { DataDirLockedError, openNotebook, type Notebook } from '../services/open-notebook';
import { parseServerArgs } from './args';
import { loadBrowserSession, saveBrowserSession } from './browser-session';
import { openBrowser } from './open-browser';
import { startServer, type RunningServer } from './start-server';

/**
 * Browser mode: `npm run serve -- [--port N] [--data-dir DIR] [--no-open]`, which runs
 * `node out/main/server.js` with those arguments (--help prints them all).
 * Exit codes: 0 after a signal or --help, 1 if the server cannot start, 2 for a bad command line,
 * 3 when another process holds the data directory.
 */

// Both this file and its build (out/main/server.js) sit two folders below the repository.
const repoRoot = resolve(import.meta.dirname, '..', '..');
const resourcesDir = join(repoRoot, 'resources');
const rendererDir = join(repoRoot, 'out', 'renderer');

const say = (stream: NodeJS.WriteStream, line: string): void => void stream.write(`${line}\n`);

async function main(): Promise<void> {
  const parsed = parseServerArgs(process.argv.slice(2));
  if (!parsed.ok) {
    say(process.stderr, parsed.message);
    process.exit(2);
  }
  if ('help' in parsed) {
    say(process.stdout, parsed.help);
    process.exit(0);
  }
  const { args } = parsed;
  const dataDir = resolve(resolveDataDir({ flag: args.dataDir, env: process.env, platform: process.platform, home: homedir() }));

  let notebook: Notebook;
  try {
    // The build puts the import worker beside this file's build, out/main/server.js.
    notebook = await openNotebook({ dataDir, resourcesDir, shell: 'browser', importWorker: { script: join(import.meta.dirname, 'import-worker.js') } });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      say(process.stderr, error.message);
      process.exit(3);
    }
    say(process.stderr, `Notebook could not open its data folder ${dataDir}: ${messageOf(error)}`);
    process.exit(1);
  }

  // Without --port, the last run's port is tried first, so open tabs find the server again.
  const sessionDir = browserProfileDir({ dataDir, env: process.env, platform: process.platform, home: homedir() });
  const session = await loadBrowserSession(sessionDir);
  let server: RunningServer;
  try {
    server = await listenOnPort(notebook, args.port === 0 ? session.port : null, args.port, session.token);
  } catch (error) {
    await notebook.close();
    say(process.stderr, `Notebook could not listen on 127.0.0.1:${args.port}: ${messageOf(error)}. Choose another port with --port, or --port 0 for any free one.`);
    process.exit(1);
  }
  try {
    await saveBrowserSession(sessionDir, { token: server.token, port: server.address.port });
  } catch (error) {
    say(process.stderr, `Notebook could not remember its address in ${sessionDir} (${messageOf(error)}); tabs left open will need the new address after a restart.`);
  }

  let stopping = false;
  const stop = async (): Promise<void> => {
    // Ctrl-C in a terminal reaches both `npm run serve` and this process: stop once.
    if (stopping) return;
    stopping = true;
    await server.close();
    await notebook.close();
    process.exit(0);
  };
  const stopOnSignal = (): void => {
    stop().catch((error: unknown) => {
      say(process.stderr, `Notebook could not close its data folder cleanly: ${messageOf(error)}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);

  say(process.stdout, `Notebook ready at ${server.url}`);
  if (args.openBrowser) openBrowser(server.launchUrl(), (hint) => say(process.stderr, hint));
}

/** Listens on `preferred` (the last run's port) if it is free, else on `port`. */
async function listenOnPort(notebook: Notebook, preferred: number | null, port: number, token: string): Promise<RunningServer> {
  if (preferred !== null) {
    try {
      return await startServer({ notebook, rendererDir, port: preferred, token });
    } catch {
      // Taken by another program since: any free port will do.
    }
  }
  return startServer({ notebook, rendererDir, port, token });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  say(process.stderr, `Notebook stopped unexpectedly: ${messageOf(error)}`);
  process.exit(1);
});
