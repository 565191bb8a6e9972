import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../core/import/import-failure';
import { EXTRACTOR_VERSION } from './extractor-versions';
import { call, callFails, rangeOf, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';

const notebooks = useTestNotebooks('import-service');
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const NOTES = 'Field notes from Kabul\n\nThe Taliban hosted a meeting with Al Qaeda figures.\n\nA second paragraph closes the notes.\n';

describe('sources.import', () => {
  it('imports a text file in a worker, lists it after the bundled sources, and keeps it across a restart', async () => {
    const notebook = await notebooks.open();
    const outcome = await call(notebook, 'sources.import', { importId: 'a', fileName: 'Field_notes.txt', bytes: text(NOTES) });
    expect(outcome).toMatchObject({ status: 'imported', source: { title: 'Field notes', kind: 'document', imported: { format: 'text', fileName: 'Field_notes.txt' } } });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const id = outcome.source.id;
    const source = await call(notebook, 'sources.get', { sourceId: id });
    expect(source.text).toBe(NOTES.trim());
    const created = await call(notebook, 'highlights.create', { sourceId: id, ...rangeOf(source, 'hosted a meeting') });
    expect(created.status).toBe('exact');
    await notebook.close();

    const again = await notebooks.open();
    const list = await call(again, 'sources.list', {});
    expect(list.at(-1)).toMatchObject({ id, title: 'Field notes' });
    expect(await call(again, 'highlights.list', { sourceId: id })).toHaveLength(1);
    const hits = await call(again, 'search.query', { query: 'meeting' });
    expect(hits.sources.map((s) => s.sourceId)).toContain(id);
  });

  it('says the same bytes are already in the library, and adds nothing', async () => {
    const notebook = await notebooks.open();
    const first = await call(notebook, 'sources.import', { importId: 'a', fileName: 'notes.txt', bytes: text(NOTES) });
    const second = await call(notebook, 'sources.import', { importId: 'b', fileName: 'copy of notes.txt', bytes: text(NOTES) });
    expect(second).toMatchObject({ status: 'duplicate', existing: { id: first.status === 'imported' ? first.source.id : '' } });
    expect((await call(notebook, 'sources.list', {})).filter((s) => s.imported)).toHaveLength(1);
  });

  it('fails a file it cannot read with a reason, keeping nothing of it', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'sources.import', { importId: 'a', fileName: 'picture.png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]) })).toMatchObject({
      code: 'import-failed',
      message: expect.stringContaining('does not read .png files'),
    });
    expect(await callFails(notebook, 'sources.import', { importId: 'b', fileName: 'empty.txt', bytes: new Uint8Array() })).toMatchObject({ code: 'import-failed', message: 'The file is empty (0 bytes).' });
    expect(await readdir(join(notebooks.dataDir(), 'imports')).catch(() => [])).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const notebook = await notebooks.open({ importLimits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: 10 } });
    expect(await callFails(notebook, 'sources.import', { importId: 'a', fileName: 'notes.txt', bytes: text(NOTES) })).toMatchObject({ code: 'import-failed', message: expect.stringMatching(/Notebook takes files up to/) });
  });

  it('stops a file that takes too long, and one cancelled', async () => {
    const slow = await notebooks.open({ importTimeLimitMs: 1 });
    expect(await callFails(slow, 'sources.import', { importId: 'a', fileName: 'notes.txt', bytes: text(NOTES) })).toMatchObject({ code: 'import-failed', message: expect.stringContaining('took longer than') });
    await slow.close();
    const notebook = await notebooks.open();
    const running = notebook.dispatch('sources.import', { importId: 'c', fileName: 'notes.txt', bytes: text(NOTES) });
    expect(await call(notebook, 'imports.cancel', { importId: 'c' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await call(notebook, 'imports.cancel', { importId: 'c' })).toEqual({ cancelled: false });
    expect((await call(notebook, 'sources.list', {})).some((s) => s.imported)).toBe(false);
  });

  it('removes a source, counting what depends on it; citations keep their quote; re-adding the file restores it', async () => {
    const notebook = await notebooks.open();
    const outcome = await call(notebook, 'sources.import', { importId: 'a', fileName: 'notes.txt', bytes: text(NOTES) });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const id = outcome.source.id;
    const source = await call(notebook, 'sources.get', { sourceId: id });
    const highlight = await call(notebook, 'highlights.create', { sourceId: id, ...rangeOf(source, 'hosted a meeting') });
    const citation = { type: 'citation', attrs: { highlightId: highlight.highlight.id, sourceId: id, quote: 'hosted a meeting', display: 'inline' } };
    await call(notebook, 'memos.create', { title: 'Cites', doc: { type: 'doc', content: [{ type: 'paragraph', content: [citation] }] } });
    expect(await call(notebook, 'sources.dependents', { sourceId: id })).toEqual({ highlights: 1, citations: 1, memos: 1 });

    await call(notebook, 'sources.remove', { sourceId: id });
    expect((await call(notebook, 'sources.list', {})).map((s) => s.id)).not.toContain(id);
    expect(await call(notebook, 'citations.resolve', { highlightIds: [highlight.highlight.id] })).toMatchObject([{ state: 'source-removed', quote: 'hosted a meeting', sourceTitle: 'notes' }]);
    expect(await call(notebook, 'sources.removed', {})).toMatchObject([{ source: { id } }]);
    expect((await call(notebook, 'search.query', { query: 'meeting' })).sources.map((s) => s.sourceId)).not.toContain(id);

    expect(await call(notebook, 'sources.import', { importId: 'b', fileName: 'notes.txt', bytes: text(NOTES) })).toMatchObject({ status: 'restored', source: { id } });
    expect(await call(notebook, 'highlights.list', { sourceId: id })).toHaveLength(1);
    expect(await call(notebook, 'citations.resolve', { highlightIds: [highlight.highlight.id] })).toMatchObject([{ state: 'live' }]);
  });

  it('keeps the original byte for byte and lets details be changed', async () => {
    const notebook = await notebooks.open();
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from('UTF-16 notes\r\n', 'utf16le')]);
    const outcome = await call(notebook, 'sources.import', { importId: 'a', fileName: 'utf16.txt', bytes });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const original = await call(notebook, 'sources.original', { sourceId: outcome.source.id });
    expect(original).toMatchObject({ fileName: 'utf16.txt', mediaType: 'text/plain', encoding: 'base64' });
    expect(Buffer.from(original.content, 'base64')).toEqual(Buffer.from(bytes));
    const changed = await call(notebook, 'sources.updateDetails', { sourceId: outcome.source.id, details: { title: 'Notes, revised', author: 'A. Analyst', isoDate: '2024-02-29' } });
    expect(changed).toMatchObject({ title: 'Notes, revised', author: 'A. Analyst', isoDate: '2024-02-29' });
    expect(await callFails(notebook, 'sources.updateDetails', { sourceId: outcome.source.id, details: { isoDate: '2023-02-29' } })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'sources.original', { sourceId: 'new-jihadi-sphere' })).toMatchObject({ code: 'not-found' });
  });

  it('offers Re-extract once the converter is newer, keeps the highlights through the new text, and refuses it otherwise', async () => {
    const before = await notebooks.open();
    const outcome = await call(before, 'sources.import', { importId: 'a', fileName: 'notes.txt', bytes: text(NOTES) });
    if (outcome.status !== 'imported') throw new Error('not imported');
    const id = outcome.source.id;
    expect(outcome.source.imported).toMatchObject({ extractorVersion: 1, currentExtractorVersion: 1 });
    expect(await callFails(before, 'sources.reextract', { sourceId: id })).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('current converter already') });
    const source = await call(before, 'sources.get', { sourceId: id });
    await call(before, 'highlights.create', { sourceId: id, ...rangeOf(source, 'hosted a meeting') });
    await call(before, 'sources.replace', { sourceId: id, text: 'A replaced text that hosted a meeting elsewhere.' });
    await before.close();

    const newer = await notebooks.open({ extractorVersions: { ...EXTRACTOR_VERSION, text: 2 } });
    const listed = (await call(newer, 'sources.list', {})).find((s) => s.id === id);
    expect(listed?.imported).toMatchObject({ extractorVersion: 1, currentExtractorVersion: 2 });
    expect(await call(newer, 'sources.reextract', { sourceId: id })).toMatchObject({ sourceId: id, total: 1, exact: 1, problems: [] });
    const again = await call(newer, 'sources.get', { sourceId: id });
    expect(again.text).toBe(NOTES.trim());
    expect(again.meta.replaced).toBeUndefined();
    expect(again.meta.imported).toMatchObject({ extractorVersion: 2, currentExtractorVersion: 2 });
    expect(await callFails(newer, 'sources.reextract', { sourceId: 'new-jihadi-sphere' })).toMatchObject({ code: 'not-found' });
  });

  it('leaves no trace of an import a crash cut off: unlisted folders and temp files go at the next start', async () => {
    const notebook = await notebooks.open();
    const outcome = await call(notebook, 'sources.import', { importId: 'a', fileName: 'notes.txt', bytes: text(NOTES) });
    if (outcome.status !== 'imported') throw new Error('not imported');
    await notebook.close();
    const imports = join(notebooks.dataDir(), 'imports');
    await mkdir(join(imports, 'imported-0123456789ab'), { recursive: true });
    await writeFile(join(imports, 'imported-0123456789ab', 'original.pdf'), 'half a file');
    await writeFile(join(imports, outcome.source.id, 'original.txt.0123456789ab.tmp'), 'half a write');
    const again = await notebooks.open();
    expect(await readdir(imports)).toEqual([outcome.source.id]);
    expect((await readdir(join(imports, outcome.source.id))).some((name) => name.endsWith('.tmp'))).toBe(false);
    expect((await call(again, 'sources.list', {})).filter((s) => s.imported).map((s) => s.id)).toEqual([outcome.source.id]);
  });

  it('links the same text added in another format to the first as twins', async () => {
    const notebook = await notebooks.open();
    const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1}: the district council met twice and recorded complaints about the new checkpoint regime on the northern road.`).join('\n\n');
    const asText = await call(notebook, 'sources.import', { importId: 'a', fileName: 'council.txt', bytes: text(body) });
    const asMarkdown = await call(notebook, 'sources.import', { importId: 'b', fileName: 'council.md', bytes: text(`# Council notes\n\n${body}\n`) });
    if (asText.status !== 'imported' || asMarkdown.status !== 'imported') throw new Error('not imported');
    const pairs = await call(notebook, 'sources.twins', { sourceId: asText.source.id });
    expect(pairs.map((pair) => [pair.a, pair.b].sort())).toContainEqual([asText.source.id, asMarkdown.source.id].sort());
  });
});
