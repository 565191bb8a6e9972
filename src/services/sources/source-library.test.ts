import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sourceId } from '../../core/model/ids';
import type { SourceMeta } from '../../core/model/source';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { sha256, writeTinyLibrary } from '../../../tests/unit/support/tiny-library';
import { NotFoundError, SourceUnavailableError } from '../service-errors';
import { SourceLibrary } from './source-library';

const dir = useTempDir('source-library');

describe('SourceLibrary', () => {
  let metas: SourceMeta[];
  beforeEach(async () => {
    metas = await writeTinyLibrary(dir());
  });

  it('lists the sources in manifest order with the length of their canonical text', async () => {
    const list = await new SourceLibrary(dir()).list();
    expect(list.map((s) => s.id)).toEqual(['us-weighs-cooperation', 'new-jihadi-sphere']);
    expect(list[0]).toMatchObject({ ...metas[0], length: expect.any(Number) });
    expect(list.every((s) => s.length > 1000)).toBe(true);
  });

  it('gives a source its canonical text, blocks and the SHA-256 of that text', async () => {
    const source = await new SourceLibrary(dir()).get(sourceId('new-jihadi-sphere'));
    expect(source.text.length).toBe(source.meta.length);
    expect(source.textHash).toBe(sha256(source.text));
    expect(source.blocks.some((b) => b.kind === 'heading')).toBe(true);
    expect(source.text).toContain('Taliban');
  });

  it('parses each source once, then answers from memory', async () => {
    const library = new SourceLibrary(dir());
    const first = await library.get(sourceId('us-weighs-cooperation'));
    await rm(join(dir(), 'sources', '002_9354d1a30852f093.txt'));
    expect(await library.get(sourceId('us-weighs-cooperation'))).toBe(first);
  });

  it('reports an unknown source id as not found', async () => {
    await expect(new SourceLibrary(dir()).get(sourceId('nope'))).rejects.toThrow(new NotFoundError('The library has no source with id "nope".'));
  });

  it('names a missing source file, and reads it again once restored', async () => {
    const path = join(dir(), 'sources', '004_22ba044b9207139b.txt');
    const bytes = await readFile(path);
    await rm(path);
    const library = new SourceLibrary(dir());
    const error = await library.get(sourceId('new-jihadi-sphere')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as Error).message).toBe(`The file of "Title of new-jihadi-sphere" (${path}) could not be read: no such file or folder (ENOENT). Reinstall Notebook to restore it.`);

    await writeFile(path, bytes);
    await expect(library.get(sourceId('new-jihadi-sphere'))).resolves.toMatchObject({ meta: { id: 'new-jihadi-sphere' } });
  });

  it('refuses a source file that differs from the manifest, saying both hashes', async () => {
    const path = join(dir(), 'sources', '002_9354d1a30852f093.txt');
    const altered = `${await readFile(path, 'utf8')}\nAn added sentence.`;
    await writeFile(path, altered);
    await expect(new SourceLibrary(dir()).get(sourceId('us-weighs-cooperation'))).rejects.toThrow(
      `(${path}) differs from the one the library was built with (its SHA-256 is ${sha256(altered)}, the manifest says ${metas[0]?.sha256}).`,
    );
  });

  it('names a missing manifest', async () => {
    await rm(join(dir(), 'manifest.json'));
    await expect(new SourceLibrary(dir()).list()).rejects.toThrow(
      new SourceUnavailableError(`The library's manifest ${join(dir(), 'manifest.json')} could not be read: no such file or folder (ENOENT). Reinstall Notebook to restore it.`),
    );
  });

  it('says what is wrong with a malformed manifest', async () => {
    await writeFile(join(dir(), 'manifest.json'), JSON.stringify([{ ...metas[0], file: '../../etc/passwd', kind: 'blog' }]));
    await expect(new SourceLibrary(dir()).list()).rejects.toThrow(/^The library's manifest .*manifest\.json has problems: Entry 1 .*"file" must be a bare file name.* "kind" must be one of/);
    await writeFile(join(dir(), 'manifest.json'), '[{"id": ');
    await expect(new SourceLibrary(dir()).list()).rejects.toThrow(/manifest .* is not valid JSON/);
  });
});

describe('SourceLibrary over the bundled resources/', () => {
  const resources = resolve(__dirname, '../../../resources');

  it('lists every bundled source, each file matching its manifest hash and parsed to non-empty text', async () => {
    const library = new SourceLibrary(resources);
    const list = await library.list();
    const manifest = JSON.parse(await readFile(join(resources, 'manifest.json'), 'utf8')) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(manifest.map((m) => m.id));
    expect(list).toHaveLength(5);
    for (const summary of list) {
      const source = await library.get(summary.id);
      expect(source.text.length).toBe(summary.length);
      expect(source.textHash).toBe(sha256(source.text));
      expect(source.blocks.length).toBeGreaterThan(0);
    }
  });
});
