import { Worker } from 'node:worker_threads';
import type { ExtractedSource } from '../../core/import/extracted-source';
import { ImportFailure } from '../../core/import/import-failure';
import { ImportCancelledError } from '../service-errors';
import type { ConverterInput } from './converter';
import type { ReadRefiQda } from './refi-qda';
import type { WorkerReply, WorkerTask } from './worker-reply';

export interface ExtractionWorkersOptions {
  /** The built import-worker script (out/main/import-worker.js), or code that loads its source. */
  readonly script: string | URL;
  readonly eval?: boolean;
  /** How long one file may take to read before it is given up. */
  readonly timeLimitMs: number;
  /** Heap of each worker: a file needing more fails alone instead of taking the app down. */
  readonly maxHeapMb: number;
}

/** Reads files in worker threads, one thread per file, each with a time limit and cancellable. */
export interface Extraction {
  extract(input: ConverterInput, signal: AbortSignal): Promise<ExtractedSource>;
  /** A REFI-QDA project (.qdpx) or codebook (.qdc): its sources, code tree, codings and notes. */
  readProject(input: ConverterInput, signal: AbortSignal): Promise<ReadRefiQda>;
}

export class ExtractionWorkers implements Extraction {
  constructor(private readonly options: ExtractionWorkersOptions) {}

  async extract(input: ConverterInput, signal: AbortSignal): Promise<ExtractedSource> {
    const reply = await this.#run({ ...input, kind: 'source' }, signal);
    if (!('extracted' in reply)) throw new Error(`The import worker answered “${input.fileName}” with a project where a source was asked for.`);
    return reply.extracted;
  }

  async readProject(input: ConverterInput, signal: AbortSignal): Promise<ReadRefiQda> {
    const reply = await this.#run({ ...input, kind: 'project' }, signal);
    if (!('project' in reply)) throw new Error(`The import worker answered “${input.fileName}” with a source where a project was asked for.`);
    return reply.project;
  }

  /** Runs one task in its own worker: its successful reply, or the failure as the person should see it. */
  #run(input: WorkerTask, signal: AbortSignal): Promise<Extract<WorkerReply, { ok: true }>> {
    const { script, eval: isCode, timeLimitMs, maxHeapMb } = this.options;
    // The worker gets its own copy of the bytes, moved rather than cloned again.
    const bytes = new Uint8Array(input.bytes);
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(cancelled(input.fileName));
        return;
      }
      const worker = new Worker(script, {
        workerData: { ...input, bytes },
        transferList: [bytes.buffer],
        eval: isCode === true,
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const finish = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(() => {
        const seconds = Math.round(timeLimitMs / 1000);
        finish(() => reject(new ImportFailure(`Reading the file took longer than ${seconds} seconds, so it was stopped. It may be very large or damaged; try splitting it, or saving it again from the program that made it.`)));
      }, timeLimitMs);
      const onAbort = (): void => finish(() => reject(cancelled(input.fileName)));
      signal.addEventListener('abort', onAbort);
      worker.once('message', (reply: WorkerReply) =>
        finish(() => {
          if (reply.ok) resolve(reply);
          else if ('failure' in reply) reject(new ImportFailure(reply.failure));
          else reject(new Error(`The converter failed on “${input.fileName}”: ${reply.bug}`));
        }),
      );
      worker.once('error', (error: Error & { code?: string }) =>
        finish(() => {
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new ImportFailure(`Reading the file needed more than the ${maxHeapMb} MB of memory Notebook gives one file. Try splitting it into smaller files.`));
          else reject(new Error(`The import worker failed on “${input.fileName}”: ${error.message}`));
        }),
      );
      worker.once('exit', (code) => finish(() => reject(new Error(`The import worker stopped (exit code ${code}) before it finished “${input.fileName}”.`))));
    });
  }
}

const cancelled = (fileName: string): ImportCancelledError => new ImportCancelledError(`The import of “${fileName}” was cancelled; nothing of it was kept.`);
