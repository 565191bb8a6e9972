import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../src/services/open-notebook';
import { StorageError } from '../../src/services/store/storage-error';
import { useTempDir } from '../unit/support/temp-dir';
import { writeTinyLibrary } from '../unit/support/tiny-library';
import { applyWrite, difference, possibleStates, type NotebookState } from './crash/notebook-model';
import { FailNthFs, type FailurePlan } from './support/fail-nth-fs';
import { readBack, writeNotebookWithEverything } from './support/read-back';
import { runWriteSequence } from './support/write-sequence';

const CODES = ['ENOSPC', 'EIO', 'EACCES'] as const;
const WORDS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device (ENOSPC)',
  EIO: 'input/output error on the disk (EIO)',
  EACCES: 'permission denied (EACCES)',
};

const root = useTempDir('failing-disk');
let resourcesDir: string;
let template: string;
let templateState: NotebookState;

/** What one start-and-write-sequence did with one operation failing. */
type Outcome = 'open refused' | 'writes failed and retried' | 'unaffected';

async function setUp(): Promise<void> {
  resourcesDir = join(root(), 'resources');
  template = join(root(), 'template');
  await writeTinyLibrary(resourcesDir);
  templateState = (await writeNotebookWithEverything(template, resourcesDir)).state;
}

/**
 * Starts a copy of the template notebook on a disk whose operation `plan.at` fails, runs the write
 * sequence (retrying what fails), closes, and checks with a healthy disk what the next start sees.
 */
async function trial(name: string, fs: FailNthFs, plan: FailurePlan | null): Promise<Outcome> {
  const dataDir = join(root(), name);
  await cp(template, dataDir, { recursive: true });
  const words = plan === null ? '' : (WORDS[plan.code] ?? plan.code);
  let notebook: Notebook;
  try {
    notebook = await openNotebook({ dataDir, resourcesDir, shell: 'browser', fs });
  } catch (error) {
    expect(error, `${name}: ${fs.failed.join()}`).toBeInstanceOf(StorageError);
    expect((error as Error).message, `${name}: ${fs.failed.join()}`).toContain(words);
    const back = await readBack(dataDir, resourcesDir);
    expect(difference(templateState, back.state), name).toBeNull();
    await rm(dataDir, { recursive: true });
    return 'open refused';
  }
  const run = await runWriteSequence(notebook, 'trial', (call, result) => {
    const step = `${name}, ${call.method}: ${fs.failed.join()}`;
    expect(result, step).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(result.ok ? '' : result.error.message, step).toContain(words);
    fs.heal();
  });
  await notebook.close();

  const back = await readBack(dataDir, resourcesDir);
  expect(back.notices.filter((notice) => notice.kind === 'quarantined'), name).toEqual([]);
  const acknowledged = run.acknowledged.reduce((state, { call, createdId }) => applyWrite(state, call, createdId), templateState);
  // A failed write was retried with the same input, so only a failed create could leave a trace of
  // its own (a second copy), and only if it reached the disk before failing.
  const candidates = possibleStates(acknowledged, run.failed.filter((call) => call.method.endsWith('.create')));
  expect(
    candidates.some((candidate) => difference(candidate, back.state) === null),
    `${name} (${fs.failed.join()}): ${candidates.map((c) => difference(c, back.state)).join(' / ')}`,
  ).toBe(true);
  await rm(dataDir, { recursive: true });
  return run.failed.length > 0 ? 'writes failed and retried' : 'unaffected';
}

describe('a disk that fails', () => {
  it('fails each operation of a start and a write sequence once, in turn: a clear error, nothing acknowledged lost, retry works', async () => {
    await setUp();
    const clean = new FailNthFs();
    expect(await trial('clean', clean, null)).toBe('unaffected');
    const outcomes: Record<Outcome, number> = { 'open refused': 0, 'writes failed and retried': 0, unaffected: 0 };
    for (let at = 1; at <= clean.operations; at++) {
      const plan = { at, code: CODES[at % CODES.length] ?? 'EIO' };
      outcomes[await trial(`once-${at}`, new FailNthFs(plan), plan)]++;
    }
    console.info(`failing disk, once: ${clean.operations} operations failed in turn: ${JSON.stringify(outcomes)}`);
    expect(outcomes['open refused']).toBeGreaterThan(0);
    expect(outcomes['writes failed and retried']).toBeGreaterThan(clean.operations / 2);
  }, 120_000);

  it('fails every operation from the N-th on, as a disk that stays full, until it is freed: then the retry works', async () => {
    await setUp();
    const clean = new FailNthFs();
    await trial('clean', clean, null);
    const outcomes: Record<Outcome, number> = { 'open refused': 0, 'writes failed and retried': 0, unaffected: 0 };
    for (let at = 1; at <= clean.operations; at += 3) {
      const plan = { at, code: 'ENOSPC', persistent: true };
      outcomes[await trial(`from-${at}`, new FailNthFs(plan), plan)]++;
    }
    console.info(`failing disk, from the N-th on: ${JSON.stringify(outcomes)}`);
    expect(outcomes['open refused']).toBeGreaterThan(0);
    expect(outcomes['writes failed and retried']).toBeGreaterThan(clean.operations / 6);
  }, 120_000);
});
