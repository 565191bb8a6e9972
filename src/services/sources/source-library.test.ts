import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceId } from '../../core/model/ids';
import type { SourceMeta } from '../../core/model/source';
import { useTempDir } from '../../../tests/unit/support/temp-dir';
import { sha256, writeTinyLibrary } from '../../../tests/unit/support/tiny-library';
import { notebookFileKind } from '../notebook-file';
import { InvalidInputError, NotFoundError, SourceUnavailableError } from '../service-errors';
import { JsonDocument } from '../store/json-document';
import { StorageError } from '../store/storage-error';
import { nodeStoreFs, type StoreFs } from '../store/store-fs';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { ImportedSources } from './imported-sources';
import { DERIVED_FOLDER, SOURCE_CATALOGUE_FILE, SourceCatalogue } from './source-catalogue';
import { SourceLibrary } from './source-library';
import { SourceVersions } from './source-versions';

const dir = useTempDir('source-library');
const now = () => new Date('2026-11-22T18:00:00.000Z');

/** The catalogues the test's libraries write in the background, waited for before its folder goes. */
const catalogues: SourceCatalogue[] = [];
afterEach(async () => {
  await Promise.all(catalogues.splice(0).map((catalogue) => catalogue.settled()));
});

/** A library over `resources`, keeping replaced texts in a data folder under the test's folder. */
async function openLibrary(resources: string = dir(), fs: StoreFs = nodeStoreFs): Promise<SourceLibrary> {
  const dataDir = join(dir(), 'data');
  const notebook = await JsonDocument.open({ fs, dataDir, path: join(dataDir, 'notebook.json'), kind: notebookFileKind, now, onNotice: () => undefined });
  const imported = await ImportedSources.open({ fs, dataDir, now, onNotice: () => undefined });
  const catalogue = await SourceCatalogue.open(fs, dataDir);
  catalogues.push(catalogue);
  return new SourceLibrary(resources, new SourceVersions(fs, dataDir, notebook, now), imported, catalogue);
}

