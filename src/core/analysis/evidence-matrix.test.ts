import { describe, expect, it } from 'vitest';
import { sourceId } from '../model/ids';
import { evidenceMatrix, shadeOf } from './evidence-matrix';
import { passage, tag } from './test-passages';

const r1 = tag('rec:r1', 'R1', 'family:recommendations');
const r2 = tag('rec:r2', 'R2', 'family:recommendations');
const taliban = tag('group:taliban', 'Taliban');
const ttp = tag('group:ttp', 'TTP');
const sources = [
  { id: sourceId('s1'), title: 'Report' },
  { id: sourceId('s2'), title: 'News' },
];

// Weights by gradeWeight (reliability × credibility): B2 0.85 × 0.85 = 0.7225; B ungraded 0.85 × 0.6 = 0.51;
// B1 0.85 × 1 = 0.85; ungraded source, credibility 3: 0.6 × 0.7 = 0.42.
const passages = [
  passage('h1', { source: 's1', tags: [['rec:r1', 'supports'], 'group:taliban'], reliability: 'B', credibility: 2 }),
  passage('h2', { source: 's1', tags: [['rec:r1', 'contradicts']], reliability: 'B' }),
  passage('h3', { source: 's1', tags: ['rec:r1', ['rec:r2', 'supports'], 'group:taliban', 'group:ttp'], reliability: 'B', credibility: 1 }),
  passage('h4', { source: 's2', tags: [['rec:r1', 'context'], 'group:ttp'], credibility: 3 }),
  passage('h5', { source: 's2', tags: ['group:taliban'], reliability: 'A', credibility: 1 }),
];

describe('evidenceMatrix', () => {
  it('counts each row tag’s passages per source by stance, a passage without a stance as context, with grade weights and shades', () => {
    const matrix = evidenceMatrix([r1, r2], { kind: 'sources', sources }, passages);
    expect(matrix.rows).toEqual([
      { id: 'rec:r1', label: 'R1' },
      { id: 'rec:r2', label: 'R2' },
    ]);
    expect(matrix.columns).toEqual([
      { id: 's1', label: 'Report' },
      { id: 's2', label: 'News' },
    ]);
    const [[r1s1, r1s2], [r2s1, r2s2]] = matrix.cells as [[unknown, unknown], [unknown, unknown]];
    // Heaviest cell: 0.7225 + 0.51 + 0.85 = 2.0825.
    expect(r1s1).toEqual({ supports: 1, contradicts: 1, context: 1, weight: expect.closeTo(2.0825, 10), shade: 4, highlightIds: ['h1', 'h2', 'h3'] });
    // 4 × 0.42 / 2.0825 = 0.81 → 1.
    expect(r1s2).toEqual({ supports: 0, contradicts: 0, context: 1, weight: expect.closeTo(0.42, 10), shade: 1, highlightIds: ['h4'] });
    // 4 × 0.85 / 2.0825 = 1.63 → 2.
    expect(r2s1).toEqual({ supports: 1, contradicts: 0, context: 0, weight: expect.closeTo(0.85, 10), shade: 2, highlightIds: ['h3'] });
    expect(r2s2).toEqual({ supports: 0, contradicts: 0, context: 0, weight: 0, shade: 0, highlightIds: [] });
  });

  it('puts a passage under every column tag it carries when the columns are another family', () => {
    const matrix = evidenceMatrix([r1, r2], { kind: 'tags', tags: [taliban, ttp] }, passages);
    expect(matrix.columnKind).toBe('tags');
    expect(matrix.columns.map((c) => c.label)).toEqual(['Taliban', 'TTP']);
    const summary = matrix.cells.map((row) => row.map((c) => [c.supports, c.contradicts, c.context, Number(c.weight.toFixed(4)), c.shade, c.highlightIds.join(' ')]));
    expect(summary).toEqual([
      // R1 × Taliban: h1 supports, h3 without stance: 0.7225 + 0.85 = 1.5725 (the heaviest).
      // R1 × TTP: h3, h4 context: 0.85 + 0.42 = 1.27, 4 × 1.27 / 1.5725 = 3.23 → 4.
      [
        [1, 0, 1, 1.5725, 4, 'h1 h3'],
        [0, 0, 2, 1.27, 4, 'h3 h4'],
      ],
      // R2 × either: h3 supports, 4 × 0.85 / 1.5725 = 2.16 → 3.
      [
        [1, 0, 0, 0.85, 3, 'h3'],
        [1, 0, 0, 0.85, 3, 'h3'],
      ],
    ]);
  });

  it('shades an empty matrix 0 throughout', () => {
    const matrix = evidenceMatrix([r1], { kind: 'sources', sources }, []);
    expect(matrix.cells[0]?.map((c) => c.shade)).toEqual([0, 0]);
  });
});

describe('shadeOf', () => {
  it('gives quarters of the heaviest weight, rounded up', () => {
    expect([0, 1, 1.01, 2, 3.5, 4].map((w) => shadeOf(w, 4))).toEqual([0, 1, 2, 2, 4, 4]);
    expect(shadeOf(0.3, 0)).toBe(0);
  });
});
