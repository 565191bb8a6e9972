import { describe, expect, it } from 'vitest';
import { charOffset } from '../model/ids';
import type { Block, BlockKind } from '../model/source';
import { passageRoleAt } from './passage-role';

const block = (kind: BlockKind, start: number, end: number, trailer = false): Block => ({
  kind,
  range: { start: charOffset(start), end: charOffset(end) },
  marks: [],
  ...(trailer ? { trailer } : {}),
});

describe('passageRoleAt', () => {
  const blocks = [block('tocEntry', 0, 10), block('paragraph', 12, 40), block('note', 40, 60), block('reference', 61, 80), block('listItem', 90, 100, true)];

  it('gives the role of the block holding the passage start', () => {
    expect([0, 9, 12, 39, 40, 61, 95].map((offset) => passageRoleAt(blocks, offset))).toEqual(['contents', 'contents', 'body', 'body', 'notes', 'references', 'links']);
  });

  it('takes text between or after blocks, and a source without blocks, as body text', () => {
    expect(passageRoleAt(blocks, 10)).toBe('body');
    expect(passageRoleAt(blocks, 85)).toBe('body');
    expect(passageRoleAt(blocks, 500)).toBe('body');
    expect(passageRoleAt([], 3)).toBe('body');
  });
});
