import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, callFails, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('relations-api');
const PASSAGE = 'Accurate and comprehensive intelligence on the Taliban';

async function aHighlight(notebook: Notebook): Promise<string> {
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  return (await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, PASSAGE), tags: [{ tagId: 'group:taliban' }] })).highlight.id;
}

describe('relations through dispatch', () => {
  it('creates, lists, updates and deletes relations, each change durable in relations.json', async () => {
    let notebook = await notebooks.open({ now: () => new Date('2026-03-01T10:00:00.000Z') });
    const h = await aHighlight(notebook);
    const created = await call(notebook, 'relations.create', { fromTagId: 'group:taliban', toTagId: 'group:al-qaeda', type: '  hosts ', highlightIds: [h, h], note: ' Since 1996 ' });
    expect(created).toEqual({
      id: expect.any(String),
      fromTagId: 'group:taliban',
      toTagId: 'group:al-qaeda',
      type: 'hosts',
      highlightIds: [h],
      note: 'Since 1996',
      created: '2026-03-01T10:00:00.000Z',
      modified: '2026-03-01T10:00:00.000Z',
    });
    const onDisk = JSON.parse(await readFile(join(notebooks.dataDir(), 'relations.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual({ schemaVersion: 1, relations: [created] });

    await notebook.close();
    notebook = await notebooks.open({ now: () => new Date('2026-03-02T10:00:00.000Z') });
    expect(await call(notebook, 'relations.list', {})).toEqual([created]);

    const updated = await call(notebook, 'relations.update', { relationId: created.id, type: 'allied with' });
    expect(updated).toEqual({ ...created, type: 'allied with', modified: '2026-03-02T10:00:00.000Z' });
    expect(await call(notebook, 'relations.list', {})).toEqual([updated]);

    expect(await call(notebook, 'relations.delete', { relationId: created.id })).toEqual(updated);
    expect(await call(notebook, 'relations.list', {})).toEqual([]);
    expect(JSON.parse(await readFile(join(notebooks.dataDir(), 'relations.json'), 'utf8'))).toEqual({ schemaVersion: 1, relations: [] });
  });

  it('keeps a relation whose passage was deleted changeable, and leaves that passage off the chart', async () => {
    const notebook = await notebooks.open();
    const h = await aHighlight(notebook);
    const relation = await call(notebook, 'relations.create', { fromTagId: 'group:taliban', toTagId: 'group:ttp', type: 'split from', highlightIds: [h] });
    await call(notebook, 'highlights.delete', { highlightId: h });
    expect((await call(notebook, 'relations.update', { relationId: relation.id, note: 'Disputed' })).note).toBe('Disputed');
    const chart = await call(notebook, 'analysis.linkChart', {});
    expect(chart.edges).toEqual([{ kind: 'relation', id: relation.id, fromTagId: 'group:taliban', toTagId: 'group:ttp', type: 'split from', note: 'Disputed', passages: [] }]);
  });

  it('refuses relations that do not join two existing groups with existing passages, changing nothing', async () => {
    const notebook = await notebooks.open();
    const h = await aHighlight(notebook);
    const base = { fromTagId: 'group:taliban', toTagId: 'group:al-qaeda', type: 'rival of', highlightIds: [h] };
    const notAGroup = await callFails(notebook, 'relations.create', { ...base, toTagId: 'rec:r1' });
    expect(notAGroup.code).toBe('invalid-input');
    expect(notAGroup.message).toMatch(/is not a group/);
    expect(notAGroup.issues?.[0]).toMatch(/^toTagId: /);
    expect((await callFails(notebook, 'relations.create', { ...base, toTagId: 'group:taliban' })).code).toBe('invalid-input');
    expect((await callFails(notebook, 'relations.create', { ...base, fromTagId: 'group:nope' })).code).toBe('not-found');
    expect((await callFails(notebook, 'relations.create', { ...base, highlightIds: [h, 'no-such-highlight'] })).message).toMatch(/no-such-highlight/);
    expect((await callFails(notebook, 'relations.create', { ...base, highlightIds: [] })).code).toBe('invalid-input');
    expect((await callFails(notebook, 'relations.create', { ...base, type: '   ' })).code).toBe('invalid-input');
    expect((await callFails(notebook, 'relations.update', { relationId: 'nope', type: 'hosts' })).code).toBe('not-found');
    expect((await callFails(notebook, 'relations.delete', { relationId: 'nope' })).code).toBe('not-found');
    expect(await call(notebook, 'relations.list', {})).toEqual([]);
  });
});
