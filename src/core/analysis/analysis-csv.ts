import { BYTE_ORDER_MARK, record } from '../export/highlights-csv';
import type { CooccurrenceMatrix } from './cooccurrence';
import type { EvidenceMatrix } from './evidence-matrix';
import type { LinkChart } from './link-chart';

/*
 * The analyses as CSV for spreadsheets, one record per cell or pair ("long" form, which pivots and
 * filters where a drawn matrix would not), written like the highlights CSV: RFC 4180, byte order
 * mark, formula-inert cells. Weights and coefficients have 4 decimals, enough to sort and compare.
 */

const decimals = (n: number): string => n.toFixed(4);

export const EVIDENCE_CSV_COLUMNS = ['row', 'column', 'supports', 'contradicts', 'context', 'passages', 'weight'] as const;

export function evidenceMatrixCsv(matrix: EvidenceMatrix): string {
  let csv = BYTE_ORDER_MARK + record(EVIDENCE_CSV_COLUMNS);
  matrix.rows.forEach((row, i) =>
    matrix.columns.forEach((column, j) => {
      const cell = matrix.cells[i]?.[j];
      if (cell === undefined) return;
      csv += record([row.label, column.label, String(cell.supports), String(cell.contradicts), String(cell.context), String(cell.highlightIds.length), decimals(cell.weight)]);
    }),
  );
  return csv;
}

export const COOCCURRENCE_CSV_COLUMNS = ['tag', 'other tag', 'tag places', 'other tag places', 'together', 'c-coefficient'] as const;

/** Each pair of different tags once (the matrix is symmetric), with how often each occurs alone. */
export function cooccurrenceCsv(matrix: CooccurrenceMatrix): string {
  let csv = BYTE_ORDER_MARK + record(COOCCURRENCE_CSV_COLUMNS);
  const occurs = (i: number): number => matrix.cells[i]?.[i]?.count ?? 0;
  matrix.tags.forEach((a, i) =>
    matrix.tags.forEach((b, j) => {
      const cell = matrix.cells[i]?.[j];
      if (j <= i || cell === undefined) return;
      csv += record([a.name, b.name, String(occurs(i)), String(occurs(j)), String(cell.count), decimals(cell.coefficient)]);
    }),
  );
  return csv;
}

export const LINK_EDGES_CSV_COLUMNS = ['from', 'to', 'kind', 'type', 'passages', 'grades', 'note'] as const;

/** Every edge of the chart; `grades` lists its passages' marks, "ungraded" for a passage without one. */
export function linkEdgesCsv(chart: LinkChart): string {
  const names = new Map(chart.nodes.map((n) => [n.tagId, n.name]));
  let csv = BYTE_ORDER_MARK + record(LINK_EDGES_CSV_COLUMNS);
  for (const edge of chart.edges) {
    const type = edge.kind === 'relation' ? edge.type : 'same paragraph';
    const note = edge.kind === 'relation' ? edge.note : '';
    const grades = edge.passages.map((p) => p.mark ?? 'ungraded').join('; ');
    csv += record([names.get(edge.fromTagId) ?? edge.fromTagId, names.get(edge.toTagId) ?? edge.toTagId, edge.kind, type, String(edge.passages.length), grades, note]);
  }
  return csv;
}
