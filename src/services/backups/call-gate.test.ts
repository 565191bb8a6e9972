import { describe, expect, it } from 'vitest';
import { CallGate } from './call-gate';

/** A call that records when it starts and ends, and ends when told to. */
function controlled(log: string[], name: string): { run: () => Promise<string>; finish: () => void } {
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    run: async () => {
      log.push(`${name} starts`);
      await done;
      log.push(`${name} ends`);
      return name;
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CallGate', () => {
  it('runs shared calls side by side', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [a, b] = [controlled(log, 'a'), controlled(log, 'b')];
    const results = [gate.shared(a.run), gate.shared(b.run)];
    await tick();
    expect(log).toEqual(['a starts', 'b starts']);
    b.finish();
    a.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
  });

  it('starts an exclusive call once the running calls end, and holds back later ones until it ends', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [before, restore, after] = [controlled(log, 'before'), controlled(log, 'restore'), controlled(log, 'after')];
    const results = [gate.shared(before.run), gate.exclusive(restore.run), gate.shared(after.run)];
    await tick();
    expect(log).toEqual(['before starts']);
    before.finish();
    await tick();
    expect(log).toEqual(['before starts', 'before ends', 'restore starts']);
    after.finish();
    await tick();
    expect(log).toHaveLength(3);
    restore.finish();
    expect(await Promise.all(results)).toEqual(['before', 'restore', 'after']);
    expect(log).toEqual(['before starts', 'before ends', 'restore starts', 'restore ends', 'after starts', 'after ends']);
  });

  it('runs exclusive calls one at a time, and stays usable after one fails', async () => {
    const gate = new CallGate();
    const log: string[] = [];
    const [first, second] = [controlled(log, 'first'), controlled(log, 'second')];
    const failing = gate.exclusive(async () => {
      throw new Error('refused');
    });
    const results = [gate.exclusive(first.run), gate.exclusive(second.run)];
    await expect(failing).rejects.toThrow('refused');
    await tick();
    expect(log).toEqual(['first starts']);
    first.finish();
    second.finish();
    expect(await Promise.all(results)).toEqual(['first', 'second']);
    expect(await gate.shared(async () => 'still open')).toBe('still open');
  });
});
