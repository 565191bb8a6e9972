import type { CooccurrenceCell } from '../../core/analysis/cooccurrence';
import type { ChartEdge } from '../../core/analysis/link-chart';
import type { EvidenceCell } from '../../core/analysis/evidence-matrix';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What a cell of the evidence matrix says, for its accessible name: "R1 in Report: 2 supporting, 0 contradicting, 1 context". */
export function evidenceCellLabel(row: string, column: string, cell: EvidenceCell): string {
  return `${row} in ${column}: ${cell.supports} supporting, ${cell.contradicts} contradicting, ${cell.context} context`;
}

/** The cell as shown: supporting / contradicting / context. */
export const evidenceCellText = (cell: EvidenceCell): string => `${cell.supports} / ${cell.contradicts} / ${cell.context}`;

/** A c-coefficient as shown, two decimals ("0.25"), or an empty string when the tags never meet. */
export const coefficientText = (coefficient: number): string => (coefficient === 0 ? '' : coefficient.toFixed(2));

/** What a co-occurrence cell says: "Taliban with Al Qaeda: together in 2 places, c = 0.40". */
export function cooccurrenceCellLabel(row: string, column: string, cell: CooccurrenceCell): string {
  if (row === column) return `${row}: in ${plural(cell.count, 'place')}`;
  return `${row} with ${column}: together in ${plural(cell.count, 'place')}, c = ${cell.coefficient.toFixed(2)}`;
}

/** An edge of the link chart as a sentence: "Taliban hosts TTP", "Taliban and Al Qaeda in the same paragraph". */
export const edgeSentence = (from: string, to: string, edge: ChartEdge): string => (edge.kind === 'relation' ? `${from} ${edge.type} ${to}` : `${from} and ${to} in the same paragraph`);
