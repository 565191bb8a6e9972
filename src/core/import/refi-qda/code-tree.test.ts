import { describe, expect, it } from 'vitest';
import { planCodeTree, refiColor } from './code-tree';
import type { RefiCode } from './refi-project';

const code = (guid: string, name: string, children: RefiCode[] = [], color: string | null = null): RefiCode => ({ guid, name, color, isCodable: true, description: '', children });

describe('planCodeTree', () => {
  it('makes a family of each top-level code and tags of its descendants by path, merging codes of the same place', () => {
    const codes = [
      code('a', 'Actors', [code('t', 'Taliban', [code('h', 'Haqqani network')])]),
      code('a2', 'actors', [code('t2', 'TALIBAN')]),
      code('f', 'Follow up'),
      code('c', 'Coded', [code('x', 'X')]),
      { ...code('e', 'Empty family'), isCodable: false },
    ];
    expect(planCodeTree(codes, new Set(['c']))).toEqual([
      {
        name: 'Actors',
        tags: [
          { name: 'Taliban', color: null, description: '', codeGuids: ['t', 't2'] },
          { name: 'Taliban › Haqqani network', color: null, description: '', codeGuids: ['h'] },
        ],
      },
      { name: 'Follow up', tags: [{ name: 'Follow up', color: null, description: '', codeGuids: ['f'] }] },
      {
        name: 'Coded',
        tags: [
          { name: 'Coded', color: null, description: '', codeGuids: ['c'] },
          { name: 'X', color: null, description: '', codeGuids: ['x'] },
        ],
      },
      { name: 'Empty family', tags: [] },
    ]);
  });

  it('shortens names past 120 characters', () => {
    const [family] = planCodeTree([code('a', 'A'.repeat(200))], new Set());
    expect(family?.name).toHaveLength(120);
    expect(family?.name.endsWith('…')).toBe(true);
  });
});

describe('refiColor', () => {
  it('reads the colours tools write, and gives up on the rest', () => {
    expect(refiColor('#1F6FEB')).toBe('#1f6feb');
    expect(refiColor('#c33')).toBe('#cc3333');
    expect(refiColor('#AABBCCDD')).toBe('#aabbcc');
    expect(refiColor('2e7d32')).toBe('#2e7d32');
    expect(refiColor('purple')).toBeNull();
    expect(refiColor(null)).toBeNull();
  });
});
