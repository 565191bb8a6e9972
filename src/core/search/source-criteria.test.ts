import { describe, expect, it } from 'vitest';
import { sourceId } from '../model/ids';
import { meetsSourceCriteria, type SourceCriteria, type SourceFacts } from './source-criteria';

const report: SourceFacts = { id: sourceId('report'), kind: 'report', format: null, isoDate: '2025-01' };
const pdf: SourceFacts = { id: sourceId('brief'), kind: 'document', format: 'pdf', isoDate: '2023-09-11' };
const undated: SourceFacts = { id: sourceId('note'), kind: 'document', format: 'text', isoDate: null };
const admitted = (criteria: SourceCriteria): string[] => [report, pdf, undated].filter((source) => meetsSourceCriteria(source, criteria)).map((source) => source.id);

describe('meetsSourceCriteria', () => {
  it('admits every source without criteria', () => {
    expect(admitted({})).toEqual(['report', 'brief', 'note']);
  });

  it('admits chosen sources, kinds and file formats', () => {
    expect(admitted({ sourceIds: [sourceId('brief'), sourceId('note')] })).toEqual(['brief', 'note']);
    expect(admitted({ kinds: ['report'] })).toEqual(['report']);
    expect(admitted({ formats: ['pdf', 'text'] })).toEqual(['brief', 'note']);
    expect(admitted({ kinds: ['document'], formats: ['pdf'] })).toEqual(['brief']);
  });

  it('admits a source whose date, as precise as it is, falls in the range; never an undated one', () => {
    expect(admitted({ from: '2025-01-20' })).toEqual(['report']);
    expect(admitted({ to: '2025-01-01' })).toEqual(['report', 'brief']);
    expect(admitted({ to: '2024-12-31' })).toEqual(['brief']);
    expect(admitted({ from: '2023', to: '2023' })).toEqual(['brief']);
    expect(admitted({ from: '2023-09-12', to: '2024-12' })).toEqual([]);
  });
});
