import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaultyStoreFs, type StoreFsStep } from '../../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { DurableFile, removeStrayTempFiles } from './durable-file';
import { StorageError } from './storage-error';
import { nodeStoreFs } from './store-fs';

const dir = useTempDir('durable-file');

describe('DurableFile', () => {
  it('replaces the file through a synced temp file, a rename and a synced directory', async () => {
    const fs = new FaultyStoreFs();
    const path = join(dir(), 'notebook.json');
    await new DurableFile(path, 'reading positions', fs).write('{"v":1}');

    expect(await readFile(path, 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir())).toEqual(['notebook.json']);
    const steps = fs.calls.map((c) => c.step);
    expect(steps).toEqual(['open-file', 'write-file', 'sync-file', 'close-file', 'rename', 'open-directory', 'sync-directory']);
    const temp = fs.calls[0]?.path ?? '';
    expect(temp).toMatch(/notebook\.json\.[0-9a-f]{12}\.tmp$/);
    expect(fs.calls[4]?.path).toBe(`${temp} -> ${path}`);
    expect(fs.calls[5]?.path).toBe(dir());
  });

  it('reads back what it wrote, and null when there is no file', async () => {
    const file = new DurableFile(join(dir(), 'a.json'), 'highlights', nodeStoreFs);
    expect(await file.read()).toBeNull();
    await file.write('[1,2,3]');
    expect(Buffer.from((await file.read()) ?? []).toString('utf8')).toBe('[1,2,3]');
  });

  const failures: readonly [StoreFsStep, string, string][] = [
    ['open-file', 'ENOSPC', 'no space left on device (ENOSPC)'],
    ['write-file', 'ENOSPC', 'no space left on device (ENOSPC)'],
    ['sync-file', 'EIO', 'input/output error on the disk (EIO)'],
    ['close-file', 'EIO', 'input/output error on the disk (EIO)'],
    ['rename', 'EACCES', 'permission denied (EACCES)'],
  ];
  it.each(failures)('when %s fails with %s, rejects with a StorageError and keeps the previous file', async (step, code, words) => {
    const path = join(dir(), 'highlights.json');
    await writeFile(path, '{"previous":true}');
    const fs = new FaultyStoreFs().fail(step, code);
    const file = new DurableFile(path, 'highlights', fs);

    const error = await file.write('{"next":true}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe(code);
    expect((error as Error).message).toBe(`Could not save highlights to ${path}: ${words}. Nothing was lost: your last saved change is intact.`);
    expect(await readFile(path, 'utf8')).toBe('{"previous":true}');
    expect(await readdir(dir())).toEqual(['highlights.json']);

    fs.heal();
    await file.write('{"retried":true}');
    expect(await readFile(path, 'utf8')).toBe('{"retried":true}');
  });

  it('reports a failed directory sync, with the file holding one complete version', async () => {
    const path = join(dir(), 'notebook.json');
    await writeFile(path, '"old"');
    const fs = new FaultyStoreFs().fail('sync-directory', 'EIO');
    await expect(new DurableFile(path, 'reading positions', fs).write('"new"')).rejects.toThrow(/Could not save reading positions to .*\(EIO\)/);
    expect(['"old"', '"new"']).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir())).toEqual(['notebook.json']);
  });

  it('wraps a failed read in a StorageError that says the file was left alone', async () => {
    const path = join(dir(), 'notebook.json');
    await writeFile(path, '{}');
    const fs = new FaultyStoreFs().fail('read-file', 'EACCES');
    await expect(new DurableFile(path, 'reading positions', fs).read()).rejects.toThrow(
      `Could not read reading positions from ${path}: permission denied (EACCES). The file was left as it is.`,
    );
  });
});

describe('removeStrayTempFiles', () => {
  it('removes torn and zero-filled temp files of earlier runs and nothing else', async () => {
    await writeFile(join(dir(), 'notebook.json'), '{"kept":true}');
    await writeFile(join(dir(), 'notebook.json.0123456789ab.tmp'), '{"schemaVer');
    await writeFile(join(dir(), 'notebook.json.ba9876543210.tmp'), Buffer.alloc(4096));
    await writeFile(join(dir(), 'notes.tmp'), 'a file of the person, not ours');

    await removeStrayTempFiles(nodeStoreFs, dir());

    expect((await readdir(dir())).sort()).toEqual(['notebook.json', 'notes.tmp']);
    expect(await readFile(join(dir(), 'notebook.json'), 'utf8')).toBe('{"kept":true}');
  });

  it('accepts a folder that does not exist yet', async () => {
    await expect(removeStrayTempFiles(nodeStoreFs, join(dir(), 'highlights'))).resolves.toBeUndefined();
  });
});
