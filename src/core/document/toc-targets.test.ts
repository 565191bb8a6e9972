import { describe, expect, it } from 'vitest';
import type { DraftBlock } from './draft-block';
import { editDistance, resolveTocTargets } from './toc-targets';

const block = (kind: DraftBlock['kind'], text: string): DraftBlock => ({ kind, text, marks: [] });

describe('resolveTocTargets', () => {
  it('points entries at headings after the table, forgiving small spelling differences', () => {
    const blocks = [
      block('heading', 'Contents'),
      block('tocEntry', 'Executive Summmary'),
      block('tocEntry', 'Jihadi Relationships, Symbiosis'),
      block('tocEntry', 'A Way Forward: A Strategic Approach'),
      block('heading', 'Executive Summary'),
      block('heading', 'Jihadi Relationships: Symbiosis'),
      block('heading', 'Ways Forward: A Strategic Approach'),
    ];
    expect(resolveTocTargets(blocks).map((b) => b.target)).toEqual([undefined, 4, 5, 6, undefined, undefined, undefined]);
  });

  it('follows document order when two headings read the same', () => {
    const blocks = [
      block('heading', 'Analysis'),
      block('tocEntry', 'Summary'),
      block('tocEntry', 'Analysis'),
      block('heading', 'Summary'),
      block('heading', 'Analysis'),
    ];
    expect(resolveTocTargets(blocks).map((b) => b.target)).toEqual([undefined, 3, 4, undefined, undefined]);
  });

  it('gives no target to an entry with no heading close enough', () => {
    const blocks = [block('tocEntry', 'Methodology'), block('heading', 'Conclusion')];
    expect(resolveTocTargets(blocks)[0]!.target).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('summary', 'summmary', 5)).toBe(1);
    expect(editDistance('a way forward', 'ways forward', 5)).toBe(3);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('completely', 'different words', 2)).toBe(3);
  });
});
