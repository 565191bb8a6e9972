import { describe, expect, it } from 'vitest';
import { highlightId, relationId, sourceId, tagId } from '../model/ids';
import { cooccurrenceCsv, evidenceMatrixCsv, linkEdgesCsv } from './analysis-csv';
import { cooccurrence } from './cooccurrence';
import { evidenceMatrix } from './evidence-matrix';
import { linkChart } from './link-chart';
import { passage, tag } from './test-passages';

const lines = (csv: string): string[] => csv.replace(/^\uFEFF/, '').split('\r\n');

const taliban = tag('group:taliban', 'Taliban');
const ttp = tag('group:ttp', 'TTP');
const r1 = tag('rec:r1', '=R1, "engage"', 'family:recommendations');
const passages = [
  passage('h1', { source: 's1', at: [0, 10], blocks: [0], tags: [['rec:r1', 'supports'], 'group:taliban', 'group:ttp'], reliability: 'A', credibility: 1 }),
  passage('h2', { source: 's1', at: [20, 30], blocks: [1], tags: [['rec:r1', 'contradicts'], 'group:taliban'], reliability: 'A', credibility: 5 }),
];

describe('analysis CSV', () => {
  it('writes the evidence matrix a cell per record, names made inert and quoted', () => {
    const csv = evidenceMatrixCsv(evidenceMatrix([r1], { kind: 'sources', sources: [{ id: sourceId('s1'), title: 'Report' }] }, passages));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // 1 × 1 (A1) + 1 × 0.3 (A5) = 1.3
    expect(lines(csv)).toEqual(['row,column,supports,contradicts,context,passages,weight', `"'=R1, ""engage""",Report,1,1,0,2,1.3000`, '']);
  });

  it('writes each pair of tags once with their places and c-coefficient', () => {
    const csv = cooccurrenceCsv(cooccurrence([taliban, ttp], passages, 'highlight'));
    // Taliban on h1 and h2, TTP on h1: together once, c = 1 / (2 + 1 − 1).
    expect(lines(csv)).toEqual(['tag,other tag,tag places,other tag places,together,c-coefficient', 'Taliban,TTP,2,1,1,0.5000', '']);
  });

  it('writes every edge of the link chart with its passages’ grade marks', () => {
    const stamp = '2026-01-01T00:00:00.000Z';
    const relation = { id: relationId('r'), fromTagId: tagId('group:ttp'), toTagId: tagId('group:taliban'), type: 'split from', highlightIds: [highlightId('h1'), highlightId('h2')], note: 'In 2007', created: stamp, modified: stamp };
    const csv = linkEdgesCsv(linkChart([taliban, ttp], [...passages, passage('h3', { tags: ['group:taliban'] })], [relation]));
    expect(lines(csv)).toEqual([
      'from,to,kind,type,passages,grades,note',
      'Taliban,TTP,co-occurrence,same paragraph,1,A1,',
      'TTP,Taliban,relation,split from,2,A1; A5,In 2007',
      '',
    ]);
  });
});
