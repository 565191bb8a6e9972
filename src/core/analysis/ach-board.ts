import { cellKey, type AchBoard, type AchCell, type AchCellKey, type AchRating } from '../model/ach';
import type { HighlightId } from '../model/ids';

/**
 * Changes to a board, as the board view makes them and the services check them: pure functions
 * from a board to the next one, so that every rule (labels, ids, ratings following their row and
 * column) lives in one place.
 */

/** What a board holds apart from its identity and timestamps: what ach.save carries. */
export type AchContent = Pick<AchBoard, 'question' | 'hypotheses' | 'evidence' | 'ratings'>;

/** Ids of rows and columns: short, and never holding ":" (it separates them in a cell key). */
export const ACH_PART_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HYPOTHESIS_LABEL = /^H(\d{1,6})$/;

/** One more than the largest number after `prefix` among `values` ("h3", "h7" → 8). */
function nextNumber(values: readonly string[], pattern: RegExp): number {
  let most = 0;
  for (const value of values) {
    const n = Number(pattern.exec(value)?.[1] ?? 0);
    if (n > most) most = n;
  }
  return most + 1;
}

/** Adds a hypothesis at the end, labelled after the highest label so far ("H4" after H1–H3). */
export function addHypothesis<B extends AchContent>(board: B, text: string): B {
  const n = nextNumber(
    board.hypotheses.map((h) => h.label),
    HYPOTHESIS_LABEL,
  );
  const id = `h${nextNumber(
    board.hypotheses.map((h) => h.id),
    /^h(\d{1,9})$/,
  )}`;
  return { ...board, hypotheses: [...board.hypotheses, { id, label: `H${n}`, text }] };
}

export function editHypothesis<B extends AchContent>(board: B, hypothesisId: string, text: string): B {
  return { ...board, hypotheses: board.hypotheses.map((h) => (h.id === hypothesisId ? { ...h, text } : h)) };
}

/** Removes a hypothesis and its column of ratings. */
export function removeHypothesis<B extends AchContent>(board: B, hypothesisId: string): B {
  return {
    ...board,
    hypotheses: board.hypotheses.filter((h) => h.id !== hypothesisId),
    ratings: keepRatings(board.ratings, (_, h) => h !== hypothesisId),
  };
}

/** Adds a row per passage not on the board yet, in the order given; passages already there are skipped. */
export function addEvidence<B extends AchContent>(board: B, highlightIds: readonly HighlightId[]): B {
  const present = new Set(board.evidence.map((e) => e.highlightId));
  let next = nextNumber(
    board.evidence.map((e) => e.id),
    /^e(\d{1,9})$/,
  );
  const added = [];
  for (const highlightId of highlightIds) {
    if (present.has(highlightId)) continue;
    present.add(highlightId);
    added.push({ id: `e${next++}`, highlightId });
  }
  return added.length === 0 ? board : { ...board, evidence: [...board.evidence, ...added] };
}

/** Removes a row and its ratings. */
export function removeEvidence<B extends AchContent>(board: B, evidenceId: string): B {
  return { ...board, evidence: board.evidence.filter((e) => e.id !== evidenceId), ratings: keepRatings(board.ratings, (e) => e !== evidenceId) };
}

export function setEvidenceNote<B extends AchContent>(board: B, evidenceId: string, note: string): B {
  return {
    ...board,
    evidence: board.evidence.map((e) => {
      if (e.id !== evidenceId) return e;
      const { note: _old, ...rest } = e;
      return note === '' ? rest : { ...rest, note };
    }),
  };
}

/** Rates a cell (null: clears it, note and all); the cell's note stays with a new rating. */
export function setRating<B extends AchContent>(board: B, evidenceId: string, hypothesisId: string, rating: AchRating | null): B {
  const key = cellKey(evidenceId, hypothesisId);
  if (rating === null) return { ...board, ratings: keepRatings(board.ratings, (e, h) => e !== evidenceId || h !== hypothesisId) };
  const note = board.ratings[key]?.note;
  return { ...board, ratings: { ...board.ratings, [key]: note === undefined ? { rating } : { rating, note } } };
}

/** Sets the note of a rated cell (an empty note removes it); a cell not rated has no note to hold. */
export function setCellNote<B extends AchContent>(board: B, evidenceId: string, hypothesisId: string, note: string): B {
  const key = cellKey(evidenceId, hypothesisId);
  const cell = board.ratings[key];
  if (cell === undefined) return board;
  return { ...board, ratings: { ...board.ratings, [key]: note === '' ? { rating: cell.rating } : { rating: cell.rating, note } } };
}

function keepRatings(ratings: AchBoard['ratings'], keep: (evidenceId: string, hypothesisId: string) => boolean): Record<AchCellKey, AchCell> {
  const kept: Record<AchCellKey, AchCell> = {};
  for (const [key, cell] of Object.entries(ratings) as [AchCellKey, AchCell][]) {
    const [evidenceId = '', hypothesisId = ''] = key.split(':');
    if (keep(evidenceId, hypothesisId)) kept[key] = cell;
  }
  return kept;
}

/**
 * Every way the board's parts do not fit together, each a sentence naming the part: ids repeated
 * or not usable, labels repeated or not "H<n>", a passage on two rows, a rating of a row or
 * hypothesis the board does not have. Empty when the board is sound.
 */
export function checkBoardContent(board: AchContent): string[] {
  const problems: string[] = [];
  const hypotheses = new Set<string>();
  const labels = new Set<string>();
  for (const h of board.hypotheses) {
    if (!ACH_PART_ID.test(h.id)) problems.push(`hypothesis id “${h.id}” must be letters, digits, “_” or “-”`);
    if (hypotheses.has(h.id)) problems.push(`hypothesis id “${h.id}” is used twice`);
    if (!HYPOTHESIS_LABEL.test(h.label)) problems.push(`hypothesis label “${h.label}” must be H and a number, like H3`);
    if (labels.has(h.label)) problems.push(`hypothesis label “${h.label}” is used twice`);
    hypotheses.add(h.id);
    labels.add(h.label);
  }
  const rows = new Set<string>();
  const passages = new Set<string>();
  for (const e of board.evidence) {
    if (!ACH_PART_ID.test(e.id)) problems.push(`evidence id “${e.id}” must be letters, digits, “_” or “-”`);
    if (rows.has(e.id)) problems.push(`evidence id “${e.id}” is used twice`);
    if (passages.has(e.highlightId)) problems.push(`the highlight “${e.highlightId}” is on two evidence rows`);
    rows.add(e.id);
    passages.add(e.highlightId);
  }
  for (const key of Object.keys(board.ratings)) {
    const [evidenceId = '', hypothesisId, ...rest] = key.split(':');
    if (hypothesisId === undefined || rest.length > 0) problems.push(`rating “${key}” must be named “<evidence id>:<hypothesis id>”`);
    else if (!rows.has(evidenceId)) problems.push(`rating “${key}” is of evidence “${evidenceId}”, which the board does not have`);
    else if (!hypotheses.has(hypothesisId)) problems.push(`rating “${key}” is for hypothesis “${hypothesisId}”, which the board does not have`);
  }
  return problems;
}
