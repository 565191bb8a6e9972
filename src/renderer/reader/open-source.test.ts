import { describe, expect, it } from 'vitest';
import { charOffset, sourceId } from '../../core/model/ids';
import type { ApiInput, ApiMethod, ApiResults, LoadedSource, NotebookApi } from '../../shared/api-contract';
import { fail, ok, type ApiResult } from '../../shared/api-result';
import { openSource } from './open-source';

const id = sourceId('004_22ba044b9207139b');

const loaded: LoadedSource = {
  meta: {
    id,
    file: '004_22ba044b9207139b.txt',
    title: "The New Jihadi Sphere Under Taliban's Rule",
    author: 'Weeda Mehran',
    publisher: 'Andiana Foundation',
    date: 'January 2025',
    isoDate: '2025-01',
    kind: 'report',
    format: 'markdown',
    link: null,
    sha256: 'ab' as LoadedSource['meta']['sha256'],
    note: null,
    length: 42,
  },
  text: 'Executive Summary\n\nOn October 7, 2023, ...',
  textHash: 'ab',
  blocks: [],
};

/** A notebook that answers the two calls openSource makes with fixed results, and records the calls. */
function notebookAnswering(source: ApiResult<LoadedSource>, reading: ApiResult<ApiResults['reading.get']>) {
  const calls: { method: ApiMethod; input: unknown }[] = [];
  const api: NotebookApi = {
    call<M extends ApiMethod>(method: M, input: ApiInput<M>) {
      calls.push({ method, input });
      const answer = method === 'sources.get' ? source : method === 'reading.get' ? reading : fail('unknown-method', method);
      return Promise.resolve(answer as ApiResult<ApiResults[M]>);
    },
  };
  return { api, calls };
}

describe('openSource', () => {
  it('asks for the source and its position by id, and returns both', async () => {
    const { api, calls } = notebookAnswering(ok(loaded), ok({ sourceId: id, offset: charOffset(19), updated: '2025-01-01T00:00:00Z' }));
    const result = await openSource(api, id);
    expect(calls).toEqual([
      { method: 'sources.get', input: { sourceId: id } },
      { method: 'reading.get', input: { sourceId: id } },
    ]);
    expect(result).toEqual(ok({ source: loaded, position: 19, positionProblem: null }));
  });

  it('opens at the top a source never read before', async () => {
    const { api } = notebookAnswering(ok(loaded), ok(null));
    expect(await openSource(api, id)).toEqual(ok({ source: loaded, position: null, positionProblem: null }));
  });

  it('passes on the failure when the source cannot be loaded', async () => {
    const failure = fail('not-found', 'No source 004 in the library.');
    const { api } = notebookAnswering(failure, ok(null));
    expect(await openSource(api, id)).toEqual(failure);
  });

  it('still opens the source when its position cannot be read, and says why', async () => {
    const { api } = notebookAnswering(ok(loaded), fail('storage-failed', 'The notebook file could not be read.'));
    expect(await openSource(api, id)).toEqual(ok({ source: loaded, position: null, positionProblem: 'The notebook file could not be read.' }));
  });

  it('ignores a position beyond the end of the text', async () => {
    const { api } = notebookAnswering(ok(loaded), ok({ sourceId: id, offset: charOffset(loaded.text.length + 1), updated: '2025-01-01T00:00:00Z' }));
    expect(await openSource(api, id)).toEqual(ok({ source: loaded, position: null, positionProblem: null }));
  });
});
