import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

type ServerProcess = Pick<ChildProcess, 'kill' | 'exitCode'> & { readonly stdout: Readable };

/** The one line browser mode prints once it accepts requests (see src/server/index.ts). */
export const READY_LINE = /^Notebook ready at (http:\/\/127\.0\.0\.1:\d{1,5}\/\?token=[A-Za-z0-9_-]{43})$/;

export interface ReadyLineOptions {
  readonly timeoutMs: number;
  /** What the server printed on stderr so far, for the failure message. */
  readonly stderr: () => string;
  /** Resolves when the server process exits. */
  readonly exited: Promise<void>;
  /** Added to the message when the server stops before it is ready, e.g. how to build it. */
  readonly hint?: string;
}

/** Resolves with the server's address once it prints its ready line; rejects if it stops or stays silent. */
export function waitForReadyLine(server: ServerProcess, options: ReadyLineOptions): Promise<string> {
  return new Promise<string>((ready, failed) => {
    const timer = setTimeout(() => {
      server.kill('SIGKILL');
      failed(new Error(`The server printed no ready line within ${options.timeoutMs / 1000} s.\n${options.stderr()}`));
    }, options.timeoutMs);
    createInterface({ input: server.stdout }).on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        ready(match[1]);
      }
    });
    void options.exited.then(() => {
      clearTimeout(timer);
      failed(new Error(`The server stopped before it was ready (exit code ${server.exitCode}${options.hint ? `; ${options.hint}` : ''}).\n${options.stderr()}`));
    });
  });
}
