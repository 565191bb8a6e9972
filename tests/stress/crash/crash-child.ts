/**
 * The process the crash harness kills: it opens the notebook, reports what it reads back, then
 * writes through the API without end, reporting each write before it starts and after it is
 * acknowledged. Bundled by the harness (see build-entry.ts) and started with plain Node.
 */
import { writeSync } from 'node:fs';
import { DataDirLockedError, openNotebook } from '../../../src/services/open-notebook';
import { seededRandom } from '../../support/seeded-random';
import type { ChildConfig, ChildLine } from './crash-protocol';
import { applyWrite, type NotebookState } from './notebook-model';
import { readState } from './read-state';
import { planWrite, type PlannedWrite } from './write-plan';

/** Written synchronously, so a line is in the pipe before the write it announces begins. */
function send(line: ChildLine): void {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      // A full pipe the parent has not drained yet; it is always being read.
      if ((error as { code?: unknown }).code !== 'EAGAIN') throw error;
    }
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(config: ChildConfig): Promise<void> {
  let notebook;
  try {
    notebook = await openNotebook({ dataDir: config.dataDir, resourcesDir: config.resourcesDir, shell: 'browser' });
  } catch (error) {
    send({ type: error instanceof DataDirLockedError ? 'locked' : 'failed', message: messageOf(error) });
    process.exit(3);
  }
  const opened = await readState(notebook);
  send({ type: 'opened', state: opened.state, notices: opened.notices, methods: opened.methods });

  const random = seededRandom(config.seed);
  const methods = new Set(opened.methods);
  let state: NotebookState = opened.state;
  const busy = new Set<string>();
  let running = 0;
  let alone = false;
  let seq = config.firstSeq;
  let wake: (() => void) | null = null;

  const run = async ({ call, keys }: PlannedWrite): Promise<void> => {
    send({ type: 'begin', call });
    const result = await notebook.dispatch(call.method, call.input);
    if (!result.ok) {
      send({ type: 'refused', seq: call.seq, error: `${result.error.code}: ${result.error.message}` });
      process.exit(4);
    }
    const value = result.value as { id?: string; highlight?: { id: string } };
    const createdId = call.method.endsWith('.create') ? (value.highlight?.id ?? value.id ?? null) : null;
    state = applyWrite(state, call, createdId ?? '');
    send({ type: 'ack', seq: call.seq, createdId });
    for (const key of keys) busy.delete(key);
  };

  // Runs until killed: the parent decides when.
  for (;;) {
    while (!alone && running < config.concurrency) {
      const planned = planWrite(random, { state, sources: opened.sources, methods, busy, running }, seq);
      // Nothing fits beside the running writes; with none running, something always fits (a reading position).
      if (planned === null) {
        if (running > 0) break;
        continue;
      }
      seq++;
      if (planned.alone) alone = true;
      for (const key of planned.keys) busy.add(key);
      running++;
      void run(planned).finally(() => {
        running--;
        if (planned.alone) alone = false;
        wake?.();
      });
      if (planned.alone) break;
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = null;
  }
}

main(JSON.parse(process.argv[2] ?? '{}') as ChildConfig).catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
