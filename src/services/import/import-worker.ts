import { parentPort, workerData } from 'node:worker_threads';
import { ImportFailure } from '../../core/import/import-failure';
import { extractFile } from './extract-file';
import type { WorkerReply, WorkerTask } from './worker-reply';

/**
 * A worker thread that reads one file (given as workerData) and posts one reply: the file as a
 * source, or (for a REFI-QDA project or codebook) everything the project holds. One thread per
 * file, so a file that hangs or exhausts memory is ended with its thread and takes nothing else
 * with it, and the thread answering API calls never parses.
 */
async function run({ kind, ...input }: WorkerTask): Promise<WorkerReply> {
  try {
    // The REFI-QDA reader (and its XML parser) is loaded only for projects.
    if (kind === 'project') return { ok: true, project: await (await import('./refi-qda')).readRefiQda(input) };
    return { ok: true, extracted: await extractFile(input) };
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, failure: error.message };
    return { ok: false, bug: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort !== null) {
  const port = parentPort;
  void run(workerData as WorkerTask).then((reply) => port.postMessage(reply));
}
