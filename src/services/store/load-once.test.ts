import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once';

describe('loadOnce', () => {
  it('shares one load among callers and keeps it', async () => {
    let runs = 0;
    const load = loadOnce(async () => {
      runs += 1;
    });
    await Promise.all([load(), load()]);
    await load();
    expect(runs).toBe(1);
  });

  it('tries again after a failed load', async () => {
    let runs = 0;
    const load = loadOnce(async () => {
      runs += 1;
      if (runs === 1) throw new Error('EIO');
    });
    await expect(load()).rejects.toThrow('EIO');
    await load();
    await load();
    expect(runs).toBe(2);
  });
});
