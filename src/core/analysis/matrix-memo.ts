import type { Highlight, Stance, Tag } from '../model/highlight';
import type { HighlightId } from '../model/ids';
import { CITATION_NODE, type CitationAttrs, type MemoDoc, type MemoNode } from '../model/memo';
import type { EvidenceMatrix } from './evidence-matrix';

const STANCE_LABEL: Readonly<Record<Stance, string>> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };

const text = (value: string, bold = false): MemoNode => (bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value });
const heading = (level: number, value: string): MemoNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function citation(highlight: Highlight): MemoNode {
  const attrs: CitationAttrs = { highlightId: highlight.id, display: 'block', quote: highlight.target.quote.exact, sourceId: highlight.target.sourceId };
  return { type: CITATION_NODE, attrs: { ...attrs } };
}

/**
 * The evidence matrix as a memo: a section per row (a recommendation's full text under its heading,
 * then the row's counts), and under it a sub-section per column with passages, each passage a live
 * citation preceded by the stance it takes on the row, in the matrix's order.
 */
export function matrixMemo(matrix: EvidenceMatrix, rowTags: readonly Tag[], highlight: (id: HighlightId) => Highlight | undefined): MemoDoc {
  const content = matrix.rows.flatMap((row, i) => {
    const tag = rowTags.find((t) => t.id === row.id);
    const section: MemoNode[] = [heading(2, row.label)];
    if (tag !== undefined && tag.description.trim() !== '') section.push(paragraph(text(tag.description)));
    const cells = matrix.cells[i] ?? [];
    const total = (pick: (c: (typeof cells)[number]) => number): number => cells.reduce((n, c) => n + pick(c), 0);
    const passages = total((c) => c.highlightIds.length);
    if (passages === 0) {
      section.push(paragraph(text(`No passages are tagged “${row.label}” in these columns.`)));
      return section;
    }
    section.push(
      paragraph(text(`${plural(passages, 'passage')}: ${total((c) => c.supports)} supporting, ${total((c) => c.contradicts)} contradicting, ${total((c) => c.context)} context.`)),
    );
    matrix.columns.forEach((column, j) => {
      const cited = (cells[j]?.highlightIds ?? []).map(highlight).filter((h) => h !== undefined);
      if (cited.length === 0) return;
      section.push(heading(3, column.label));
      for (const h of cited) {
        const stance = h.tags.find((t) => t.tagId === row.id)?.stance;
        if (stance !== undefined) section.push(paragraph(text(`${STANCE_LABEL[stance]}:`, true)));
        section.push(paragraph(citation(h)));
      }
    });
    return section;
  });
  return { type: 'doc', content };
}
