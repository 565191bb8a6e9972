import { describe, expect, it } from 'vitest';
import { charOffset, sourceId, type SourceId } from '../../core/model/ids';
import type { PassageHit, SourceHits } from '../../core/search/search-types';
import { resultRows, type ResultRow } from './result-rows';

const passage = (start: number, text: string): PassageHit => ({
  start: charOffset(start),
  end: charOffset(start + text.length),
  score: 1,
  hits: [],
  snippet: { text, start: charOffset(start), highlights: [], clippedStart: false, clippedEnd: false },
});
const source = (id: string, hitCount: number): SourceHits => ({ sourceId: sourceId(id), hitCount, passageCount: hitCount, passages: [] });

const REPORT = sourceId('report');
const FIRST = sourceId('capture-1');
const SECOND = sourceId('capture-2');
const sources = [source('report', 3), source('capture-1', 2), source('capture-2', 2)];
const passages = new Map<SourceId, PassageHit[]>([
  [REPORT, [passage(10, 'ISKP in the report')]],
  [FIRST, [passage(0, 'IS-K is a common enemy'), passage(90, 'ISKP attacks')]],
  [SECOND, [passage(5, 'IS-K is a\ncommon enemy'), passage(300, 'only in the second copy, IS-K')]],
]);

const describeRows = (rows: ResultRow[]): string[] =>
  rows.map((row) =>
    row.kind === 'source'
      ? `# ${row.source.sourceId}${row.twins.map((twin) => ` +${twin.sourceId} (${twin.hitCount}${twin.samePassages ? ', same passages' : ''})`).join('')}`
      : `${row.sourceId}@${row.passage.start}${row.alsoIn.length > 0 ? ` also ${row.alsoIn.join(', ')}` : ''}${row.fromTwin ? ' (twin)' : ''}`,
  );

describe('resultRows', () => {
  it('lists each source’s heading, then its passages, in the order given', () => {
    expect(describeRows(resultRows(sources, passages, new Map()))).toEqual([
      '# report',
      'report@10',
      '# capture-1',
      'capture-1@0',
      'capture-1@90',
      '# capture-2',
      'capture-2@5',
      'capture-2@300',
    ]);
  });

  it('folds a twin into the group of the copy listed first, a shared passage once', () => {
    const twins = new Map([
      [FIRST, [{ twinId: SECOND, share: 1 }]],
      [SECOND, [{ twinId: FIRST, share: 1 }]],
    ]);
    expect(describeRows(resultRows(sources, passages, twins))).toEqual([
      '# report',
      'report@10',
      '# capture-1 +capture-2 (2)',
      'capture-1@0 also capture-2',
      'capture-1@90',
      'capture-2@300 (twin)',
    ]);
  });

  it('says once, in the heading, that the copies have the same passages', () => {
    const twins = new Map([[SECOND, [{ twinId: FIRST, share: 1 }]]]);
    const same = new Map(passages).set(SECOND, [passage(5, 'IS-K is a\ncommon enemy'), passage(95, 'ISKP attacks')]);
    expect(describeRows(resultRows(sources, same, twins)).slice(2)).toEqual(['# capture-1 +capture-2 (2, same passages)', 'capture-1@0', 'capture-1@90']);
  });
});
