import { describe, expect, it } from 'vitest';
import { charOffset, sourceId } from '../core/model/ids';
import { apiMethods, type ApiMethod } from '../shared/api-contract';
import { createDispatch, type ApiHandlers } from './dispatch';
import { ConflictError, InvalidInputError, NotFoundError, SourceUnavailableError } from './service-errors';
import { StorageError } from './store/storage-error';

/** Handlers that record what they were called with and answer, or throw, what the test sets. */
function recordingHandlers(behaviour: (method: ApiMethod) => unknown = () => undefined) {
  const calls: [ApiMethod, unknown][] = [];
  const handle = (method: ApiMethod) => async (input: unknown) => {
    calls.push([method, input]);
    const outcome = behaviour(method);
    if (outcome instanceof Error || typeof outcome === 'string') throw outcome;
    return outcome;
  };
  const handlers = Object.fromEntries(apiMethods.map((method) => [method, handle(method)])) as unknown as ApiHandlers;
  return { handlers, calls };
}

describe('dispatch', () => {
  it('runs the handler with the validated input and wraps its answer', async () => {
    const position = { sourceId: sourceId('s1'), offset: charOffset(12), updated: '2026-11-22T17:40:00.000Z' };
    const { handlers, calls } = recordingHandlers(() => position);
    const dispatch = createDispatch(handlers);
    expect(await dispatch('reading.set', { sourceId: 's1', offset: 12 })).toEqual({ ok: true, value: position });
    expect(calls).toEqual([['reading.set', { sourceId: 's1', offset: 12 }]]);
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['toString'], ['hasOwnProperty'], [42], [null]])('refuses %j as an unknown method', async (method) => {
    const { handlers, calls } = recordingHandlers();
    const result = await createDispatch(handlers)(method as string, {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown-method', message: `${JSON.stringify(method)} is not a Notebook API method.` } });
    expect(calls).toEqual([]);
  });

  it('refuses invalid input with readable issues, before any handler runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatch(handlers);
    expect(await dispatch('reading.set', { sourceId: 7, offset: -1 })).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The input of reading.set is not valid: sourceId: expected string, received number; offset: Too small: expected number to be >=0.',
        issues: ['sourceId: expected string, received number', 'offset: Too small: expected number to be >=0'],
      },
    });
    expect(await dispatch('sources.list', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: ['(input): Unrecognized key: "extra"'] } });
    expect(await dispatch('sources.get', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: ['(input): expected object, received undefined'] } });
    expect(calls).toEqual([]);
  });

  it('refuses text holding half a character (a lone surrogate) anywhere in the input, before any handler runs', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatch(handlers);
    const result = await dispatch('sources.replace', { sourceId: 's1', text: 'The Taliban\uD83D claimed' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          'The input of sources.replace is not valid: text: holds half of a character (an unpaired UTF-16 surrogate at position 11), which cannot be saved as written; copy the text again from where it came from.',
        issues: ['text: holds half of a character (an unpaired UTF-16 surrogate at position 11), which cannot be saved as written; copy the text again from where it came from'],
      },
    });
    expect(await dispatch('highlights.update', { highlightId: 'h', comment: 'ok 😀 but \uDE00' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
    expect(await dispatch('highlights.update', { highlightId: 'h', comment: 'ok 😀' })).toMatchObject({ ok: true });
  });

  const known: readonly [string, Error, string][] = [
    ['not-found', new NotFoundError('The library has no source with id "x".'), 'The library has no source with id "x".'],
    ['storage-failed', new StorageError('Could not save reading positions to /d/notebook.json: no space left on device (ENOSPC).', '/d/notebook.json', 'ENOSPC'), 'Could not save reading positions to /d/notebook.json: no space left on device (ENOSPC).'],
    ['conflict', new ConflictError('The family “Groups” already has a tag named “TTP”.'), 'The family “Groups” already has a tag named “TTP”.'],
    ['source-unavailable', new SourceUnavailableError('The manifest /r/manifest.json could not be read.'), 'The manifest /r/manifest.json could not be read.'],
    ['internal', new TypeError("Cannot read properties of undefined (reading 'text')"), "sources.list failed unexpectedly: Cannot read properties of undefined (reading 'text')"],
  ];
  it.each(known)('maps a thrown error to %s', async (code, error, message) => {
    const { handlers } = recordingHandlers(() => error);
    expect(await createDispatch(handlers)('sources.list', {})).toEqual({ ok: false, error: { code, message } });
  });

  it('keeps the issues of an InvalidInputError from a handler', async () => {
    const { handlers } = recordingHandlers(() => new InvalidInputError('offset too far', ['offset: must be at most 10']));
    expect(await createDispatch(handlers)('sources.list', {})).toEqual({ ok: false, error: { code: 'invalid-input', message: 'offset too far', issues: ['offset: must be at most 10'] } });
  });

  it('turns a thrown non-Error into an internal failure instead of throwing', async () => {
    const { handlers } = recordingHandlers(() => 'a bare string');
    expect(await createDispatch(handlers)('notebook.status', {})).toEqual({ ok: false, error: { code: 'internal', message: 'notebook.status failed unexpectedly: a bare string' } });
  });

  it('needs a handler for every method of the contract', () => {
    // @ts-expect-error -- a handler map missing methods of the contract must not type-check.
    const partial: ApiHandlers = { 'sources.list': async () => [] };
    expect(Object.keys(partial)).toEqual(['sources.list']);
  });
});
