import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { makeDurableDirectory } from './durable-directory';

const dir = useTempDir('durable-directory');

describe('makeDurableDirectory', () => {
  it('creates missing folders and syncs the parent of each one it created', async () => {
    const fs = new FaultyStoreFs();
    await makeDurableDirectory(fs, join(dir(), 'highlights', 'new-jihadi-sphere'));
    expect((await stat(join(dir(), 'highlights', 'new-jihadi-sphere'))).isDirectory()).toBe(true);
    expect(fs.calls.filter((c) => c.step === 'sync-directory').map((c) => c.path)).toEqual([join(dir(), 'highlights'), dir()]);
  });

  it('syncs nothing when the folder exists', async () => {
    await mkdir(join(dir(), 'highlights'));
    const fs = new FaultyStoreFs();
    await makeDurableDirectory(fs, join(dir(), 'highlights'));
    expect(fs.calls).toEqual([]);
  });

  it('fails when the parent cannot be synced, so a caller never relies on a folder that may vanish', async () => {
    const fs = new FaultyStoreFs().fail('sync-directory', 'EIO');
    await expect(makeDurableDirectory(fs, join(dir(), 'sources', 'x'))).rejects.toMatchObject({ code: 'EIO' });
  });
});
