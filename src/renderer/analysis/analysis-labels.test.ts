import { describe, expect, it } from 'vitest';
import type { ChartEdge } from '../../core/analysis/link-chart';
import { coefficientText, cooccurrenceCellLabel, edgeSentence, evidenceCellLabel, evidenceCellText } from './analysis-labels';

const cell = { supports: 2, contradicts: 0, context: 1, weight: 1.2, shade: 4 as const, highlightIds: [] };

describe('analysis labels', () => {
  it('names an evidence cell by its row, column and counts', () => {
    expect(evidenceCellLabel('R1', 'The New Jihadi Sphere', cell)).toBe('R1 in The New Jihadi Sphere: 2 supporting, 0 contradicting, 1 context');
    expect(evidenceCellText(cell)).toBe('2 / 0 / 1');
  });

  it('names a co-occurrence cell by its pair, places and coefficient', () => {
    expect(cooccurrenceCellLabel('Taliban', 'Al Qaeda', { count: 2, coefficient: 0.4, highlightIds: [] })).toBe('Taliban with Al Qaeda: together in 2 places, c = 0.40');
    expect(cooccurrenceCellLabel('Taliban', 'Taliban', { count: 1, coefficient: 1, highlightIds: [] })).toBe('Taliban: in 1 place');
    expect([coefficientText(0), coefficientText(1 / 3)]).toEqual(['', '0.33']);
  });

  it('says an edge of the link chart as a sentence', () => {
    const edge = { kind: 'co-occurrence', id: 'co', fromTagId: 'a', toTagId: 'b', count: 2, passages: [] } as unknown as ChartEdge;
    expect(edgeSentence('Taliban', 'Al Qaeda', edge)).toBe('Taliban and Al Qaeda in the same paragraph');
    expect(edgeSentence('Taliban', 'TTP', { ...edge, kind: 'relation', type: 'hosts', note: '' } as ChartEdge)).toBe('Taliban hosts TTP');
  });
});
