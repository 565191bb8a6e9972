import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { StoreNotice } from '../../shared/api-contract';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { JsonDocument, type StoreFileKind } from './json-document';
import { StorageError } from './storage-error';
import { nodeStoreFs, type StoreFs } from './store-fs';

interface Tally {
  readonly schemaVersion: 2;
  readonly items: readonly string[];
}

/** A test-only kind at version 2, whose version 1 stored `items` under `list`. */
const tallyKind: StoreFileKind<Tally> = {
  version: 2,
  migrations: { 1: ({ list, ...rest }) => ({ ...rest, items: list }) },
  schema: z.object({ schemaVersion: z.literal(2), items: z.array(z.string()) }).strict(),
  label: 'tallies',
  emptyMeaning: 'no tallies',
  empty: () => ({ schemaVersion: 2, items: [] }),
};

const dir = useTempDir('json-document');
const STAMP = '2026-11-22T17-40-05.123Z';
const fixedNow = () => new Date('2026-11-22T17:40:05.123Z');

async function openTally(fs: StoreFs = nodeStoreFs) {
  const notices: StoreNotice[] = [];
  const document = await JsonDocument.open({
    fs,
    dataDir: dir(),
    path: join(dir(), 'tally.json'),
    kind: tallyKind,
    now: fixedNow,
    onNotice: (n) => notices.push(n),
  });
  return { document, notices };
}

