import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import { bucketOf } from '../highlights/highlight-bucket';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('history-api');

/** Passages of the report, each occurring once. */
const PASSAGES = [
  "following Hamas's attack on Israel",
  'Accurate and comprehensive intelligence on the Taliban',
  'Weeda Mehran, PhD (Cambridge)',
  'Co-Director of Center for Advanced International Studies',
  'Layout and Design | Natalia Kopytnik',
  'No part of this publication may be reproduced',
];

/** Everything undo must restore: the tag set with its usage, and both sources' highlights. */
async function snapshot(notebook: Notebook) {
  return {
    tags: await call(notebook, 'tags.list', {}),
    report: await call(notebook, 'highlights.list', { sourceId: REPORT }),
    news: await call(notebook, 'highlights.list', { sourceId: NEWS }),
  };
}

async function highlightAll(notebook: Notebook, tagIds: string[]) {
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  const made = [];
  for (const passage of PASSAGES) {
    made.push((await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, passage), tags: tagIds.map((tagId) => ({ tagId })) })).highlight);
  }
  return made;
}

describe('history through dispatch', () => {
  it('undoes and redoes every kind of operation, each back to exactly the state before and after it', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const [first, second] = await highlightAll(notebook, ['group:tjp', 'group:hamas']);
    if (first === undefined || second === undefined) throw new Error('no highlights');
    let themes = '';
    let finance = '';

    const operations: [string, () => Promise<unknown>][] = [
      ['Highlight and tag', () => call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news, 'Biden administration officials'), tags: [{ tagId: 'group:taliban' }] })],
      ['Edit comment', () => call(notebook, 'highlights.update', { highlightId: first.id, comment: 'Reaction to 7 October.' })],
      ['Change highlight tags', () => call(notebook, 'highlights.update', { highlightId: first.id, tags: [{ tagId: 'rec:r2', stance: 'supports' }] })],
      ['Place highlight', () => call(notebook, 'highlights.place', { highlightId: second.id, ...rangeOf(report, 'comprehensive intelligence') })],
      ['Delete highlight', () => call(notebook, 'highlights.delete', { highlightId: second.id })],
      ['Rename tag “Hamas” to “Harakat al-Muqawama al-Islamiya”', () => call(notebook, 'tags.update', { tagId: 'group:hamas', name: 'Harakat al-Muqawama al-Islamiya' })],
      ['Recolour tag “Taliban”', () => call(notebook, 'tags.update', { tagId: 'group:taliban', color: '#000000' })],
      ['Merge “Tahreek-e-Jihad Pakistan” into “Tehrik-e Taliban Pakistan”', () => call(notebook, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' })],
      ['New family “Themes”', async () => (themes = (await call(notebook, 'families.create', { name: 'Themes' })).id)],
      ['New tag “Financing”', async () => (finance = (await call(notebook, 'tags.create', { familyId: themes, name: 'Financing' })).id)],
      ['Change highlight tags', () => call(notebook, 'highlights.update', { highlightId: first.id, tags: [{ tagId: finance }, { tagId: 'group:ttp' }] })],
      ['Rename family “Themes” to “Topics”', () => call(notebook, 'families.rename', { familyId: themes, name: 'Topics' })],
      ['Delete family “Topics”', () => call(notebook, 'families.delete', { familyId: themes, highlights: 'untag' })],
      ['Delete tag “Tehrik-e Taliban Pakistan”', () => call(notebook, 'tags.delete', { tagId: 'group:ttp', highlights: 'delete-highlights' })],
      ['Delete tag “Harakat al-Muqawama al-Islamiya”', () => call(notebook, 'tags.delete', { tagId: 'group:hamas', highlights: 'untag' })],
    ];
    for (const [label, operate] of operations) {
      const before = await snapshot(notebook);
      await operate();
      const after = await snapshot(notebook);
      expect(after, label).not.toEqual(before);
      expect(await call(notebook, 'history.undo', {})).toMatchObject({ applied: label, history: { redoLabel: label } });
      expect(await snapshot(notebook), `undo of ${label}`).toEqual(before);
      expect(await call(notebook, 'history.redo', {})).toMatchObject({ applied: label, history: { undoLabel: label, redoLabel: null } });
      expect(await snapshot(notebook), `redo of ${label}`).toEqual(after);
    }
  });

  it('undoes a merge that retagged highlights in several files, and a tag deletion that deleted them, as one step each', async () => {
    const notebook = await notebooks.open();
    const made = await highlightAll(notebook, ['group:tjp']);
    expect(new Set(made.map((h) => bucketOf(h.id))).size).toBeGreaterThan(1);
    const start = await snapshot(notebook);

    expect(await call(notebook, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' })).toMatchObject({ highlightsChanged: PASSAGES.length });
    expect(await call(notebook, 'tags.delete', { tagId: 'group:ttp', highlights: 'delete-highlights' })).toMatchObject({ highlightsDeleted: PASSAGES.length });
    expect(await call(notebook, 'highlights.list', { sourceId: REPORT })).toEqual([]);

    await call(notebook, 'history.undo', {});
    expect((await call(notebook, 'highlights.list', { sourceId: REPORT })).map((a) => a.highlight.tags)).toEqual(PASSAGES.map(() => [{ tagId: 'group:ttp' }]));
    await call(notebook, 'history.undo', {});
    expect(await snapshot(notebook)).toEqual(start);
  });

  it('answers “nothing applied” when there is nothing to undo or redo, and a new operation clears the redo', async () => {
    const notebook = await notebooks.open();
    expect(await call(notebook, 'history.undo', {})).toEqual({ applied: null, history: { undoLabel: null, redoLabel: null } });
    expect(await call(notebook, 'history.redo', {})).toEqual({ applied: null, history: { undoLabel: null, redoLabel: null } });
    await call(notebook, 'families.create', { name: 'Themes' });
    await call(notebook, 'history.undo', {});
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: 'New family “Themes”' });
    await call(notebook, 'families.create', { name: 'Topics' });
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'New family “Topics”', redoLabel: null });
  });

  it('keeps the history for the session only', async () => {
    const first = await notebooks.open();
    await call(first, 'families.create', { name: 'Themes' });
    await first.close();
    const second = await notebooks.open();
    expect(await call(second, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: null });
    expect((await call(second, 'tags.list', {})).families.map((f) => f.name)).toContain('Themes');
  });

  it('undoes everywhere a change whose last file failed to save, and records nothing', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    await highlightAll(notebook, ['group:tjp']);
    const before = await snapshot(notebook);

    // A merge writes every highlight's file, then tags.json (a tag is deleted only once nothing names it).
    fs.fail('rename', 'EIO', /tags\.json/);
    const failed = await callFails(notebook, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' });
    expect(failed).toMatchObject({ code: 'storage-failed', message: expect.stringMatching(/^Could not save tags to .+tags\.json: input\/output error on the disk \(EIO\)\./) });
    expect(await snapshot(notebook)).toEqual(before);
    expect(await call(notebook, 'history.state', {})).toMatchObject({ undoLabel: 'Highlight and tag' });
    expect(await readdir(notebooks.dataDir())).not.toContain('pending-change.json');
    await notebook.close();

    const reopened = await notebooks.open();
    expect(await snapshot(reopened)).toEqual(before);
    expect((await call(reopened, 'notebook.status', {})).notices).toEqual([]);
  });

  it('finishes undoing a failed change before the next one, or at the next open', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    await highlightAll(notebook, ['group:tjp']);
    const before = await snapshot(notebook);

    // The record of the change cannot be removed: the change is undone, but the record stays.
    fs.fail('remove', 'EIO', /pending-change\.json$/);
    expect(await callFails(notebook, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' })).toMatchObject({ code: 'storage-failed' });
    expect(await snapshot(notebook)).toEqual(before);
    expect(await readdir(notebooks.dataDir())).toContain('pending-change.json');
    expect(await callFails(notebook, 'families.create', { name: 'Themes' })).toMatchObject({ code: 'storage-failed' });
    await notebook.close();

    const reopened = await notebooks.open();
    expect(await snapshot(reopened)).toEqual(before);
    expect((await call(reopened, 'notebook.status', {})).notices).toEqual([
      {
        kind: 'recovered',
        message: 'Notebook stopped while saving “Merge “Tahreek-e-Jihad Pakistan” into “Tehrik-e Taliban Pakistan””. That change was never confirmed, so it was undone: the notebook is as it was before it.',
        path: `${notebooks.dataDir()}/pending-change.json`,
      },
    ]);
    expect(await readdir(notebooks.dataDir())).not.toContain('pending-change.json');
    expect(await call(reopened, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' })).toMatchObject({ highlightsChanged: PASSAGES.length });
  });

  it('clears a failed change’s record before the next change once the disk recovers', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    await highlightAll(notebook, ['group:tjp']);
    fs.fail('remove', 'EIO', /pending-change\.json$/);
    await callFails(notebook, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' });
    fs.heal();
    expect(await call(notebook, 'families.create', { name: 'Themes' })).toMatchObject({ name: 'Themes' });
    expect(await readdir(notebooks.dataDir())).not.toContain('pending-change.json');
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'New family “Themes”', redoLabel: null });
  });

  it('leaves the history where it was when an undo cannot be saved', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    const [made] = await highlightAll(notebook, []);
    if (made === undefined) throw new Error('no highlight');
    await call(notebook, 'highlights.delete', { highlightId: made.id });
    const afterDelete = await snapshot(notebook);

    fs.fail('sync-file', 'ENOSPC', /highlights/);
    expect(await callFails(notebook, 'history.undo', {})).toMatchObject({ code: 'storage-failed' });
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Delete highlight', redoLabel: null });
    expect(await snapshot(notebook)).toEqual(afterDelete);
    fs.heal();
    expect(await call(notebook, 'history.undo', {})).toMatchObject({ applied: 'Delete highlight' });
    expect((await call(notebook, 'highlights.list', { sourceId: REPORT })).some((a) => a.highlight.id === made.id)).toBe(true);
  });
});
