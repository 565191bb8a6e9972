import { describe, expect, it } from 'vitest';
import { roleAt } from '../../core/document/block-role';
import { createMentionMatcher } from '../../core/tags/find-mentions';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';

const notebooks = useTestNotebooks('mentions-api');

describe('mentions.list through dispatch', () => {
  it('lists every group mention of every source, in library then text order', async () => {
    const notebook = await notebooks.open();
    const mentions = await call(notebook, 'mentions.list', {});
    const { tags, families } = await call(notebook, 'tags.list', {});
    const groups = tags.filter((t) => families.find((f) => f.id === t.familyId)?.kind === 'groups');
    const matcher = createMentionMatcher(groups);
    const expected = [];
    for (const sourceId of [NEWS, REPORT]) {
      const { text, blocks } = await call(notebook, 'sources.get', { sourceId });
      expected.push(...matcher.findMentions(text).map((m) => ({ ...m, sourceId, role: roleAt(blocks, m.start) })));
    }
    expect(mentions).toEqual(expected);
    expect(mentions.length).toBeGreaterThan(100);
    expect(mentions.some((m) => m.sourceId === NEWS && m.tagId === 'group:is-khorasan' && m.alias === 'ISIS-K')).toBe(true);
  });

  it('leaves out a mention once a highlight carrying its group’s tag covers it, and only then', async () => {
    const notebook = await notebooks.open();
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const passage = 'the Khorasan branch of ISIS, commonly known as ISIS-K';
    const { start, end } = rangeOf(news, passage);
    const inPassage = async () => (await call(notebook, 'mentions.list', { tagId: 'group:is-khorasan' })).filter((m) => m.sourceId === NEWS && m.start >= start && m.end <= end);
    const before = await inPassage();
    expect(before.length).toBeGreaterThan(0);

    await call(notebook, 'highlights.create', { sourceId: NEWS, start, end, tags: [{ tagId: 'group:taliban' }] });
    expect(await inPassage()).toEqual(before);
    await call(notebook, 'highlights.create', { sourceId: NEWS, start: start + 4, end: end - 4, tags: [{ tagId: 'group:is-khorasan' }] });
    expect((await inPassage()).length).toBeGreaterThan(0);
    await call(notebook, 'highlights.create', { sourceId: NEWS, start, end, tags: [{ tagId: 'group:is-khorasan' }] });
    expect(await inPassage()).toEqual([]);
  });

  it('keeps to one group when asked, and follows the group’s aliases as they are edited', async () => {
    const notebook = await notebooks.open();
    const hamas = await call(notebook, 'mentions.list', { tagId: 'group:hamas' });
    expect(hamas.length).toBeGreaterThan(0);
    expect(hamas.every((m) => m.tagId === 'group:hamas')).toBe(true);

    await call(notebook, 'tags.update', { tagId: 'group:hamas', aliases: ['Palestinian nation'] });
    const withAlias = await call(notebook, 'mentions.list', { tagId: 'group:hamas' });
    expect(withAlias.filter((m) => m.alias === 'Palestinian nation').map((m) => m.sourceId)).toEqual([REPORT]);
  });

  it('says which mentions are in the report’s prose and which in its contents, headings and notes', async () => {
    const notebook = await notebooks.open();
    const report = (await call(notebook, 'mentions.list', { tagId: 'group:is-khorasan' })).filter((m) => m.sourceId === REPORT);
    expect(report[0]?.role).toBe('contents');
    expect(new Set(report.map((m) => m.role))).toEqual(new Set(['contents', 'heading', 'body', 'reference']));
  });

  it('refuses a tag that is missing or not a group', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'mentions.list', { tagId: 'group:nobody' })).toMatchObject({ code: 'not-found' });
    expect(await callFails(notebook, 'mentions.list', { tagId: 'rec:r1' })).toEqual({
      code: 'invalid-input',
      message: '“R1 · Enhanced Intelligence and Monitoring” is not a group: mentions are found for the tags of a Groups family only.',
      issues: ['tagId: must be the id of a group tag'],
    });
  });
});

describe('mentions.dismiss through dispatch', () => {
  it('sets a mention aside as one step of undo, kept on disk, and offers it again when undone', async () => {
    const notebook = await notebooks.open();
    const listed = () => call(notebook, 'mentions.list', { tagId: 'group:is-khorasan' });
    const [first, second] = await listed();
    if (first === undefined || second === undefined) throw new Error('The sources mention IS-Khorasan.');
    const { tagId, sourceId, start, end } = first;

    const summary = await call(notebook, 'mentions.dismiss', { tagId, sourceId, start, end });
    expect(summary).toMatchObject({ label: 'Dismiss mention of “IS-Khorasan”', highlightsChanged: 0, history: { undoLabel: 'Dismiss mention of “IS-Khorasan”' } });
    expect((await listed())[0]).toEqual(second);
    // Dismissing it again is no second step.
    expect((await call(notebook, 'mentions.dismiss', { tagId, sourceId, start, end })).history.undoLabel).toBe('Dismiss mention of “IS-Khorasan”');

    await notebook.close();
    const reopened = await notebooks.open();
    expect((await call(reopened, 'mentions.list', { tagId: 'group:is-khorasan' }))[0]).toEqual(second);
  });

  it('undoes and redoes a dismissal', async () => {
    const notebook = await notebooks.open();
    const listed = () => call(notebook, 'mentions.list', { tagId: 'group:taliban' });
    const before = await listed();
    const { tagId, sourceId, start, end } = before[3]!;
    await call(notebook, 'mentions.dismiss', { tagId, sourceId, start, end });
    expect(await listed()).toHaveLength(before.length - 1);
    expect(await call(notebook, 'history.undo', {})).toMatchObject({ applied: 'Dismiss mention of “Taliban”' });
    expect(await listed()).toEqual(before);
    await call(notebook, 'history.redo', {});
    expect(await listed()).toHaveLength(before.length - 1);
  });

  it('refuses a mention the source does not hold, and a tag that is not a group', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'mentions.dismiss', { tagId: 'group:is-khorasan', sourceId: REPORT, start: 0, end: 5 })).toMatchObject({ code: 'not-found' });
    expect(await callFails(notebook, 'mentions.dismiss', { tagId: 'rec:r1', sourceId: REPORT, start: 0, end: 5 })).toMatchObject({ code: 'invalid-input' });
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: null });
  });
});
