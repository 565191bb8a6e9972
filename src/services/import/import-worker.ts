import { parentPort, workerData } from 'node:worker_threads';
import { ImportFailure } from '../../core/import/import-failure';
import type { ConverterInput } from './converter';
import { extractFile } from './extract-file';
import type { WorkerReply } from './worker-reply';

/**
 * A worker thread that reads one file (given as workerData) and posts one reply. One thread per
 * file, so a file that hangs or exhausts memory is ended with its thread and takes nothing else
 * with it, and the thread answering API calls never parses.
 */
async function run(input: ConverterInput): Promise<WorkerReply> {
  try {
    return { ok: true, extracted: await extractFile(input) };
  } catch (error) {
    if (error instanceof ImportFailure) return { ok: false, failure: error.message };
    return { ok: false, bug: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (parentPort !== null) {
  const port = parentPort;
  void run(workerData as ConverterInput).then((reply) => port.postMessage(reply));
}
