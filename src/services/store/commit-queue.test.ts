import { describe, expect, it } from 'vitest';
import { CommitQueue } from './commit-queue';

/** A persist function whose writes finish only when the test says so. */
function heldWrites() {
  const writes: { state: readonly string[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const persist = (state: readonly string[]) =>
    new Promise<void>((resolve, reject) => {
      writes.push({ state, finish: resolve, fail: reject });
    });
  return { writes, persist };
}

const append = (item: string) => (list: readonly string[]) => [...list, item];
/** Lets every promise callback that is ready run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CommitQueue', () => {
  it('answers a change only once the write holding it has finished', async () => {
    const { writes, persist } = heldWrites();
    const queue = new CommitQueue<readonly string[]>([], persist);
    let answered = false;
    const update = queue.update(append('a')).then(() => (answered = true));

    await settle();
    expect(writes.map((w) => w.state)).toEqual([['a']]);
    expect(answered).toBe(false);
    expect(queue.committed).toEqual([]);

    writes[0]?.finish();
    await update;
    expect(queue.committed).toEqual(['a']);
  });

  it('writes the changes that arrive during a write together, and answers each after its own write', async () => {
    const { writes, persist } = heldWrites();
    const queue = new CommitQueue<readonly string[]>([], persist);
    const answered: string[] = [];
    const updates = ['a', 'b', 'c', 'd'].map((item) => queue.update(append(item)).then(() => answered.push(item)));

    await settle();
    expect(writes.map((w) => w.state)).toEqual([['a']]);
    writes[0]?.finish();
    await settle();
    expect(answered).toEqual(['a']);
    expect(writes.map((w) => w.state)).toEqual([['a'], ['a', 'b', 'c', 'd']]);

    writes[1]?.finish();
    await Promise.all(updates);
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
    expect(writes).toHaveLength(2);
  });

  it('rejects the changes of a failed write, keeps the last durable state, and builds the next write without them', async () => {
    const { writes, persist } = heldWrites();
    const queue = new CommitQueue<readonly string[]>(['saved'], persist);
    const first = queue.update(append('unsaved'));
    const during = queue.update(append('queued'));
    await settle();
    const diskFull = new Error('disk full');
    writes[0]?.fail(diskFull);
    await expect(first).rejects.toBe(diskFull);
    expect(queue.committed).toEqual(['saved']);

    // The change queued during the failed write was built on top of nothing unsaved.
    await settle();
    expect(writes[1]?.state).toEqual(['saved', 'queued']);
    writes[1]?.finish();
    await expect(during).resolves.toEqual(['saved', 'queued']);

    const retry = queue.update(append('retry'));
    await settle();
    writes[2]?.finish();
    await expect(retry).resolves.toEqual(['saved', 'queued', 'retry']);
  });

  it('refuses only the change that throws; the rest of its batch is written', async () => {
    const { writes, persist } = heldWrites();
    const queue = new CommitQueue<readonly string[]>([], persist);
    const blocker = queue.update(append('a'));
    const refused = queue.update(() => {
      throw new Error('no such source');
    });
    const kept = queue.update(append('b'));
    await settle();
    writes[0]?.finish();
    await blocker;
    await expect(refused).rejects.toThrow('no such source');
    await settle();
    expect(writes[1]?.state).toEqual(['a', 'b']);
    writes[1]?.finish();
    await expect(kept).resolves.toEqual(['a', 'b']);
  });

  it('settles once every queued change is answered, and at once when idle', async () => {
    const { writes, persist } = heldWrites();
    const queue = new CommitQueue<readonly string[]>([], persist);
    await queue.settled();
    void queue.update(append('a'));
    void queue.update(append('b'));
    let settled = false;
    const waiting = queue.settled().then(() => (settled = true));
    await settle();
    writes[0]?.finish();
    await settle();
    expect(settled).toBe(false);
    writes[1]?.finish();
    await waiting;
    expect(queue.committed).toEqual(['a', 'b']);
  });
});
