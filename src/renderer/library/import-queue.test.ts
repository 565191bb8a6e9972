import { describe, expect, it } from 'vitest';
import { sourceId } from '../../core/model/ids';
import type { NotebookApi, SourceSummary } from '../../shared/api-contract';
import { fail, ok, type ApiResult } from '../../shared/api-result';
import { ImportQueue, type QueuedFile } from './import-queue';

const summary = (title: string) => ({ id: sourceId(title.toLowerCase()), title }) as SourceSummary;
const file = (name: string, unreadable = false): QueuedFile => ({
  name,
  size: 3,
  read: async () => {
    if (unreadable) throw new Error('permission denied');
    return new Uint8Array([1, 2, 3]);
  },
});

/** An API whose sources.import answers by file name, each answer released when the test says. */
function fakeApi() {
  const calls: string[] = [];
  const waiting = new Map<string, (result: ApiResult<unknown>) => void>();
  const api: NotebookApi = {
    call: (async (method: string, input: { importId?: string; fileName?: string }) => {
      calls.push(`${method} ${input.fileName ?? input.importId}`);
      if (method === 'imports.cancel') {
        waiting.get(input.importId!)?.(fail('cancelled', 'The import was cancelled.'));
        return ok({ cancelled: true });
      }
      return new Promise<ApiResult<unknown>>((resolve) => waiting.set(input.importId!, resolve));
    }) as NotebookApi['call'],
  };
  const answer = async (index: number, result: ApiResult<unknown>) => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const key = [...waiting.keys()][index]!;
    waiting.get(key)!(result);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { api, calls, answer };
}

describe('ImportQueue', () => {
  it('imports one file at a time, saying how each went, and a bad file does not stop the rest', async () => {
    const { api, calls, answer } = fakeApi();
    const added: string[] = [];
    const queue = new ImportQueue(api, (source) => added.push(source.title), 'run');
    queue.add([file('a.pdf'), file('b.docx'), file('c.txt'), file('d.md', true)]);
    expect(queue.rows.map((r) => r.status)).toEqual(['running', 'waiting', 'waiting', 'waiting']);
    await answer(0, ok({ status: 'imported', source: summary('A'), warnings: [] }));
    await answer(1, fail('import-failed', 'The file is not a Word document.'));
    await answer(2, ok({ status: 'duplicate', existing: summary('Notes') }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.rows.map((r) => r.message)).toEqual([
      'Imported',
      'Failed: The file is not a Word document.',
      'Already in your library (as “Notes”)',
      'Failed: the file could not be read from your disk (permission denied).',
    ]);
    expect(added).toEqual(['A']);
    expect(calls.filter((c) => c.startsWith('sources.import'))).toEqual(['sources.import a.pdf', 'sources.import b.docx', 'sources.import c.txt']);
    expect(queue.busy).toBe(false);
  });

  it('says what a REFI-QDA project or codebook brought, with what it could not carry over, and has everything read again', async () => {
    const { api, answer } = fakeApi();
    const added: string[] = [];
    let projects = 0;
    const queue = new ImportQueue(api, (source) => added.push(source.title), 'run', () => (projects += 1));
    queue.add([file('study.qdpx'), file('codes.qdc')]);
    const problems = ['1 coding could not be placed: “x” in “A”: its positions (9–12) lie outside the text of 5 characters.'];
    await answer(0, ok({ status: 'project', sources: [summary('A'), summary('B'), summary('C')], tags: 12, highlights: 40, memos: 2, problems }));
    await answer(1, ok({ status: 'project', sources: [], tags: 1, highlights: 0, memos: 0, problems: [] }));
    expect(queue.rows.map((r) => [r.status, r.message, r.warnings])).toEqual([
      ['imported', 'Imported a project: 3 sources, 12 codes, 40 codings, 2 memos', problems],
      ['imported', 'Imported a codebook: 1 code', []],
    ]);
    expect(added).toEqual(['A', 'B', 'C']);
    expect(projects).toBe(2);
  });

  it('cancels the running file and the waiting ones', async () => {
    const { api, calls } = fakeApi();
    const queue = new ImportQueue(api, () => undefined, 'run');
    queue.add([file('a.pdf'), file('b.pdf')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    queue.cancel();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.rows.map((r) => r.message)).toEqual(['Cancelled', 'Cancelled']);
    expect(calls).toEqual(['sources.import a.pdf', 'imports.cancel run-1']);
  });
});
