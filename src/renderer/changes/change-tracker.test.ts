import { describe, expect, it } from 'vitest';
import { charOffset, highlightId } from '../../core/model/ids';
import type { ApiInput, ApiMethod, ApiResults, NotebookApi } from '../../shared/api-contract';
import { fail, ok, type ApiResult } from '../../shared/api-result';
import { ChangeTracker } from './change-tracker';

interface Call {
  readonly method: ApiMethod;
  readonly input: unknown;
  answer(result: ApiResult<unknown>): void;
}

/** A notebook whose every call waits until the test answers it, so order and timing are the test's. */
function answeredByHand() {
  const calls: Call[] = [];
  const api: NotebookApi = {
    call<M extends ApiMethod>(method: M, input: ApiInput<M>) {
      return new Promise<ApiResult<ApiResults[M]>>((resolve) => {
        calls.push({ method, input, answer: (result) => resolve(result as ApiResult<ApiResults[M]>) });
      });
    },
  };
  /** The next unanswered call, once it has been made. */
  const next = async (): Promise<Call> => {
    for (let i = 0; i < 50; i++) {
      const call = calls.shift();
      if (call) return call;
      await new Promise((done) => setTimeout(done, 0));
    }
    throw new Error('No call was made.');
  };
  return { api, calls, next };
}

const history = { undoLabel: 'Delete highlight', redoLabel: null };
const summary = { label: 'Delete highlight', highlightsChanged: 0, highlightsDeleted: 1, history };
const deleteInput = { highlightId: highlightId('h1') };

describe('ChangeTracker', () => {
  it('moves the revision on and reads the history when the notebook changed elsewhere (a project imported)', async () => {
    const { api, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    const changed = tracker.changedElsewhere();
    const call = await next();
    expect(call.method).toBe('history.state');
    call.answer(ok({ undoLabel: 'Import “Study”', redoLabel: null }));
    await changed;
    expect(tracker.snapshot()).toMatchObject({ revision: 1, history: { undoLabel: 'Import “Study”', redoLabel: null } });
  });

  it('says “saving” until the notebook acknowledges a change, then “saved”, and moves the revision on', async () => {
    const { api, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    const saved = tracker.save('The highlight could not be deleted.', 'highlights.delete', deleteInput);
    expect(tracker.snapshot().progress).toEqual({ kind: 'saving' });
    const call = await next();
    expect([call.method, call.input]).toEqual(['highlights.delete', deleteInput]);
    call.answer(ok(summary));
    expect(await saved).toEqual(summary);
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'saved' }, revision: 1, history, failure: null });
  });

  it('reads the undo state after a change whose result does not carry it', async () => {
    const { api, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    const saved = tracker.save('The highlight could not be re-placed.', 'highlights.place', { highlightId: highlightId('h1'), start: charOffset(1), end: charOffset(5) });
    (await next()).answer(ok({ status: 'exact' }));
    const historyCall = await next();
    expect(historyCall.method).toBe('history.state');
    expect(tracker.snapshot().progress).toEqual({ kind: 'saving' });
    historyCall.answer(ok({ undoLabel: 'Re-place highlight', redoLabel: null }));
    await saved;
    expect(tracker.snapshot().history).toEqual({ undoLabel: 'Re-place highlight', redoLabel: null });
  });

  it('sends changes one at a time, in the order they were made', async () => {
    const { api, calls, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    const first = tracker.save('first', 'highlights.delete', { highlightId: highlightId('a') });
    const second = tracker.save('second', 'highlights.delete', { highlightId: highlightId('b') });
    const a = await next();
    await new Promise((done) => setTimeout(done, 5));
    expect(calls).toEqual([]);
    a.answer(ok(summary));
    expect(tracker.snapshot().progress).toEqual({ kind: 'saving' });
    const b = await next();
    expect(b.input).toEqual({ highlightId: 'b' });
    b.answer(ok(summary));
    await Promise.all([first, second]);
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'saved' }, revision: 2 });
  });

  it('reports a change the notebook refused, keeps it reported past later changes, and retries it', async () => {
    const { api, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    const saved = tracker.save('The highlight could not be deleted.', 'highlights.delete', deleteInput);
    (await next()).answer(fail('storage-failed', 'The disk is full.'));
    expect(await saved).toBeNull();
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'idle' }, revision: 0, failure: { what: 'The highlight could not be deleted.', message: 'The disk is full.' } });

    const later = tracker.save('other', 'highlights.delete', { highlightId: highlightId('b') });
    (await next()).answer(ok(summary));
    await later;
    expect(tracker.snapshot().failure?.message).toBe('The disk is full.');

    tracker.snapshot().failure?.retry();
    expect(tracker.snapshot().failure).toBeNull();
    const retried = await next();
    expect(retried.input).toEqual(deleteInput);
    retried.answer(ok(summary));
    await new Promise((done) => setTimeout(done, 0));
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'saved' }, revision: 2, failure: null });
  });

  it('turns a call that throws into a reported failure rather than “saving” forever', async () => {
    const api: NotebookApi = { call: () => Promise.reject(new Error('socket closed')) };
    const tracker = new ChangeTracker(api);
    expect(await tracker.save('The tag could not be renamed.', 'tags.update', { tagId: 'group:ttp', name: 'TTP' })).toBeNull();
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'idle' }, failure: { message: 'socket closed' } });
    tracker.dismiss();
    expect(tracker.snapshot().failure).toBeNull();
  });

  it('says what was undone or redone, and refreshes views only when something was', async () => {
    const { api, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    const undone = tracker.undo();
    (await next()).answer(ok({ applied: 'Delete highlight', history: { undoLabel: null, redoLabel: 'Delete highlight' } }));
    await undone;
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'history', text: 'Undone: Delete highlight' }, revision: 1, history: { redoLabel: 'Delete highlight' } });

    const redone = tracker.redo();
    (await next()).answer(ok({ applied: null, history: { undoLabel: null, redoLabel: null } }));
    await redone;
    expect(tracker.snapshot()).toMatchObject({ progress: { kind: 'history', text: 'Nothing to redo' }, revision: 1 });
  });

  it('tells its subscribers of every update, until they unsubscribe', async () => {
    const { api, next } = answeredByHand();
    const tracker = new ChangeTracker(api);
    let heard = 0;
    const unsubscribe = tracker.subscribe(() => (heard += 1));
    const refreshed = tracker.refreshHistory();
    (await next()).answer(ok(history));
    await refreshed;
    expect(heard).toBe(1);
    unsubscribe();
    tracker.dismiss();
    void tracker.undo();
    expect(heard).toBe(1);
  });
});
