import { describe, expect, it } from 'vitest';
import { highlightId } from '../model/ids';
import { addEvidence, addHypothesis, checkBoardContent, editHypothesis, removeEvidence, removeHypothesis, setCellNote, setEvidenceNote, setRating, type AchContent } from './ach-board';

const EMPTY: AchContent = { question: 'Q', hypotheses: [], evidence: [], ratings: {} };
const [a, b, c] = [highlightId('a'), highlightId('b'), highlightId('c')];

function filled(): AchContent {
  let board = addHypothesis(addHypothesis(EMPTY, 'First'), 'Second');
  board = addEvidence(board, [a, b]);
  board = setRating(board, 'e1', 'h1', 'I');
  board = setRating(board, 'e1', 'h2', 'C');
  return setRating(board, 'e2', 'h2', 'II');
}

describe('board changes', () => {
  it('labels hypotheses H1, H2… and keeps labels when one is removed', () => {
    let board = addHypothesis(addHypothesis(addHypothesis(EMPTY, 'One'), 'Two'), 'Three');
    expect(board.hypotheses.map((h) => [h.id, h.label, h.text])).toEqual([
      ['h1', 'H1', 'One'],
      ['h2', 'H2', 'Two'],
      ['h3', 'H3', 'Three'],
    ]);
    board = addHypothesis(removeHypothesis(board, 'h2'), 'Four');
    expect(board.hypotheses.map((h) => h.label)).toEqual(['H1', 'H3', 'H4']);
    expect(editHypothesis(board, 'h3', 'Changed').hypotheses[1]?.text).toBe('Changed');
  });

  it('adds a row per new passage, skipping those on the board already', () => {
    const board = addEvidence(addEvidence(EMPTY, [a, b]), [b, c, c]);
    expect(board.evidence).toEqual([
      { id: 'e1', highlightId: a },
      { id: 'e2', highlightId: b },
      { id: 'e3', highlightId: c },
    ]);
    expect(addEvidence(board, [a])).toBe(board);
  });

  it('drops the ratings of a removed row or column', () => {
    expect(Object.keys(removeHypothesis(filled(), 'h2').ratings)).toEqual(['e1:h1']);
    expect(Object.keys(removeEvidence(filled(), 'e1').ratings)).toEqual(['e2:h2']);
  });

  it('keeps a cell note across a new rating and clears both when the cell is cleared', () => {
    let board = setCellNote(filled(), 'e1', 'h1', 'Only if the date is right');
    board = setRating(board, 'e1', 'h1', 'II');
    expect(board.ratings['e1:h1']).toEqual({ rating: 'II', note: 'Only if the date is right' });
    expect(setCellNote(board, 'e1', 'h1', '').ratings['e1:h1']).toEqual({ rating: 'II' });
    expect(setRating(board, 'e1', 'h1', null).ratings['e1:h1']).toBeUndefined();
    // No rating, no note.
    expect(setCellNote(board, 'e2', 'h1', 'x')).toBe(board);
  });

  it('sets and clears a row note', () => {
    const noted = setEvidenceNote(filled(), 'e2', 'Second-hand');
    expect(noted.evidence[1]).toEqual({ id: 'e2', highlightId: b, note: 'Second-hand' });
    expect(setEvidenceNote(noted, 'e2', '').evidence[1]).toEqual({ id: 'e2', highlightId: b });
  });
});

describe('checkBoardContent', () => {
  it('finds nothing wrong with a board made by the changes above', () => {
    expect(checkBoardContent(filled())).toEqual([]);
  });

  it('names repeated ids and labels, bad labels, a passage on two rows, and ratings of missing parts', () => {
    const board: AchContent = {
      question: 'Q',
      hypotheses: [
        { id: 'h1', label: 'H1', text: '' },
        { id: 'h1', label: 'H1', text: '' },
        { id: 'h:2', label: 'Two', text: '' },
      ],
      evidence: [
        { id: 'e1', highlightId: a },
        { id: 'e2', highlightId: a },
      ],
      ratings: { 'e9:h1': { rating: 'C' }, 'e1:h7': { rating: 'I' }, 'e1:h1:x': { rating: 'N' } },
    };
    expect(checkBoardContent(board)).toEqual([
      'hypothesis id “h1” is used twice',
      'hypothesis label “H1” is used twice',
      'hypothesis id “h:2” must be letters, digits, “_” or “-”',
      'hypothesis label “Two” must be H and a number, like H3',
      'the highlight “a” is on two evidence rows',
      'rating “e9:h1” is of evidence “e9”, which the board does not have',
      'rating “e1:h7” is for hypothesis “h7”, which the board does not have',
      'rating “e1:h1:x” must be named “<evidence id>:<hypothesis id>”',
    ]);
  });
});
