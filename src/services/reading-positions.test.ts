import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { charOffset, sourceId } from '../core/model/ids';
import { FaultyStoreFs } from '../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../tests/unit/support/temp-dir';
import { notebookFileKind } from './notebook-file';
import { ReadingPositions } from './reading-positions';
import { JsonDocument } from './store/json-document';

const dir = useTempDir('reading-positions');
const at = (iso: string) => () => new Date(iso);

async function open(fs = new FaultyStoreFs(), now = at('2026-11-22T17:40:00.000Z')) {
  const notebook = await JsonDocument.open({ fs, dataDir: dir(), path: join(dir(), 'notebook.json'), kind: notebookFileKind, now, onNotice: () => undefined });
  return new ReadingPositions(notebook, now);
}

describe('ReadingPositions', () => {
  it('has no position for a source never read', async () => {
    const reading = await open();
    expect(await reading.get(sourceId('report'))).toBeNull();
    expect(await reading.get(sourceId('__proto__'))).toBeNull();
    expect(await reading.get(sourceId('constructor'))).toBeNull();
  });

  it('answers a set only after the position is durable in notebook.json', async () => {
    const fs = new FaultyStoreFs();
    const reading = await open(fs);
    const position = await reading.set(sourceId('report'), charOffset(1234));

    expect(position).toEqual({ sourceId: 'report', offset: 1234, updated: '2026-11-22T17:40:00.000Z' });
    expect(fs.calls.map((c) => c.step).slice(-3)).toEqual(['rename', 'open-directory', 'sync-directory']);
    const file = JSON.parse(await readFile(join(dir(), 'notebook.json'), 'utf8'));
    expect(file).toEqual({ schemaVersion: 3, readingPositions: { report: { offset: 1234, updated: '2026-11-22T17:40:00.000Z' } }, sourceVersions: {} });
    expect(await reading.get(sourceId('report'))).toEqual(position);
  });

  it('answers a get asked while a set is being saved with that set', async () => {
    const reading = await open();
    const saving = reading.set(sourceId('report'), charOffset(99));
    const got = reading.get(sourceId('report'));
    expect(await got).toEqual(await saving);
  });

  it('keeps one position per source, the latest', async () => {
    const reading = await open();
    await Promise.all([reading.set(sourceId('a'), charOffset(1)), reading.set(sourceId('b'), charOffset(2)), reading.set(sourceId('a'), charOffset(3))]);
    expect((await reading.get(sourceId('a')))?.offset).toBe(3);
    expect((await reading.get(sourceId('b')))?.offset).toBe(2);
    expect((await (await open()).get(sourceId('a')))?.offset).toBe(3);
  });

  it('keeps the previous position when saving fails', async () => {
    const fs = new FaultyStoreFs();
    const reading = await open(fs);
    await reading.set(sourceId('a'), charOffset(10));
    fs.fail('sync-file', 'EIO');
    await expect(reading.set(sourceId('a'), charOffset(20))).rejects.toThrow(/Could not save reading positions and source versions to .*notebook\.json: input\/output error on the disk \(EIO\)/);
    expect((await reading.get(sourceId('a')))?.offset).toBe(10);
  });
});
