import { gradeWeight } from '../model/grades';
import type { Tag } from '../model/highlight';
import type { HighlightId, SourceId } from '../model/ids';
import { carries, type AnalysisPassage } from './analysis-passage';

/** One side of a matrix: a tag (rows, or columns of a family) or a source (columns). */
export interface MatrixAxis {
  readonly id: string;
  readonly label: string;
}

export interface EvidenceCell {
  readonly supports: number;
  readonly contradicts: number;
  /**
   * Passages that bear on the row without taking a side: those tagged "context", and every passage
   * whose row tag has no stance (group tags never have one, and a recommendation may be tagged
   * before the analyst decides), so that each passage of the cell is counted exactly once.
   */
  readonly context: number;
  /** Sum of the passages' grade weights (gradeWeight: source reliability × passage credibility). */
  readonly weight: number;
  /** 0 for an empty cell, else 1–4 by `weight` against the heaviest cell of the matrix. */
  readonly shade: 0 | 1 | 2 | 3 | 4;
  /** The passages behind the cell, in the order the passages were given (library, then text order). */
  readonly highlightIds: readonly HighlightId[];
}

export interface EvidenceMatrix {
  readonly rows: readonly MatrixAxis[];
  readonly columnKind: 'sources' | 'tags';
  readonly columns: readonly MatrixAxis[];
  /** cells[row][column]. */
  readonly cells: readonly (readonly EvidenceCell[])[];
}

export type EvidenceColumns =
  | { readonly kind: 'sources'; readonly sources: readonly { readonly id: SourceId; readonly title: string }[] }
  | { readonly kind: 'tags'; readonly tags: readonly Tag[] };

/** The shade of a cell of `weight` in a matrix whose heaviest cell weighs `max`: quarters, rounded up. */
export function shadeOf(weight: number, max: number): EvidenceCell['shade'] {
  if (weight <= 0 || max <= 0) return 0;
  // The tolerance keeps a sum of weights landing a hair above an exact quarter in that quarter.
  return Math.min(4, Math.max(1, Math.ceil((4 * weight) / max - 1e-9))) as EvidenceCell['shade'];
}

/**
 * Rows × columns of passages: a passage counts in the cell of each row tag it carries and each
 * column it belongs to (its source, or each column tag it carries), under the stance it takes on
 * the row tag.
 */
export function evidenceMatrix(rowTags: readonly Tag[], columns: EvidenceColumns, passages: readonly AnalysisPassage[]): EvidenceMatrix {
  const axes: MatrixAxis[] = columns.kind === 'sources' ? columns.sources.map((s) => ({ id: s.id, label: s.title })) : columns.tags.map((t) => ({ id: t.id, label: t.name }));
  const inColumn = (passage: AnalysisPassage, column: MatrixAxis): boolean => (columns.kind === 'sources' ? passage.sourceId === column.id : carries(passage, column.id));
  const raw = rowTags.map((row) =>
    axes.map((column) => {
      let supports = 0;
      let contradicts = 0;
      let context = 0;
      let weight = 0;
      const highlightIds: HighlightId[] = [];
      for (const passage of passages) {
        const tag = passage.tags.find((t) => t.tagId === row.id);
        if (tag === undefined || !inColumn(passage, column)) continue;
        if (tag.stance === 'supports') supports++;
        else if (tag.stance === 'contradicts') contradicts++;
        else context++;
        weight += gradeWeight(passage.reliability, passage.credibility);
        highlightIds.push(passage.highlightId);
      }
      return { supports, contradicts, context, weight, highlightIds };
    }),
  );
  const max = Math.max(0, ...raw.flat().map((cell) => cell.weight));
  return {
    rows: rowTags.map((t) => ({ id: t.id, label: t.name })),
    columnKind: columns.kind,
    columns: axes,
    cells: raw.map((row) => row.map((cell) => ({ ...cell, shade: shadeOf(cell.weight, max) }))),
  };
}
