import { describe, expect, it } from 'vitest';
import { cooccurrence, type CooccurrenceMatrix, type CooccurrenceScope } from './cooccurrence';
import { passage, tag } from './test-passages';

const A = tag('group:taliban', 'Taliban');
const B = tag('group:al-qaeda', 'Al Qaeda');
const C = tag('group:ttp', 'TTP');
const D = tag('group:hamas', 'Hamas');

/*
 * Source s1:  h1 [0,10) ¶0 A B   h2 [5,15) ¶0 C   h3 [20,30) ¶1 A   h4 [30,40) ¶1 B (touches h3, no overlap)
 * Source s2:  h5 [0,10) ¶0 A C   h7 [50,60) ¶3 A   h6 orphan B C
 * Occurrences: A in 4 places in every scope (h1, h3, h5, h7), B in 3, C in 3.
 */
const passages = [
  passage('h1', { source: 's1', at: [0, 10], blocks: [0], tags: ['group:taliban', 'group:al-qaeda'] }),
  passage('h2', { source: 's1', at: [5, 15], blocks: [0], tags: ['group:ttp'] }),
  passage('h3', { source: 's1', at: [20, 30], blocks: [1], tags: ['group:taliban'] }),
  passage('h4', { source: 's1', at: [30, 40], blocks: [1], tags: ['group:al-qaeda'] }),
  passage('h5', { source: 's2', at: [0, 10], blocks: [0], tags: ['group:taliban', 'group:ttp'] }),
  passage('h6', { source: 's2', tags: ['group:al-qaeda', 'group:ttp'] }),
  passage('h7', { source: 's2', at: [50, 60], blocks: [3], tags: ['group:taliban', 'rec:r1'] }),
];

/** [count, coefficient to 4 places, highlight ids] of cell (i, j). */
function cell(matrix: CooccurrenceMatrix, i: number, j: number): [number, number, string] {
  const c = matrix.cells[i]?.[j];
  if (c === undefined) throw new Error(`no cell ${i},${j}`);
  return [c.count, Number(c.coefficient.toFixed(4)), c.highlightIds.join(' ')];
}

const run = (scope: CooccurrenceScope) => cooccurrence([A, B, C, D], passages, scope);

describe('cooccurrence', () => {
  it('counts tags on the same highlight: c = n12 / (n1 + n2 − n12)', () => {
    const m = run('highlight');
    expect(cell(m, 0, 1)).toEqual([1, Number((1 / 6).toFixed(4)), 'h1']); // 1 / (4 + 3 − 1)
    expect(cell(m, 0, 2)).toEqual([1, Number((1 / 6).toFixed(4)), 'h5']);
    expect(cell(m, 1, 2)).toEqual([1, 0.2, 'h6']); // 1 / (3 + 3 − 1)
    expect(cell(m, 0, 0)).toEqual([4, 1, 'h1 h3 h5 h7']);
  });

  it('counts a run of overlapping highlights of one source as one place, not highlights that only touch', () => {
    const m = run('overlap');
    expect(cell(m, 0, 1)).toEqual([1, Number((1 / 6).toFixed(4)), 'h1']); // only the run h1+h2; h3 and h4 touch
    expect(cell(m, 0, 2)).toEqual([2, 0.4, 'h1 h2 h5']); // run h1+h2, and h5: 2 / (4 + 3 − 2)
    expect(cell(m, 1, 2)).toEqual([2, 0.5, 'h1 h2 h6']); // run h1+h2, and the orphan h6 on its own: 2 / (3 + 3 − 2)
  });

  it('counts the blocks of a source holding both tags, an orphan being a place of its own', () => {
    const m = run('paragraph');
    expect(cell(m, 0, 1)).toEqual([2, 0.4, 'h1 h3 h4']); // ¶0 and ¶1 of s1: 2 / (4 + 3 − 2)
    expect(cell(m, 0, 2)).toEqual([2, 0.4, 'h1 h2 h5']);
    expect(cell(m, 1, 2)).toEqual([2, 0.5, 'h1 h2 h6']);
  });

  it('is symmetric, and gives a tag that occurs nowhere zeros', () => {
    for (const scope of ['highlight', 'overlap', 'paragraph'] as const) {
      const m = run(scope);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(cell(m, i, j)).toEqual(cell(m, j, i));
      expect([0, 1, 2, 3].map((j) => cell(m, 3, j))).toEqual([0, 1, 2, 3].map(() => [0, 0, '']));
    }
  });

  it('lets a highlight spanning two blocks meet the tags of both', () => {
    const spanning = [
      passage('x', { at: [0, 50], blocks: [1, 2], tags: ['group:taliban'] }),
      passage('y', { at: [60, 70], blocks: [2], tags: ['group:ttp'] }),
      passage('z', { at: [5, 8], blocks: [1], tags: ['group:ttp'] }),
    ];
    const m = cooccurrence([A, C], spanning, 'paragraph');
    // A in ¶1 and ¶2, C in ¶1 and ¶2: both blocks shared, c = 2 / (2 + 2 − 2).
    expect(cell(m, 0, 1)).toEqual([2, 1, 'x y z']);
  });
});
