import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommendationSeeds } from '../../core/tags/seed-recommendations';
import { seedTags } from '../../core/tags/seed-tags';
import type { TagSet } from '../../shared/api-contract';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { call, callFails, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('tags-api');
const names = (set: TagSet, familyId: string): string[] => set.tags.filter((t) => t.familyId === familyId).map((t) => t.name);

async function tagHighlight(notebook: Notebook, passage: string, ...tagIds: string[]) {
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  return call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, passage), tags: tagIds.map((tagId) => ({ tagId })) });
}

describe('tags and families through dispatch', () => {
  it('seeds the groups and recommendations on first use, each recommendation pointing at its statement in the report', async () => {
    const notebook = await notebooks.open();
    const set = await call(notebook, 'tags.list', {});
    const seed = seedTags();
    expect(set.families).toEqual(seed.families);
    expect(set.tags.map((t) => t.id)).toEqual(seed.tags.map((t) => t.id));
    expect(Object.values(set.usage).every((n) => n === 0)).toBe(true);

    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    for (const r of recommendationSeeds) {
      const tag = set.tags.find((t) => t.id === `rec:${r.key}`);
      expect(tag?.statedAt?.sourceId).toBe(REPORT);
      expect(report.text.slice(tag?.statedAt?.start, tag?.statedAt?.end)).toBe(r.statement);
    }
    expect(JSON.parse(await readFile(join(notebooks.dataDir(), 'tags.json'), 'utf8'))).toEqual({ schemaVersion: 1, families: set.families, tags: set.tags });
  });

  it('seeds only once: a deleted or renamed seeded tag stays as the person left it', async () => {
    const first = await notebooks.open();
    await call(first, 'tags.delete', { tagId: 'group:hamas', highlights: 'untag' });
    await call(first, 'tags.update', { tagId: 'group:ttp', name: 'Pakistani Taliban (TTP)' });
    await call(first, 'families.rename', { familyId: 'family:groups', name: 'Armed groups' });
    await first.close();

    const second = await notebooks.open();
    const set = await call(second, 'tags.list', {});
    expect(set.tags.some((t) => t.id === 'group:hamas')).toBe(false);
    expect(set.tags.find((t) => t.id === 'group:ttp')?.name).toBe('Pakistani Taliban (TTP)');
    expect(set.families[0]).toEqual({ id: 'family:groups', name: 'Armed groups', kind: 'groups' });
  });

  it('seeds again after a damaged tags.json was moved aside, saying so', async () => {
    await (await notebooks.open()).close();
    await writeFile(join(notebooks.dataDir(), 'tags.json'), '{"schemaVersion":1,"families":[');
    const notebook = await notebooks.open();
    const { notices } = await call(notebook, 'notebook.status', {});
    expect(notices[0]?.message).toMatch(/^tags\.json could not be read \(.+\)\. Its bytes were kept at .+\. Notebook started with the tags it ships with \(the Groups and Recommendations families\)\.$/);
    expect((await call(notebook, 'tags.list', {})).tags).toHaveLength(seedTags().tags.length);
  });

  it('counts each tag’s highlights', async () => {
    const notebook = await notebooks.open();
    await tagHighlight(notebook, "following Hamas's attack on Israel", 'group:hamas', 'group:taliban');
    await tagHighlight(notebook, 'Accurate and comprehensive intelligence', 'group:taliban');
    const { usage } = await call(notebook, 'tags.list', {});
    expect([usage['group:taliban'], usage['group:hamas'], usage['group:ttp']]).toEqual([2, 1, 0]);
  });

  it('creates a tag in a family, with the palette colour least used there unless one is given', async () => {
    const notebook = await notebooks.open();
    const custom = await call(notebook, 'families.create', { name: 'Themes' });
    expect(custom).toEqual({ id: expect.stringMatching(/^family:[0-9a-f-]{36}$/), name: 'Themes', kind: 'custom' });
    const finance = await call(notebook, 'tags.create', { familyId: custom.id, name: '  Financing  ' });
    expect(finance).toEqual({ id: expect.stringMatching(/^tag:[0-9a-f-]{36}$/), familyId: custom.id, name: 'Financing', color: '#b7852a', aliases: [], description: '', statedAt: null });
    const smuggling = await call(notebook, 'tags.create', { familyId: custom.id, name: 'Smuggling', color: '#123456', aliases: ['contraband'] });
    expect(smuggling).toMatchObject({ color: '#123456', aliases: ['contraband'] });
    expect((await call(notebook, 'tags.create', { familyId: custom.id, name: 'Training camps' })).color).toBe('#71782b');
    expect(names(await call(notebook, 'tags.list', {}), custom.id)).toEqual(['Financing', 'Smuggling', 'Training camps']);
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('New tag “Training camps”');
  });

  it('refuses a second tag of the same name in a family, whatever its case, and a family that does not exist', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'tags.create', { familyId: 'family:groups', name: 'HAMAS' })).toEqual({
      code: 'conflict',
      message: 'The family “Groups” already has a tag named “Hamas”. Choose another name, or merge the two tags.',
    });
    expect(await callFails(notebook, 'tags.update', { tagId: 'group:hamas', name: 'Taliban' })).toMatchObject({ code: 'conflict' });
    expect(await callFails(notebook, 'tags.create', { familyId: 'family:nope', name: 'X' })).toEqual({
      code: 'not-found',
      message: 'There is no tag family with id “family:nope”; it may have been deleted. Reload the tag list and try again.',
    });
    expect(await callFails(notebook, 'tags.create', { familyId: 'family:groups', name: '   ' })).toMatchObject({ code: 'invalid-input', issues: ['name: must not be empty'] });
    // The same name in another family is another tag.
    const themes = await call(notebook, 'families.create', { name: 'Themes' });
    expect(await call(notebook, 'tags.create', { familyId: themes.id, name: 'Hamas' })).toMatchObject({ name: 'Hamas' });
  });

  it('renames, recolours and edits a tag, each with its own label', async () => {
    const notebook = await notebooks.open();
    expect(await call(notebook, 'tags.update', { tagId: 'group:ttp', name: 'TTP' })).toMatchObject({ name: 'TTP' });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Rename tag “Tehrik-e Taliban Pakistan” to “TTP”');
    expect(await call(notebook, 'tags.update', { tagId: 'group:ttp', color: '#00aa00' })).toMatchObject({ color: '#00aa00' });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Recolour tag “TTP”');
    expect(await call(notebook, 'tags.update', { tagId: 'group:ttp', aliases: ['Pakistani Taliban'], description: 'Pakistan’s Taliban movement.' })).toMatchObject({
      aliases: ['Pakistani Taliban'],
      description: 'Pakistan’s Taliban movement.',
    });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Edit tag “TTP”');
    // Setting what is already there changes nothing, and is not an operation to undo.
    expect(await call(notebook, 'tags.update', { tagId: 'group:ttp', name: 'TTP', color: '#00aa00' })).toMatchObject({ name: 'TTP' });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Edit tag “TTP”');
    expect(await callFails(notebook, 'tags.update', { tagId: 'group:nobody', color: '#000000' })).toMatchObject({ code: 'not-found' });
  });

  it('deletes a tag untagging its highlights, or deleting them, as asked', async () => {
    const notebook = await notebooks.open();
    const both = await tagHighlight(notebook, "following Hamas's attack on Israel", 'group:hamas', 'group:taliban');
    await tagHighlight(notebook, 'Accurate and comprehensive intelligence', 'group:taliban');
    await tagHighlight(notebook, 'Weeda Mehran, PhD (Cambridge)', 'group:hamas');

    expect(await call(notebook, 'tags.delete', { tagId: 'group:hamas', highlights: 'untag' })).toEqual({
      label: 'Delete tag “Hamas”',
      highlightsChanged: 2,
      highlightsDeleted: 0,
      history: { undoLabel: 'Delete tag “Hamas”', redoLabel: null },
    });
    const listed = await call(notebook, 'highlights.list', { sourceId: REPORT });
    expect(listed.map((a) => a.highlight.tags.map((t) => t.tagId))).toEqual([[], ['group:taliban'], ['group:taliban']]);
    expect(listed[1]?.highlight.id).toBe(both.highlight.id);

    expect(await call(notebook, 'tags.delete', { tagId: 'group:taliban', highlights: 'delete-highlights' })).toMatchObject({ highlightsChanged: 0, highlightsDeleted: 2 });
    expect((await call(notebook, 'highlights.list', { sourceId: REPORT })).map((a) => a.highlight.target.quote.exact)).toEqual(['Weeda Mehran, PhD (Cambridge)']);
    expect((await call(notebook, 'tags.list', {})).tags.some((t) => t.id === 'group:taliban' || t.id === 'group:hamas')).toBe(false);
    expect(await callFails(notebook, 'tags.delete', { tagId: 'group:taliban', highlights: 'untag' })).toMatchObject({ code: 'not-found' });
    expect(await callFails(notebook, 'tags.delete', { tagId: 'group:ttp' })).toMatchObject({ code: 'invalid-input', issues: [expect.stringMatching(/^highlights: /)] });
  });

  it('merges a tag into another: highlights retagged once, its names kept as aliases, the tag gone', async () => {
    const notebook = await notebooks.open();
    await tagHighlight(notebook, "following Hamas's attack on Israel", 'group:tjp');
    await tagHighlight(notebook, 'Accurate and comprehensive intelligence', 'group:tjp', 'group:ttp');
    const before = (await call(notebook, 'tags.list', {})).tags.find((t) => t.id === 'group:tjp');

    expect(await call(notebook, 'tags.merge', { fromTagId: 'group:tjp', intoTagId: 'group:ttp' })).toMatchObject({ label: `Merge “${before?.name}” into “Tehrik-e Taliban Pakistan”`, highlightsChanged: 2 });
    const set = await call(notebook, 'tags.list', {});
    expect(set.tags.some((t) => t.id === 'group:tjp')).toBe(false);
    expect(set.tags.find((t) => t.id === 'group:ttp')?.aliases).toEqual(expect.arrayContaining([before?.name, ...(before?.aliases ?? [])]));
    expect(set.usage['group:ttp']).toBe(2);
    const listed = await call(notebook, 'highlights.list', { sourceId: REPORT });
    expect(listed.map((a) => a.highlight.tags)).toEqual([[{ tagId: 'group:ttp' }], [{ tagId: 'group:ttp' }]]);
  });

  it('refuses to merge a tag into itself, into a missing tag, or across kinds', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'tags.merge', { fromTagId: 'group:ttp', intoTagId: 'group:ttp' })).toEqual({
      code: 'invalid-input',
      message: 'A tag cannot be merged into itself. Choose another tag to merge “Tehrik-e Taliban Pakistan” into.',
      issues: ['intoTagId: must differ from fromTagId'],
    });
    expect(await callFails(notebook, 'tags.merge', { fromTagId: 'group:ttp', intoTagId: 'group:gone' })).toEqual({
      code: 'not-found',
      message: 'There is no tag with id “group:gone” to merge “Tehrik-e Taliban Pakistan” into; it may have been deleted. Reload the tag list and try again.',
    });
    expect(await callFails(notebook, 'tags.merge', { fromTagId: 'group:gone', intoTagId: 'group:ttp' })).toMatchObject({
      code: 'not-found',
      message: 'There is no tag with id “group:gone” to merge; it may have been deleted. Reload the tag list and try again.',
    });
    expect(await callFails(notebook, 'tags.merge', { fromTagId: 'group:ttp', intoTagId: 'rec:r1' })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^“Tehrik-e Taliban Pakistan” cannot be merged into “R1 · .+”: one is a group and the other a recommendation/),
    });
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: null });
  });

  it('creates, renames and deletes families; the seeded ones keep their kind when renamed', async () => {
    const notebook = await notebooks.open();
    expect(await call(notebook, 'families.rename', { familyId: 'family:recommendations', name: 'Policy options' })).toEqual({
      id: 'family:recommendations',
      name: 'Policy options',
      kind: 'recommendations',
    });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Rename family “Recommendations” to “Policy options”');
    expect(await callFails(notebook, 'families.create', { name: 'groups' })).toEqual({ code: 'conflict', message: 'There is already a tag family named “Groups”. Choose another name.' });
    expect(await callFails(notebook, 'families.rename', { familyId: 'family:groups', name: 'POLICY OPTIONS' })).toMatchObject({ code: 'conflict' });
    expect(await callFails(notebook, 'families.rename', { familyId: 'family:nope', name: 'X' })).toMatchObject({ code: 'not-found' });

    const themes = await call(notebook, 'families.create', { name: 'Themes' });
    const finance = await call(notebook, 'tags.create', { familyId: themes.id, name: 'Financing' });
    const money = await tagHighlight(notebook, 'Accurate and comprehensive intelligence', finance.id, 'group:taliban');
    await tagHighlight(notebook, "following Hamas's attack on Israel", finance.id);

    expect(await call(notebook, 'families.delete', { familyId: themes.id, highlights: 'untag' })).toMatchObject({ label: 'Delete family “Themes”', highlightsChanged: 2, highlightsDeleted: 0 });
    const set = await call(notebook, 'tags.list', {});
    expect(set.families.map((f) => f.name)).toEqual(['Groups', 'Policy options']);
    expect(set.tags.some((t) => t.familyId === themes.id)).toBe(false);
    const listed = await call(notebook, 'highlights.list', { sourceId: REPORT });
    expect(listed.find((a) => a.highlight.id === money.highlight.id)?.highlight.tags).toEqual([{ tagId: 'group:taliban' }]);

    expect(await call(notebook, 'families.delete', { familyId: 'family:groups', highlights: 'delete-highlights' })).toMatchObject({ highlightsDeleted: 1 });
    expect(await call(notebook, 'highlights.list', { sourceId: REPORT })).toHaveLength(1);
  });

  it('answers storage-failed when tags.json cannot be saved, changing nothing', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    const before = await call(notebook, 'tags.list', {});
    fs.fail('rename', 'EACCES', /tags\.json/);
    const failed = await callFails(notebook, 'tags.update', { tagId: 'group:ttp', name: 'Pakistani Taliban' });
    expect(failed).toEqual({
      code: 'storage-failed',
      message: `Could not save tags to ${join(notebooks.dataDir(), 'tags.json')}: permission denied (EACCES). Nothing was lost: your last saved change is intact.`,
    });
    expect(await call(notebook, 'tags.list', {})).toEqual(before);
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: null });
  });
});
