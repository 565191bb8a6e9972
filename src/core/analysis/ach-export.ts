import { BYTE_ORDER_MARK, record } from '../export/highlights-csv';
import { cellKey, evidenceLabel, type AchBoard, type AchCell } from '../model/ach';
import { CITATION_NODE, type CitationAttrs, type MemoDoc, type MemoNode } from '../model/memo';
import type { AchScores, HypothesisScore } from './ach';

/** What the exports say of an evidence row's passage, as it stands now. */
export interface EvidencePassage {
  /** The passage's words (the last known ones when its highlight is gone). */
  readonly quote: string | null;
  readonly sourceTitle: string | null;
  /** e.g. "Recommendations, ¶ 2". */
  readonly location: string | null;
  /** The Admiralty mark, "B2"; null when not graded. */
  readonly mark: string | null;
  /** The citation to put in a memo; null when the highlight no longer exists to cite. */
  readonly citation: CitationAttrs | null;
}

/**
 * Scores are sums of weights in (0, 1]; two decimals tell them apart as far as a reader can use.
 * Rounded half up on the decimal value: 1 + .595 is 1.5949999… in binary, and shows as 1.60.
 */
export const formatScore = (n: number): string => (Math.round(Number((n * 100).toPrecision(12))) / 100).toFixed(2);

const cellText = (cell: AchCell | undefined): string => (cell === undefined ? '' : cell.note === undefined ? cell.rating : `${cell.rating}: ${cell.note}`);

/**
 * The matrix as CSV (the byte order mark and RFC 4180 quoting of the highlights export): a row per
 * piece of evidence with its passage, grade, weight, diagnosticity, note and a column per
 * hypothesis holding its rating (and the cell's note); below, each hypothesis's inconsistency,
 * consistency and rank.
 */
export function achCsv(board: AchBoard, scores: AchScores, passage: (evidenceId: string) => EvidencePassage): string {
  const fixed = ['Evidence', 'Quote', 'Source', 'Location', 'Grade', 'Weight', 'Diagnosticity', 'Note'];
  const pad = fixed.map(() => '');
  let csv = BYTE_ORDER_MARK + record([...fixed, ...board.hypotheses.map((h) => `${h.label}: ${h.text}`)]);
  board.evidence.forEach((evidence, index) => {
    const row = scores.rows[index];
    const { quote, sourceTitle, location, mark } = passage(evidence.id);
    csv += record([
      evidenceLabel(index),
      quote ?? '',
      sourceTitle ?? '',
      location ?? '',
      mark ?? '',
      row === undefined ? '' : formatScore(row.weight),
      row === undefined ? '' : String(row.diagnosticity),
      evidence.note ?? '',
      ...board.hypotheses.map((h) => cellText(board.ratings[cellKey(evidence.id, h.id)])),
    ]);
  });
  const line = (label: string, value: (score: HypothesisScore) => string): string => record([label, ...pad.slice(1), ...scores.all.hypotheses.map(value)]);
  csv += line('Inconsistency', (s) => formatScore(s.inconsistency));
  csv += line('Consistency', (s) => formatScore(s.consistency));
  csv += line('Rank', (s) => String(s.rank));
  return csv;
}

const text = (value: string, bold = false): MemoNode => (bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value });
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): MemoNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });

/** "Untitled question" rather than an empty heading, which a memo cannot show. */
const questionText = (question: string): string => (question.trim() === '' ? 'Untitled question' : question.trim());

/**
 * The board as a memo section: the question as a heading, the hypotheses least inconsistent first
 * with their scores, then each piece of evidence as a paragraph with its ratings, diagnosticity
 * and a citation of its passage, so the memo's export carries the passage and its grades.
 */
export function achMemoDoc(board: AchBoard, scores: AchScores, passage: (evidenceId: string) => EvidencePassage): MemoDoc {
  const byId = new Map(board.hypotheses.map((h) => [h.id, h]));
  const scoreOf = new Map(scores.all.hypotheses.map((s) => [s.hypothesisId, s]));
  const content: MemoNode[] = [heading(2, questionText(board.question))];
  if (board.hypotheses.length === 0) content.push(paragraph(text('No hypotheses yet.')));
  else {
    content.push(paragraph(text('Hypotheses, least inconsistent with the evidence first (inconsistency weighted by the grades of the passages):')));
    const items = scores.all.order.flatMap((id) => {
      const h = byId.get(id);
      const s = scoreOf.get(id);
      if (h === undefined || s === undefined) return [];
      const words = `${h.text.trim() === '' ? '(no text)' : h.text.trim()} — inconsistency ${formatScore(s.inconsistency)}, rank ${s.rank}`;
      return [{ type: 'listItem', content: [paragraph(text(h.label, true), text(` ${words}`))] }];
    });
    content.push({ type: 'orderedList', content: items });
  }
  content.push(heading(3, 'Evidence'));
  if (board.evidence.length === 0) content.push(paragraph(text('No evidence yet.')));
  board.evidence.forEach((evidence, index) => {
    const label = evidenceLabel(index);
    const ratings = board.hypotheses.map((h) => `${h.label} ${board.ratings[cellKey(evidence.id, h.id)]?.rating ?? '–'}`).join(', ');
    const row = scores.rows[index];
    const about = [ratings, row === undefined ? '' : `diagnosticity ${row.diagnosticity}`, evidence.note ?? ''].filter((s) => s !== '').join('; ');
    const found = passage(evidence.id);
    const cited: MemoNode[] =
      found.citation === null ? [text(` (the highlighted passage was deleted${found.quote === null ? '' : `: “${found.quote}”`})`)] : [text(' '), { type: CITATION_NODE, attrs: { ...found.citation } }];
    content.push(paragraph(text(label, true), text(about === '' ? ':' : ` (${about}):`), ...cited));
  });
  return { type: 'doc', content };
}

/** The title of a memo made from a board, within the 300 characters a memo title may have. */
export const achMemoTitle = (board: AchBoard): string => `Competing hypotheses: ${questionText(board.question)}`.slice(0, 300);
