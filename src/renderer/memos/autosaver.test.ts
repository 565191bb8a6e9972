import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver } from './autosaver';

/** A save whose answers the test gives, one by one. */
function controlledSave() {
  const calls: { value: string; answer: (reason: string | null) => void }[] = [];
  const save = (value: string) => new Promise<string | null>((answer) => calls.push({ value, answer }));
  return { calls, save };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Autosaver', () => {
  it('saves the latest value once typing pauses, and says so', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver(save, 500);
    saver.change('a');
    saver.change('ab');
    expect(saver.status()).toEqual({ kind: 'saving' });
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(0);
    saver.change('abc');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.value)).toEqual(['abc']);
    calls[0]?.answer(null);
    await vi.runAllTimersAsync();
    expect(saver.status()).toEqual({ kind: 'saved' });
    expect(saver.dirty).toBe(false);
  });

  it('never runs two saves at once: changes made meanwhile go in the next save', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver(save, 500);
    saver.change('one');
    await vi.advanceTimersByTimeAsync(500);
    saver.change('two');
    saver.change('three');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.map((c) => c.value)).toEqual(['one']);
    calls[0]?.answer(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status()).toEqual({ kind: 'saving' });
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.value)).toEqual(['one', 'three']);
    calls[1]?.answer(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status()).toEqual({ kind: 'saved' });
  });

  it('flushes at once, waiting for a save on its way', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver(save, 500);
    saver.change('x');
    const flushed = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['x']);
    calls[0]?.answer(null);
    await flushed;
    expect(saver.status()).toEqual({ kind: 'saved' });
    await saver.flush();
    expect(calls).toHaveLength(1);
  });

  it('keeps a failed change for Retry, with the reason, and a later edit retries too', async () => {
    const { calls, save } = controlledSave();
    const saver = new Autosaver(save, 500);
    const statuses: string[] = [];
    saver.subscribe(() => statuses.push(saver.status().kind));
    saver.change('kept');
    await vi.advanceTimersByTimeAsync(500);
    calls[0]?.answer('no space left on device');
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status()).toEqual({ kind: 'failed', reason: 'no space left on device' });
    expect(saver.dirty).toBe(true);
    const retried = saver.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.value)).toEqual(['kept', 'kept']);
    calls[1]?.answer('still failing');
    await retried;
    saver.change('kept, edited');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.value)).toEqual(['kept', 'kept', 'kept, edited']);
    calls[2]?.answer(null);
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status()).toEqual({ kind: 'saved' });
    expect(statuses).toContain('failed');
  });

  it('treats a save that throws as a failure with its message', async () => {
    const saver = new Autosaver<string>(() => Promise.reject(new Error('connection refused')), 10);
    saver.change('x');
    await saver.flush();
    expect(saver.status()).toEqual({ kind: 'failed', reason: 'connection refused' });
  });
});
