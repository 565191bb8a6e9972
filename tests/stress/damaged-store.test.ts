import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { difference } from './crash/notebook-model';
import { readState } from './crash/read-state';
import { makeTemplateNotebook, openWithDamagedFile, type TemplateNotebook } from './support/damaged-notebook';

interface Fixture {
  readonly file: string;
  readonly category: string;
  readonly what: string;
}

const corpusDir = join(__dirname, '..', 'fixtures', 'damaged-store');
const corpus = JSON.parse(await readFile(join(corpusDir, 'index.json'), 'utf8')) as Fixture[];
/** Fixtures a newer Notebook could have written, by the file they stand for: moved aside unchanged. */
const NEWER: Readonly<Record<string, string>> = { 'version-999': 'notebook.json', 'tags-version-2': 'tags.json', 'memo-version-99': 'a memo file' };

let root: string;
let template: TemplateNotebook;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-damaged-store-'));
  template = await makeTemplateNotebook(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the damaged-store corpus', () => {
  it('holds about fifty files of every kind of damage', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(50);
    expect(new Set(corpus.map((f) => f.category))).toEqual(new Set(['truncated', 'wrong-types', 'schema-version', 'huge', 'binary', 'syntax']));
  });

  it.concurrent.each(corpus.map((fixture, i) => [fixture.file, fixture, i] as const))('%s: opens, keeps the bytes, says so, offers the backup, and loses nothing else', async (_name, fixture, i) => {
    const bytes = await readFile(join(corpusDir, fixture.file));
    for (const [p, placement] of template.placements.entries()) {
      const dataDir = join(root, `${i}-${p}`);
      const context = `${fixture.file} (${fixture.what}) as ${placement.name}`;
      const { notebook, notice } = await openWithDamagedFile(template, placement, bytes, dataDir, context);
      // A file whose schemaVersion is above that of the file it stands for reads as a newer Notebook's.
      const newer = NEWER[fixture.file.replace(/^\d+-|\.bytes$/g, '')] === placement.name;
      expect(notice.message, context).toMatch(newer ? /It was moved, unchanged, to / : /Its bytes were kept at |It was moved, unchanged, to /);
      expect(Object.prototype, context).not.toHaveProperty('polluted');

      // Restoring is checked for one placement per file, in turn, to keep the run short.
      if (p === i % template.placements.length) {
        const restored = await notebook.dispatch('backups.restore', { backupId: notice.backup?.id });
        expect(restored, context).toMatchObject({ ok: true });
        expect(difference(template.state, (await readState(notebook)).state), context).toBeNull();
      }
      await notebook.close();
      await rm(dataDir, { recursive: true });
    }
  });

  it('left no damaged file where a store file belongs, and nothing behind in the temp folder', async () => {
    expect((await readdir(root)).sort()).toEqual(['resources', 'template']);
  });
});
