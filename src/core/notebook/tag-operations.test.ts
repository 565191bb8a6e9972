import { describe, expect, it } from 'vitest';
import { charOffset, familyId, highlightId, sourceId, tagId, textHash } from '../model/ids';
import type { Highlight, Tag, TagFamily } from '../model/highlight';
import { invertChangeSet } from './change-set';
import { History } from './history';
import { planFamilyDelete, planTagDelete, planTagMerge } from './tag-operations';

const now = '2026-11-22T18:00:00.000Z';
const groups: TagFamily = { id: familyId('groups'), name: 'Groups', kind: 'groups' };
const tag = (id: string, name: string, aliases: string[] = []): Tag => ({
  id: tagId(id), familyId: groups.id, name, color: '#c33', aliases, description: '', statedAt: null,
});
const highlight = (id: string, ...tags: string[]): Highlight => ({
  id: highlightId(id),
  target: {
    sourceId: sourceId('s'),
    quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: charOffset(0), end: charOffset(1) },
    textHash: textHash('h'),
  },
  color: null,
  tags: tags.map((t) => ({ tagId: tagId(t) })),
  comment: '',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
});

describe('tag operations', () => {
  const ttp = tag('ttp', 'TTP', ['Pakistani Taliban']);
  const tehrik = tag('tehrik', 'Tehrik-e Taliban Pakistan', ['Tahrir-e Taliban Pakistan']);
  const highlights = [highlight('a', 'ttp'), highlight('b', 'tehrik'), highlight('c', 'ttp', 'tehrik'), highlight('d')];

  it('deleting a tag untags its highlights and touches no other', () => {
    const change = planTagDelete(ttp, highlights, 'untag', now);
    expect(change.tags).toEqual([{ before: ttp, after: null }]);
    expect(change.highlights.map((c) => [c.before?.id, c.after?.tags.map((t) => t.tagId)])).toEqual([
      ['a', []],
      ['c', ['tehrik']],
    ]);
  });

  it('deleting a tag with its highlights deletes exactly the tagged ones', () => {
    const change = planTagDelete(ttp, highlights, 'delete-highlights', now);
    expect(change.highlights.map((c) => [c.before?.id, c.after])).toEqual([
      ['a', null],
      ['c', null],
    ]);
  });

  it('merging retags without duplicating and keeps names as aliases', () => {
    const change = planTagMerge(tehrik, ttp, highlights, now);
    const after = Object.fromEntries(change.highlights.map((c) => [c.before?.id, c.after?.tags.map((t) => t.tagId)]));
    expect(after).toEqual({ b: ['ttp'], c: ['ttp'] });
    expect(change.tags[0]?.after?.aliases).toEqual(['Pakistani Taliban', 'Tehrik-e Taliban Pakistan', 'Tahrir-e Taliban Pakistan']);
    expect(change.tags[1]).toEqual({ before: tehrik, after: null });
  });

  it('deleting a family removes its tags and untags their highlights', () => {
    const change = planFamilyDelete(groups, [ttp, tehrik], highlights, 'untag', now);
    expect(change.tags).toHaveLength(2);
    expect(change.highlights.map((c) => c.after?.tags.length)).toEqual([0, 0, 0]);
  });

  it('undo yields the exact inverse, redo the original', () => {
    const history = new History();
    const change = planTagMerge(tehrik, ttp, highlights, now);
    history.record(change);
    expect(history.state()).toEqual({ undoLabel: 'Merge “Tehrik-e Taliban Pakistan” into “TTP”', redoLabel: null });
    expect(history.peekUndo()).toEqual(invertChangeSet(change));
    history.commitUndo();
    expect(history.peekRedo()).toEqual(change);
    history.commitRedo();
    expect(history.state().redoLabel).toBeNull();
  });

  it('an undo that was not committed leaves the history unchanged', () => {
    const history = new History();
    history.record(planTagDelete(ttp, highlights, 'untag', now));
    history.peekUndo();
    expect(history.state().undoLabel).toBe('Delete tag “TTP”');
  });
});
