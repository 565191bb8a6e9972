import { describe, expect, it } from 'vitest';
import { charOffset, memoId, sourceId, tagId } from '../../core/model/ids';
import type { PaneLayout, PaneView } from '../../shared/api-contract';
import { INITIAL_LAYOUT, MAX_SPLIT, MIN_SPLIT, paneForSearch, replacesMemo, sameView, splitAtPointer, splitForKey, swapped, withFirst, withOffset, withoutSecond, withSecond } from './pane-layout';

const report: PaneView = { kind: 'source', sourceId: sourceId('report'), offset: null };
const news: PaneView = { kind: 'source', sourceId: sourceId('news'), offset: charOffset(120) };

describe('the divider', () => {
  it('moves a step for an arrow key, further for Page Up and Down, and to either end for Home and End', () => {
    expect(splitForKey(0.5, 'ArrowRight')).toBeCloseTo(0.55);
    expect(splitForKey(0.5, 'ArrowUp')).toBeCloseTo(0.55);
    expect(splitForKey(0.5, 'ArrowLeft')).toBeCloseTo(0.45);
    expect(splitForKey(0.5, 'PageUp')).toBeCloseTo(0.7);
    expect(splitForKey(0.5, 'PageDown')).toBeCloseTo(0.3);
    expect(splitForKey(0.5, 'Home')).toBe(MIN_SPLIT);
    expect(splitForKey(0.5, 'End')).toBe(MAX_SPLIT);
    expect(splitForKey(0.5, 'Enter')).toBeNull();
  });

  it('never leaves a pane narrower than a fifth of the area', () => {
    expect(splitForKey(0.78, 'ArrowRight')).toBe(MAX_SPLIT);
    expect(splitForKey(0.21, 'PageDown')).toBe(MIN_SPLIT);
    expect(splitAtPointer(110, 100, 1000)).toBe(MIN_SPLIT);
    expect(splitAtPointer(700, 100, 1000)).toBeCloseTo(0.6);
    expect(splitAtPointer(700, 100, 0)).toBe(0.5);
  });
});

describe('the panes', () => {
  const both: PaneLayout = { first: report, second: news, split: 0.6, focused: 'first' };

  it('open a view to the side, which takes the focus, and close it again', () => {
    const opened = withSecond(withFirst(INITIAL_LAYOUT, report), news);
    expect(opened).toEqual({ first: report, second: news, split: 0.5, focused: 'second' });
    expect(withoutSecond(opened)).toEqual({ first: report, second: null, split: 0.5, focused: 'first' });
  });

  it('swap their views, the focus going along with its view', () => {
    expect(swapped(both)).toEqual({ first: news, second: report, split: 0.6, focused: 'second' });
    expect(swapped(swapped(both))).toEqual(both);
  });

  it('keep a pane’s scroll while it shows the same source, and forget it for another', () => {
    const scrolled = withOffset(both, 'first', charOffset(4000));
    expect(scrolled.first).toEqual({ ...report, offset: 4000 });
    expect(withFirst(scrolled, { ...report, offset: null })).toBe(scrolled);
    expect(withFirst(scrolled, news).first).toEqual(news);
    expect(withOffset(INITIAL_LAYOUT, 'second', charOffset(5))).toBe(INITIAL_LAYOUT);
    expect(sameView(report, { ...report, offset: charOffset(9) })).toBe(true);
    expect(sameView(report, null)).toBe(false);
  });

  it('tell memos and tag views apart by what they show, and keep no scroll for them', () => {
    const memo: PaneView = { kind: 'memo', memoId: memoId('m1') };
    const memos: PaneView = { kind: 'memo', memoId: null };
    const tag: PaneView = { kind: 'tag', tagId: tagId('group:ttp') };
    expect(sameView(memo, { kind: 'memo', memoId: memoId('m1') })).toBe(true);
    expect(sameView(memo, memos)).toBe(false);
    expect(sameView(memo, { kind: 'memo', memoId: memoId('m2') })).toBe(false);
    expect(sameView(tag, { kind: 'tag', tagId: tagId('group:ttp') })).toBe(true);
    expect(sameView(tag, { kind: 'tag', tagId: null })).toBe(false);
    expect(sameView({ kind: 'tag', tagId: tagId('x') }, { kind: 'source', sourceId: sourceId('x'), offset: null })).toBe(false);
    const beside: PaneLayout = { first: report, second: memo, split: 0.5, focused: 'first' };
    expect(withOffset(beside, 'second', charOffset(40))).toBe(beside);
    expect(withFirst(beside, tag)).toEqual({ ...beside, first: tag });
    expect(swapped(beside)).toEqual({ first: memo, second: report, split: 0.5, focused: 'second' });
  });

  it('open the search view where one is, else in an empty left pane, else beside the left one', () => {
    const report: PaneView = { kind: 'source', sourceId: sourceId('004'), offset: null };
    const search: PaneView = { kind: 'search', query: 'ISKP' };
    expect(paneForSearch(INITIAL_LAYOUT)).toBe('first');
    expect(paneForSearch({ ...INITIAL_LAYOUT, first: report })).toBe('second');
    expect(paneForSearch({ ...INITIAL_LAYOUT, first: search, second: report })).toBe('first');
    expect(paneForSearch({ ...INITIAL_LAYOUT, first: report, second: search })).toBe('second');
    expect(sameView(search, { kind: 'search', query: 'ISKP' })).toBe(true);
    expect(sameView(search, { kind: 'search', query: 'TTP' })).toBe(false);
  });
});

describe('a memo open in a pane', () => {
  const memo: PaneView = { kind: 'memo', memoId: memoId('m1') };
  const layout: PaneLayout = { ...INITIAL_LAYOUT, first: report, second: memo };

  it('is put away only after asking, when another view would take its place', () => {
    expect(replacesMemo(layout, 'second', news)).toBe(true);
    expect(replacesMemo(layout, 'second', { kind: 'memo', memoId: memoId('m2') })).toBe(true);
    expect(replacesMemo(layout, 'second', { kind: 'tag', tagId: null })).toBe(true);
  });

  it('is not asked about when it stays, when the pane shows no memo, or only the list of memos', () => {
    expect(replacesMemo(layout, 'second', { kind: 'memo', memoId: memoId('m1') })).toBe(false);
    expect(replacesMemo(layout, 'first', news)).toBe(false);
    expect(replacesMemo({ ...layout, second: { kind: 'memo', memoId: null } }, 'second', news)).toBe(false);
    expect(replacesMemo({ ...layout, second: null }, 'second', news)).toBe(false);
  });
});
