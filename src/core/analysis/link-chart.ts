import { gradeMark } from '../model/grades';
import type { Tag } from '../model/highlight';
import type { HighlightId, TagId } from '../model/ids';
import { carries, type AnalysisPassage } from './analysis-passage';
import { cooccurrence } from './cooccurrence';
import type { Relation } from './relation';

export interface ChartNode {
  readonly tagId: TagId;
  readonly name: string;
  readonly color: string;
  /** Passages tagged with the group: the node's size. */
  readonly passages: number;
}

/** A passage behind an edge, with its grade mark ("B2"; null when ungraded). */
export interface EdgePassage {
  readonly highlightId: HighlightId;
  readonly mark: string | null;
}

export type ChartEdge =
  | {
      readonly kind: 'co-occurrence';
      /** "co:<tag>|<tag>", the pair in the order of the nodes. */
      readonly id: string;
      readonly fromTagId: TagId;
      readonly toTagId: TagId;
      /** Paragraphs (or highlights no longer placed) where both groups are tagged. */
      readonly count: number;
      readonly passages: readonly EdgePassage[];
    }
  | {
      readonly kind: 'relation';
      /** The relation's id. */
      readonly id: string;
      readonly fromTagId: TagId;
      readonly toTagId: TagId;
      readonly type: string;
      readonly note: string;
      /** The relation's passages still in the library (a deleted highlight, or one of a removed source, drops out). */
      readonly passages: readonly EdgePassage[];
    };

export interface LinkChart {
  readonly nodes: readonly ChartNode[];
  readonly edges: readonly ChartEdge[];
}

/**
 * The groups as a network for the link chart: a node per group tag that has passages or a
 * relation; an edge per pair of groups tagged in the same paragraph (or on one highlight no longer
 * placed in its text), and an edge per relation whose two groups are still group tags.
 */
export function linkChart(groups: readonly Tag[], passages: readonly AnalysisPassage[], relations: readonly Relation[]): LinkChart {
  const byId = new Map(passages.map((p) => [p.highlightId, p]));
  const mark = (id: HighlightId): EdgePassage => {
    const p = byId.get(id);
    return { highlightId: id, mark: p === undefined ? null : gradeMark(p.reliability, p.credibility) };
  };
  const isGroup = new Set(groups.map((g) => g.id));
  const drawn = relations.filter((r) => isGroup.has(r.fromTagId) && isGroup.has(r.toTagId));
  const matrix = cooccurrence(groups, passages, 'paragraph');
  const edges: ChartEdge[] = [];
  groups.forEach((a, i) =>
    groups.forEach((b, j) => {
      const cell = matrix.cells[i]?.[j];
      if (j <= i || cell === undefined || cell.count === 0) return;
      edges.push({ kind: 'co-occurrence', id: `co:${a.id}|${b.id}`, fromTagId: a.id, toTagId: b.id, count: cell.count, passages: cell.highlightIds.map(mark) });
    }),
  );
  for (const r of drawn) {
    const passagesOf = r.highlightIds.filter((id) => byId.has(id)).map(mark);
    edges.push({ kind: 'relation', id: r.id, fromTagId: r.fromTagId, toTagId: r.toTagId, type: r.type, note: r.note, passages: passagesOf });
  }
  const linked = new Set(drawn.flatMap((r) => [r.fromTagId, r.toTagId]));
  const nodes = groups
    .map((g) => ({ tagId: g.id, name: g.name, color: g.color, passages: passages.filter((p) => carries(p, g.id)).length }))
    .filter((n) => n.passages > 0 || linked.has(n.tagId));
  return { nodes, edges };
}
