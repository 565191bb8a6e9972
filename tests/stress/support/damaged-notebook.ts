import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openNotebook, type Notebook } from '../../../src/services/open-notebook';
import type { NotebookStatus, StoreNotice } from '../../../src/shared/api-contract';
import { writeTinyLibrary } from '../../unit/support/tiny-library';
import { difference, type NotebookState } from '../crash/notebook-model';
import { readState } from '../crash/read-state';
import { readTree } from './file-tree';
import { writeNotebookWithEverything } from './read-back';

/** A store file of the template notebook, and what the notebook loses without it. */
export interface Placement {
  readonly name: string;
  readonly path: string;
  readonly loses: (state: NotebookState) => NotebookState;
}

export interface TemplateNotebook {
  readonly dir: string;
  readonly resourcesDir: string;
  readonly state: NotebookState;
  /** The backup its second start took. */
  readonly backupId: string;
  /** notebook.json, tags.json, a highlights file and a memo file. */
  readonly placements: readonly Placement[];
}

/** A notebook with something of everything, and a backup of it, under `root`. */
export async function makeTemplateNotebook(root: string): Promise<TemplateNotebook> {
  const resourcesDir = join(root, 'resources');
  const dir = join(root, 'template');
  await writeTinyLibrary(resourcesDir);
  const { state } = await writeNotebookWithEverything(dir, resourcesDir);
  const [backupId] = await readdir(join(dir, 'backups'));
  const files = Object.entries(await readTree(dir)).map(([path, bytes]) => ({ path, text: bytes.toString('utf8') }));
  const bucket = files.find(({ path, text }) => path.startsWith('highlights/') && text.includes('"highlights":[{'));
  const memo = files.find(({ path }) => path.startsWith('memos/'));
  if (bucket === undefined || memo === undefined || backupId === undefined) throw new Error('the template notebook lacks a highlight, a memo or a backup');
  const without = <T>(record: Readonly<Record<string, T>>, ids: readonly string[]) => Object.fromEntries(Object.entries(record).filter(([id]) => !ids.includes(id)));
  const bucketIds = (JSON.parse(bucket.text) as { highlights: { id: string }[] }).highlights.map((h) => h.id);
  const memoId = (JSON.parse(memo.text) as { memo: { id: string } }).memo.id;
  const placements: Placement[] = [
    { name: 'notebook.json', path: 'notebook.json', loses: (s) => ({ ...s, reading: {} }) },
    // Without tags.json the notebook starts from the seeded tags: what is checked is that the
    // highlights, memos and reading positions are untouched.
    { name: 'tags.json', path: 'tags.json', loses: (s) => ({ ...s, tags: {}, families: {} }) },
    { name: 'a highlights file', path: bucket.path, loses: (s) => ({ ...s, highlights: without(s.highlights, bucketIds) }) },
    { name: 'a memo file', path: memo.path, loses: (s) => ({ ...s, memos: without(s.memos, [memoId]) }) },
  ];
  return { dir, resourcesDir, state, backupId, placements };
}

export interface DamagedOpen {
  readonly notebook: Notebook;
  readonly notice: StoreNotice;
}

/**
 * Copies the template to `dataDir`, puts `bytes` in place of one of its store files, opens it and
 * reads everything back. Checks that nothing crashed, that exactly one notice names the file moved
 * aside with its bytes unchanged, offers the template's backup, and that the rest of the notebook
 * is untouched. The caller closes the notebook.
 */
export async function openWithDamagedFile(template: TemplateNotebook, placement: Placement, bytes: Uint8Array, dataDir: string, context: string): Promise<DamagedOpen> {
  await cp(template.dir, dataDir, { recursive: true });
  await writeFile(join(dataDir, ...placement.path.split('/')), bytes);
  const notebook = await openNotebook({ dataDir, resourcesDir: template.resourcesDir, shell: 'browser' });
  // Reading everything back loads every file, including those read on first use.
  const { state } = await readState(notebook);
  const status = await notebook.dispatch('notebook.status', {});
  const { notices } = (status.ok ? status.value : { notices: [] }) as NotebookStatus;
  expect(notices, context).toHaveLength(1);
  const [notice] = notices;
  if (notice === undefined) throw new Error(`${context}: no notice`);
  expect(notice.kind, context).toBe('quarantined');
  expect(notice.path.startsWith(join(dataDir, 'quarantine')), context).toBe(true);
  expect(notice.message, context).toContain(notice.path);
  expect(Buffer.compare(await readFile(notice.path), bytes), context).toBe(0);
  // A backup taken at this start may hold the damaged file itself (a highlights file is read on
  // first use): it is passed over for the template's.
  expect(notice.backup?.id, context).toBe(template.backupId);
  const keep = placement.path === 'tags.json' ? (s: NotebookState) => ({ ...s, tags: {}, families: {} }) : (s: NotebookState) => s;
  expect(difference(placement.loses(template.state), keep(state)), context).toBeNull();
  return { notebook, notice };
}
