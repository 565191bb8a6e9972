import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { waitForReadyLine } from '../tests/support/server-ready-line';

/** Milliseconds since the Unix epoch, to the microsecond: comparable with a page's timeOrigin + now(). */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface RunningServer {
  /** The address with the launch token, as the ready line gives it. */
  readonly url: string;
  /** epochNow() just before the process was spawned, and when its ready line arrived. */
  readonly spawnedAt: number;
  readonly readyAt: number;
  /** The most memory the server process has held (VmHWM), or null where /proc cannot say. */
  peakRss(): Promise<number | null>;
  /** Stops the server as a person's Ctrl-C would, and waits for it to exit. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 120_000;
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
      const status = await readFile(`/proc/${server.pid}/status`, 'utf8').catch(() => null);
      const kilobytes = status === null ? null : /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
      return kilobytes ? Number(kilobytes) * 1024 : null;
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
