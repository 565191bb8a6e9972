import { describe, expect, it } from 'vitest';
import { highlightId, type HighlightId } from '../../core/model/ids';
import type { PaneName } from '../panes/pane-layout';
import { MemoPanes, type MemoCiter } from './memo-panes';

const citer = (cited: HighlightId[]): MemoCiter => ({ cite: (id) => cited.push(id) });

describe('MemoPanes', () => {
  it('cites in the memos beside the highlight’s pane, else in the pane’s own', () => {
    const shown: PaneName[] = [];
    const memoPanes = new MemoPanes((pane) => shown.push(pane));
    const left: HighlightId[] = [];
    const right: HighlightId[] = [];
    memoPanes.register('first', citer(left));
    const closeRight = memoPanes.register('second', citer(right));
    memoPanes.cite('first', highlightId('h1'));
    memoPanes.cite('second', highlightId('h2'));
    expect(left).toEqual(['h2']);
    expect(right).toEqual(['h1']);
    closeRight();
    memoPanes.cite('first', highlightId('h3'));
    expect(left).toEqual(['h2', 'h3']);
    expect(shown).toEqual([]);
  });

  it('opens the memos beside the highlight when none are shown, and cites there once they are', () => {
    const shown: PaneName[] = [];
    const memoPanes = new MemoPanes((pane) => shown.push(pane));
    memoPanes.cite('first', highlightId('h1'));
    expect(shown).toEqual(['second']);
    const elsewhere: HighlightId[] = [];
    memoPanes.register('first', citer(elsewhere));
    expect(elsewhere).toEqual([]);
    const beside: HighlightId[] = [];
    memoPanes.register('second', citer(beside));
    expect(beside).toEqual(['h1']);
    memoPanes.register('second', citer(beside));
    expect(beside).toEqual(['h1']);
  });

  it('forgets a pane only when the memos it shows are the ones that left', () => {
    const memoPanes = new MemoPanes(() => undefined);
    const before: HighlightId[] = [];
    const after: HighlightId[] = [];
    const closeBefore = memoPanes.register('second', citer(before));
    memoPanes.register('second', citer(after));
    closeBefore();
    memoPanes.cite('first', highlightId('h1'));
    expect(after).toEqual(['h1']);
    expect(before).toEqual([]);
  });
});