describe('SourceLibrary', () => {
  let metas: SourceMeta[];
  beforeEach(async () => {
    metas = await writeTinyLibrary(dir());
  });

  it('lists the sources in manifest order with the length of their canonical text', async () => {
    const list = await (await openLibrary()).list();
    expect(list.map((s) => s.id)).toEqual(['us-weighs-cooperation', 'new-jihadi-sphere']);
    expect(list[0]).toMatchObject({ ...metas[0], length: expect.any(Number) });
    expect(list.every((s) => s.length > 1000)).toBe(true);
  });

  it('gives a source its canonical text, blocks and the SHA-256 of that text', async () => {
    const source = await (await openLibrary()).get(sourceId('new-jihadi-sphere'));
    expect(source.text.length).toBe(source.meta.length);
    expect(source.textHash).toBe(sha256(source.text));
    expect(source.blocks.some((b) => b.kind === 'heading')).toBe(true);
    expect(source.text).toContain('Taliban');
  });

  it('parses each source once, then answers from memory', async () => {
    const library = await openLibrary();
    const first = await library.get(sourceId('us-weighs-cooperation'));
    await rm(join(dir(), 'sources', '002_9354d1a30852f093.txt'));
    expect((await library.get(sourceId('us-weighs-cooperation'))).blocks).toBe(first.blocks);
  });

  it('lists from the catalogue of lengths once it has seen each text, without reading the sources again', async () => {
    const first = await openLibrary();
    const listed = await first.list();
    await catalogues[0]?.settled();
    await rm(join(dir(), 'sources', '002_9354d1a30852f093.txt'));
    await rm(join(dir(), 'sources', '004_22ba044b9207139b.txt'));
    expect(await (await openLibrary()).list()).toEqual(listed);
  });

  it('rebuilds a damaged catalogue from the sources, and corrects a wrong record when the text is parsed', async () => {
    const listed = await (await openLibrary()).list();
    await catalogues[0]?.settled();
    const path = join(dir(), 'data', DERIVED_FOLDER, SOURCE_CATALOGUE_FILE);
    await writeFile(path, '{"schemaVersion":1,"texts":');
    expect(await (await openLibrary()).list()).toEqual(listed);
    await catalogues[1]?.settled();

    const stored = JSON.parse(await readFile(path, 'utf8')) as { texts: Record<string, { length: number }> };
    for (const facts of Object.values(stored.texts)) facts.length = 3;
    await writeFile(path, JSON.stringify(stored));
    const library = await openLibrary();
    expect((await library.list()).map((s) => s.length)).toEqual([3, 3]);
    const source = await library.get(sourceId('new-jihadi-sphere'));
    expect(source.meta.length).toBe(source.text.length);
    expect((await library.list()).map((s) => s.length)).toEqual([3, source.text.length]);
  });

  it('reports an unknown source id as not found', async () => {
    await expect((await openLibrary()).get(sourceId('nope'))).rejects.toThrow(new NotFoundError('The library has no source with id "nope".'));
  });

  it('names a missing source file, and reads it again once restored', async () => {
    const path = join(dir(), 'sources', '004_22ba044b9207139b.txt');
    const bytes = await readFile(path);
    await rm(path);
    const library = await openLibrary();
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
    await expect((await openLibrary()).get(sourceId('us-weighs-cooperation'))).rejects.toThrow(
      `(${path}) differs from the one the library was built with (its SHA-256 is ${sha256(altered)}, the manifest says ${metas[0]?.sha256}).`,
    );
  });

  it('names a missing manifest', async () => {
    await rm(join(dir(), 'manifest.json'));
    await expect((await openLibrary()).list()).rejects.toThrow(
      new SourceUnavailableError(`The library's manifest ${join(dir(), 'manifest.json')} could not be read: no such file or folder (ENOENT). Reinstall Notebook to restore it.`),
    );
  });

  it('says what is wrong with a malformed manifest', async () => {
    await writeFile(join(dir(), 'manifest.json'), JSON.stringify([{ ...metas[0], file: '../../etc/passwd', kind: 'blog' }]));
    await expect((await openLibrary()).list()).rejects.toThrow(/^The library's manifest .*manifest\.json has problems: Entry 1 .*"file" must be a bare file name.* "kind" must be one of/);
    await writeFile(join(dir(), 'manifest.json'), '[{"id": ');
    await expect((await openLibrary()).list()).rejects.toThrow(/manifest .* is not valid JSON/);
  });
});

describe('SourceLibrary, replacing a source’s text', () => {
  beforeEach(async () => {
    await writeTinyLibrary(dir());
  });
  const news = sourceId('us-weighs-cooperation');
  const newsFile = () => join(dir(), 'sources', '002_9354d1a30852f093.txt');

  it('keeps the new text at data/sources/<id>/<sha256>.txt, serves it parsed, and keeps the bundled file', async () => {
    const library = await openLibrary();
    const bundled = await library.get(news);
    const text = `${await readFile(newsFile(), 'utf8')}\nA correction was appended.`;
    const replaced = await library.replace(news, text);

    const versionHash = sha256(text);
    expect(await readFile(join(dir(), 'data', 'sources', news, `${versionHash}.txt`), 'utf8')).toBe(text);
    expect(await readFile(newsFile(), 'utf8')).not.toBe(text);
    expect(replaced.meta).toEqual({ ...bundled.meta, length: replaced.text.length, replaced: { versionHash, replacedAt: '2026-11-22T18:00:00.000Z' } });
    expect(replaced.text).toContain('A correction was appended.');
    expect(replaced.textHash).toBe(sha256(replaced.text));
    expect(await library.get(news)).toEqual(replaced);
    await expect((await openLibrary()).get(news)).resolves.toEqual(replaced);
  });

  it('refuses a text that holds nothing once parsed, changing nothing', async () => {
    const library = await openLibrary();
    const error = await library.replace(news, '\n\n   \n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe('The new text of "Title of us-weighs-cooperation" holds nothing to read. Nothing was replaced.');
    expect((await library.get(news)).meta.replaced).toBeUndefined();
  });

  it('keeps the current text when saving the new one fails', async () => {
    const fs = new FaultyStoreFs();
    const library = await openLibrary(dir(), fs);
    const before = await library.get(news);
    fs.fail('sync-file', 'EIO');
    await expect(library.replace(news, 'A short replacement text.')).rejects.toThrow(StorageError);
    expect((await library.get(news)).blocks).toBe(before.blocks);
  });

  it('refuses a kept version whose bytes changed, naming the file', async () => {
    const library = await openLibrary();
    const text = 'Only this paragraph remains.';
    await library.replace(news, text);
    const path = join(dir(), 'data', 'sources', news, `${sha256(text)}.txt`);
    await writeFile(path, 'Only this paragraph was edited.');
    await expect((await openLibrary()).get(news)).rejects.toThrow(
      new SourceUnavailableError(
        `The text that replaced "Title of us-weighs-cooperation" (${path}) has changed since it was saved. Passages must be cited verbatim, so Notebook will not show it: restore the file, or replace the source's text again.`,
      ),
    );
  });
});

describe('SourceLibrary over the bundled resources/', () => {
  const resources = resolve(__dirname, '../../../resources');

  it('lists every bundled source, each file matching its manifest hash and parsed to non-empty text', async () => {
    const library = await openLibrary(resources);
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
