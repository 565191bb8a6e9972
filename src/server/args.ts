/** What `npm run serve -- [--port N] [--data-dir DIR] [--no-open]` (node out/main/server.js) was asked to do. */
export interface ServerArgs {
  /** 0 asks the system for a free port. */
  readonly port: number;
  /** The --data-dir flag, or null to fall back on NOTEBOOK_DATA_DIR and the per-OS default. */
  readonly dataDir: string | null;
  readonly openBrowser: boolean;
}

export type ParsedServerArgs =
  | { readonly ok: true; readonly args: ServerArgs }
  /** --help or -h: print this and exit, whatever else was given. */
  | { readonly ok: true; readonly help: string }
  | { readonly ok: false; readonly message: string };

export const SERVER_USAGE = 'Usage: npm run serve -- [--port N] [--data-dir DIR] [--no-open]';

export const SERVER_HELP = [
  SERVER_USAGE,
  '',
  'Serves Notebook to your browser on 127.0.0.1 only, and prints the address to open,',
  'with the launch token every request needs: Notebook ready at http://127.0.0.1:<port>/?token=<token>',
  'Stop it with Ctrl-C; pending writes finish first.',
  '',
  '  --port N        listen on port N; 0, the default, takes the port of the last run if it is free, else any free one',
  '  --data-dir DIR  the folder that holds your notebook; by default $NOTEBOOK_DATA_DIR, else the desktop app’s',
  '                  (~/.config/Notebook on Linux, ~/Library/Application Support/Notebook on macOS, %APPDATA%\\Notebook on Windows)',
  '  --no-open       do not open the system browser',
  '  -h, --help      print this help and exit',
].join('\n');

/** Reads the command line; each mistake is reported in a sentence naming the argument. */
export function parseServerArgs(argv: readonly string[]): ParsedServerArgs {
  // 0: the last run's port if it is still free (see browser-session.ts), else any free one.
  let port = 0;
  let dataDir: string | null = null;
  let openBrowser = true;
  if (argv.includes('--help') || argv.includes('-h')) return { ok: true, help: SERVER_HELP };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [name, inlineValue] = splitFlag(arg);
    const takeValue = (): string | null => {
      if (inlineValue !== null) return inlineValue;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return null;
      i += 1;
      return next;
    };
    switch (name) {
      case '--port': {
        const value = takeValue();
        const parsed = value === null ? null : parsePort(value);
        if (parsed === null) return { ok: false, message: `--port needs a whole number from 0 to 65535 (0 picks a free port), not ${JSON.stringify(value ?? '')}.` };
        port = parsed;
        break;
      }
      case '--data-dir': {
        const value = takeValue();
        if (value === null || value.trim() === '') return { ok: false, message: '--data-dir needs the path of the folder that holds your notebook.' };
        dataDir = value;
        break;
      }
      case '--no-open':
        if (inlineValue !== null) return { ok: false, message: '--no-open takes no value.' };
        openBrowser = false;
        break;
      default:
        return { ok: false, message: `Unknown argument ${JSON.stringify(arg)}. ${SERVER_USAGE}` };
    }
  }
  return { ok: true, args: { port, dataDir, openBrowser } };
}

function splitFlag(arg: string): [string, string | null] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, null];
}

function parsePort(value: string): number | null {
  if (!/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65535 ? port : null;
}
