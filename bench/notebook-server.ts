import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { waitForReadyLine } from '../tests/support/server-ready-line';

/** Milliseconds since the Unix epoch, to the microsecond: comparable with a page's timeOrigin + now(). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface RunningServer {
  /** The address with the launch token, as the ready line gives it. */
  readonly url: string;
  /** epochNow() just before the process was spawned, and when its ready line arrived. */
  readonly spawnedAt: number;
  readonly readyAt: number;
  /**
   * The most memory the server has held: the peak (VmHWM) of its process, which counts its worker
   * threads, added to those of any processes it started, or null where /proc cannot say.
   */
  peakRss(): Promise<number | null>;
  /** Stops the server as a person's Ctrl-C would, and waits for it to exit. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;

async function peakOf(pid: number): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kilobytes = status === null ? null : /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return kilobytes ? Number(kilobytes) * 1024 : null;
}

/** `pid` and every process descended from it (from the parent ids in /proc/<pid>/stat), `pid` first. */
async function processTree(pid: number): Promise<number[]> {
  const names = await readdir('/proc').catch((): string[] => []);
  const parents = new Map<number, number>();
  await Promise.all(
    names
      .filter((name) => /^\d+$/.test(name))
      .map(async (name) => {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
        // The parent id is the second field after the command, which is in parentheses and may hold spaces.
        const parent = stat === null ? undefined : stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
        if (parent !== undefined) parents.set(Number(name), Number(parent));
      }),
  );
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  return tree;
}
const STOP_TIMEOUT_MS = 30_000;

/** Starts the browser-mode server (`node <serverScript> --port 0 --data-dir <dataDir> --no-open`). */
export async function startServer(serverScript: string, dataDir: string): Promise<RunningServer> {
  const spawnedAt = epochNow();
  const server = spawn(process.execPath, [serverScript, '--port', '0', '--data-dir', dataDir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  const url = await waitForReadyLine(server, { timeoutMs: START_TIMEOUT_MS, stderr: () => stderr, exited });
  const readyAt = epochNow();
  return {
    url,
    spawnedAt,
    readyAt,
    async peakRss() {
      if (server.pid === undefined) return null;
      const peaks = await Promise.all((await processTree(server.pid)).map(peakOf));
      return peaks[0] === null || peaks[0] === undefined ? null : peaks.reduce<number>((sum, peak) => sum + (peak ?? 0), 0);
    },
    async stop() {
      if (server.exitCode !== null || server.signalCode !== null) return;
      const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
      server.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  };
}
