import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import type { Block, BlockKind } from '../../core/model/source';
import { groupBlocks, trailerStart } from './block-groups';

const block = (kind: BlockKind, trailer = false, start = 0): Block => ({
  kind,
  range: { start: charOffset(start), end: charOffset(start + 1) },
  marks: [],
  ...(trailer ? { trailer } : {}),
});

describe('groupBlocks', () => {
  it('is empty for a source without blocks', () => {
    expect(groupBlocks([])).toEqual([]);
  });

  it('gathers each run of list items into one list', () => {
    const blocks = [block('heading'), block('listItem'), block('listItem'), block('paragraph'), block('listItem')];
    expect(groupBlocks(blocks)).toEqual([
      { kind: 'block', index: 0 },
      { kind: 'list', indices: [1, 2] },
      { kind: 'block', index: 3 },
      { kind: 'list', indices: [4] },
    ]);
  });

  it('sets the trailing blocks apart, with their own lists', () => {
    const blocks = [block('paragraph'), block('listItem'), block('paragraph', true), block('listItem', true), block('listItem', true)];
    expect(groupBlocks(blocks)).toEqual([
      { kind: 'block', index: 0 },
      { kind: 'list', indices: [1] },
      {
        kind: 'trailer',
        groups: [
          { kind: 'block', index: 2 },
          { kind: 'list', indices: [3, 4] },
        ],
      },
    ]);
  });

  it('never joins a list across the start of the trailer', () => {
    const groups = groupBlocks([block('listItem'), block('listItem', true)]);
    expect(groups).toEqual([
      { kind: 'list', indices: [0] },
      { kind: 'trailer', groups: [{ kind: 'list', indices: [1] }] },
    ]);
  });

  it('gathers each run of table-of-contents entries, apart from lists', () => {
    const blocks = [block('heading'), block('tocEntry'), block('tocEntry'), block('listItem'), block('tocEntry')];
    expect(groupBlocks(blocks)).toEqual([
      { kind: 'block', index: 0 },
      { kind: 'toc', indices: [1, 2] },
      { kind: 'list', indices: [3] },
      { kind: 'toc', indices: [4] },
    ]);
  });
});

describe('trailerStart', () => {
  it('is the start of the first trailer block', () => {
    expect(trailerStart([block('paragraph', false, 0), block('listItem', true, 40), block('listItem', true, 90)])).toBe(40);
  });

  it('is null without a trailer', () => {
    expect(trailerStart([block('paragraph')])).toBeNull();
  });
});
