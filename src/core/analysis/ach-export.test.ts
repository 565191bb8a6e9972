import { describe, expect, it } from 'vitest';
import { checkMemoDoc, memoCitations } from '../memo/memo-schema';
import type { AchBoard } from '../model/ach';
import { achBoardId, highlightId, sourceId } from '../model/ids';
import { scoreBoard } from './ach';
import { achCsv, achMemoDoc, achMemoTitle, formatScore, type EvidencePassage } from './ach-export';

const BOARD: AchBoard = {
  id: achBoardId('b'),
  question: '',
  hypotheses: [
    { id: 'h1', label: 'H1', text: 'The TTP, again' },
    { id: 'h2', label: 'H2', text: 'ISKP' },
  ],
  evidence: [
    { id: 'e1', highlightId: highlightId('a'), note: 'Second-hand' },
    { id: 'e2', highlightId: highlightId('gone') },
  ],
  ratings: { 'e1:h1': { rating: 'I', note: 'Wrong "district"' }, 'e1:h2': { rating: 'CC' }, 'e2:h2': { rating: 'N' } },
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
};

const PASSAGES: Readonly<Record<string, EvidencePassage>> = {
  e1: { quote: '=HYPERLINK("x")', sourceTitle: 'Report, 2024', location: '¶ 2', mark: 'B2', citation: { highlightId: highlightId('a'), display: 'inline', quote: '=HYPERLINK("x")', sourceId: sourceId('r') } },
  e2: { quote: null, sourceTitle: null, location: null, mark: null, citation: null },
};
const passage = (id: string): EvidencePassage => PASSAGES[id] ?? { quote: null, sourceTitle: null, location: null, mark: null, citation: null };

describe('achCsv', () => {
  it('quotes cells with commas and quotes, makes formulas inert, and puts the scores under the hypotheses', () => {
    const csv = achCsv(BOARD, scoreBoard(BOARD, new Map()), passage);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFEvidence,Quote,Source,Location,Grade,Weight,Diagnosticity,Note,"H1: The TTP, again",H2: ISKP',
      `E1,"'=HYPERLINK(""x"")","Report, 2024",¶ 2,B2,0.36,3,Second-hand,"I: Wrong ""district""",CC`,
      'E2,,,,,0.36,0,,,N',
      // H1: I on an ungraded row, .36; H2: CC on it, 2 × .36.
      'Inconsistency,,,,,,,,0.36,0.00',
      'Consistency,,,,,,,,0.00,0.72',
      'Rank,,,,,,,,2,1',
      '',
    ]);
  });
});

describe('achMemoDoc', () => {
  it('makes a memo body Notebook accepts, citing live passages and quoting deleted ones as text', () => {
    const doc = achMemoDoc(BOARD, scoreBoard(BOARD, new Map()), passage);
    expect(checkMemoDoc(doc)).toEqual([]);
    expect(doc.content?.[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Untitled question' }] });
    expect(memoCitations(doc).map((c) => c.highlightId)).toEqual(['a']);
    const rows = JSON.stringify(doc.content?.slice(-2));
    expect(rows).toContain('(H1 I, H2 CC; diagnosticity 3; Second-hand):');
    expect(rows).toContain('(H1 –, H2 N; diagnosticity 0):');
    expect(rows).toContain('the highlighted passage was deleted');
    expect(achMemoTitle(BOARD)).toBe('Competing hypotheses: Untitled question');
    expect(achMemoTitle({ ...BOARD, question: 'q'.repeat(400) })).toHaveLength(300);
  });
});

describe('formatScore', () => {
  it('rounds half up on the decimal value, not its binary neighbour', () => {
    expect([formatScore(1 + 0.85 * 0.7), formatScore(0), formatScore(1.0225), formatScore(2.005)]).toEqual(['1.60', '0.00', '1.02', '2.01']);
  });
});
