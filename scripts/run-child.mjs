// Runs one child process in the foreground: same terminal, signals passed on, its exit code ours.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Never returns: the process exits with the child's exit code (128 + signal number if it was killed). */
export function runInForeground(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    // In a terminal, Ctrl-C reaches the child too; forwarding covers `kill <pid>` of this script.
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    process.stderr.write(`Could not start ${command}: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}
