import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../support/seeded-random';
import { difference } from './crash/notebook-model';
import { makeTemplateNotebook, openWithDamagedFile, type TemplateNotebook } from './support/damaged-notebook';
import { readTree } from './support/file-tree';
import { readBack } from './support/read-back';

/** Random cut lengths per file, plus the file zero-filled whole and after a cut. */
const CUTS_PER_FILE = 6;

let root: string;
let template: TemplateNotebook;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'notebook-torn-writes-'));
  template = await makeTemplateNotebook(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** What a write cut short leaves of `bytes`: a prefix of random length, or zeros where data was. */
function tornVersions(bytes: Uint8Array, seed: number): { readonly what: string; readonly bytes: Buffer }[] {
  const random = seededRandom(seed);
  const whole = Buffer.from(bytes);
  const versions = Array.from({ length: CUTS_PER_FILE }, () => {
    const length = random.below(whole.length);
    return { what: `cut to ${length} of ${whole.length} bytes`, bytes: whole.subarray(0, length) };
  });
  const kept = 1 + random.below(whole.length - 1);
  versions.push({ what: `${whole.length} zero bytes`, bytes: Buffer.alloc(whole.length) });
  versions.push({ what: `${kept} bytes, then zeros to ${whole.length}`, bytes: Buffer.concat([whole.subarray(0, kept), Buffer.alloc(whole.length - kept)]) });
  return versions;
}

describe('a write torn by a crash', () => {
  it('in a temp file (a save that never reached its rename) is ignored and removed at the next start', async () => {
    let tried = 0;
    for (const [p, placement] of template.placements.entries()) {
      const original = await readFile(join(template.dir, ...placement.path.split('/')));
      // What the interrupted save was writing: the file grown by a change.
      const newer = Buffer.concat([original.subarray(0, -1), Buffer.from(',"unsaved":"change"}')]);
      for (const [v, torn] of tornVersions(newer, 100 + p).entries()) {
        const dataDir = join(root, `temp-${p}-${v}`);
        await cp(template.dir, dataDir, { recursive: true });
        await writeFile(join(dataDir, ...`${placement.path}.00112233aabb.tmp`.split('/')), torn.bytes);
        const back = await readBack(dataDir, template.resourcesDir);
        const context = `a temp file of ${placement.name}, ${torn.what}`;
        expect(back.notices, context).toEqual([]);
        expect(difference(template.state, back.state), context).toBeNull();
        expect(Object.keys(await readTree(dataDir)).filter((path) => path.endsWith('.tmp')), context).toEqual([]);
        await rm(dataDir, { recursive: true });
        tried++;
      }
    }
    expect(tried).toBe(template.placements.length * (CUTS_PER_FILE + 2));
  });

  it('in a store file itself (a disk that broke the atomic rename) moves it aside, keeps the rest, and offers the backup', async () => {
    let tried = 0;
    for (const [p, placement] of template.placements.entries()) {
      const original = await readFile(join(template.dir, ...placement.path.split('/')));
      for (const [v, torn] of tornVersions(original, 200 + p).entries()) {
        const context = `${placement.name}, ${torn.what}`;
        const { notebook, notice } = await openWithDamagedFile(template, placement, torn.bytes, join(root, `store-${p}-${v}`), context);
        expect(await notebook.dispatch('backups.restore', { backupId: notice.backup?.id }), context).toMatchObject({ ok: true });
        await notebook.close();
        const back = await readBack(join(root, `store-${p}-${v}`), template.resourcesDir);
        expect(difference(template.state, back.state), context).toBeNull();
        await rm(join(root, `store-${p}-${v}`), { recursive: true });
        tried++;
      }
    }
    expect(tried).toBe(template.placements.length * (CUTS_PER_FILE + 2));
  });
});