describe('JsonDocument', () => {
  it('starts empty without a file, and creates none until a change', async () => {
    const { document, notices } = await openTally();
    expect(document.data).toEqual({ schemaVersion: 2, items: [] });
    expect(document.startedEmpty).toBe(true);
    expect(notices).toEqual([]);
    expect(await readdir(dir())).toEqual([]);
  });

  it('answers an update once it is on disk, and a reopen reads it back', async () => {
    const { document } = await openTally();
    const after = await document.update((t) => ({ ...t, items: [...t.items, 'a'] }));
    expect(after.items).toEqual(['a']);
    expect(JSON.parse(await readFile(join(dir(), 'tally.json'), 'utf8'))).toEqual({ schemaVersion: 2, items: ['a'] });
    expect(document.data.items).toEqual(['a']);
    const reopened = (await openTally()).document;
    expect(reopened.data.items).toEqual(['a']);
    expect(reopened.startedEmpty).toBe(false);
  });

  it('writes nothing for a change that returns the state it was given', async () => {
    const fs = new FaultyStoreFs();
    const { document } = await openTally(fs);
    await document.update((t) => ({ ...t, items: ['a'] }));
    const calls = fs.calls.length;
    await expect(document.update((t) => t)).resolves.toEqual({ schemaVersion: 2, items: ['a'] });
    expect(fs.calls).toHaveLength(calls);
  });

  it('migrates an older file on load', async () => {
    await writeFile(join(dir(), 'tally.json'), '{"schemaVersion":1,"list":["x","y"]}');
    const { document, notices } = await openTally();
    expect(document.data).toEqual({ schemaVersion: 2, items: ['x', 'y'] });
    expect(notices).toEqual([]);
  });

  const damaged: readonly [string, Buffer][] = [
    ['invalid JSON', Buffer.from('{"schemaVersion":2,"items":["a",]}')],
    ['truncated JSON', Buffer.from('{"schemaVersion":2,"items":["a","b')],
    ['a wrong shape', Buffer.from('{"schemaVersion":2,"items":[1,2]}')],
    ['binary bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff])],
    ['zero bytes', Buffer.alloc(300)],
  ];
  it.each(damaged)('moves a file of %s aside, bytes kept, and records a notice', async (_what, bytes) => {
    await writeFile(join(dir(), 'tally.json'), bytes);
    const { document, notices } = await openTally();

    const kept = join(dir(), 'quarantine', `tally.json.${STAMP}.damaged`);
    expect(await readFile(kept)).toEqual(bytes);
    expect(await readdir(dir())).toEqual(['quarantine']);
    expect(document.data.items).toEqual([]);
    expect(document.startedEmpty).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.kind).toBe('quarantined');
    expect(notices[0]?.path).toBe(kept);
    expect(notices[0]?.message).toMatch(/^tally\.json could not be read \(.+\)\. Its bytes were kept at .+\. Notebook started with no tallies\.$/);
    expect(notices[0]?.message).toContain(kept);
  });

  it('gives the reason and the byte offset in the notice', async () => {
    await writeFile(join(dir(), 'tally.json'), '{"schemaVersion":2,"items":["a"');
    const { notices } = await openTally();
    expect(notices[0]?.message).toBe(
      `tally.json could not be read (Expected ',' or ']' after array element at byte 31). Its bytes were kept at ${join(dir(), 'quarantine', `tally.json.${STAMP}.damaged`)}. Notebook started with no tallies.`,
    );
  });

  it('moves a file from a newer Notebook aside unchanged, saying so', async () => {
    const bytes = '{"schemaVersion":7,"items":"a future shape"}';
    await writeFile(join(dir(), 'tally.json'), bytes);
    const { notices } = await openTally();
    const kept = join(dir(), 'quarantine', `tally.json.${STAMP}.newer`);
    expect(await readFile(kept, 'utf8')).toBe(bytes);
    expect(notices[0]?.message).toBe(
      `tally.json was written by a newer Notebook (schemaVersion 7; this one reads up to 2). It was moved, unchanged, to ${kept}. Notebook started with no tallies; open this data folder with the newer Notebook to see it.`,
    );
  });

  it('never overwrites a file already kept in quarantine', async () => {
    await writeFile(join(dir(), 'tally.json'), 'first damage');
    await openTally();
    await writeFile(join(dir(), 'tally.json'), 'second damage');
    const { notices } = await openTally();

    const quarantine = join(dir(), 'quarantine');
    expect((await readdir(quarantine)).sort()).toEqual([`tally.json.${STAMP}-1.damaged`, `tally.json.${STAMP}.damaged`]);
    expect(await readFile(join(quarantine, `tally.json.${STAMP}.damaged`), 'utf8')).toBe('first damage');
    expect(await readFile(join(quarantine, `tally.json.${STAMP}-1.damaged`), 'utf8')).toBe('second damage');
    expect(notices[0]?.path).toBe(join(quarantine, `tally.json.${STAMP}-1.damaged`));
  });

  it('refuses to open, touching nothing, when a damaged file cannot be moved aside', async () => {
    await writeFile(join(dir(), 'tally.json'), 'damaged');
    const fs = new FaultyStoreFs().fail('rename', 'EACCES');
    const error = await openTally(fs).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as Error).message).toBe(
      'tally.json could not be read (Unexpected token \'d\', "damaged" is not valid JSON), and moving it to the quarantine folder failed: permission denied (EACCES). Notebook did not open this data folder, so that nothing in it is overwritten.',
    );
    expect(await readFile(join(dir(), 'tally.json'), 'utf8')).toBe('damaged');
  });

  it('keeps the last durable state when a write fails, and a later write succeeds', async () => {
    const fs = new FaultyStoreFs();
    const { document } = await openTally(fs);
    await document.update((t) => ({ ...t, items: ['saved'] }));

    fs.fail('write-file', 'ENOSPC');
    await expect(document.update((t) => ({ ...t, items: [...t.items, 'unsaved'] }))).rejects.toThrow(/no space left on device \(ENOSPC\)/);
    expect(document.data.items).toEqual(['saved']);
    expect(JSON.parse(await readFile(join(dir(), 'tally.json'), 'utf8')).items).toEqual(['saved']);

    fs.heal();
    await document.update((t) => ({ ...t, items: [...t.items, 'retried'] }));
    expect(JSON.parse(await readFile(join(dir(), 'tally.json'), 'utf8')).items).toEqual(['saved', 'retried']);
  });
});
