import type { CharOffset } from '../../core/model/ids';
import type { InlineMark } from '../../core/model/source';

/**
 * A block's inline content as a tree: marks wrap canonical text runs. Marks that cross each other
 * are split at the outer mark's edge, so the tree nests and every run appears exactly once, in
 * canonical order.
 */
export type InlineNode =
  | { readonly kind: 'text'; readonly start: CharOffset; readonly end: CharOffset }
  | { readonly kind: 'mark'; readonly mark: InlineMark; readonly children: readonly InlineNode[] };

/** For marks over the same range, the one listed first wraps the others (a link around bold). */
const nesting: Record<InlineMark['kind'], number> = { link: 0, footnoteRef: 1, bold: 2, italic: 3 };

const withRange = (mark: InlineMark, start: CharOffset, end: CharOffset): InlineMark => ({ ...mark, range: { start, end } });

const outerFirst = (a: InlineMark, b: InlineMark): number =>
  a.range.start - b.range.start || b.range.end - a.range.end || nesting[a.kind] - nesting[b.kind];

export function buildInlineTree(start: CharOffset, end: CharOffset, marks: readonly InlineMark[]): InlineNode[] {
  const clipped = marks
    .map((m) => withRange(m, Math.max(m.range.start, start) as CharOffset, Math.min(m.range.end, end) as CharOffset))
    .filter((m) => m.range.start < m.range.end);
  return nest(start, end, clipped);
}

function nest(start: CharOffset, end: CharOffset, marks: InlineMark[]): InlineNode[] {
  const queue = [...marks].sort(outerFirst);
  const nodes: InlineNode[] = [];
  let pos = start;
  const text = (to: CharOffset): void => {
    if (pos < to) nodes.push({ kind: 'text', start: pos, end: to });
  };
  for (let outer = queue.shift(); outer; outer = queue.shift()) {
    text(outer.range.start);
    const inner: InlineMark[] = [];
    const rest: InlineMark[] = [];
    for (const m of queue) {
      if (m.range.start >= outer.range.end) rest.push(m);
      else if (m.range.end <= outer.range.end) inner.push(m);
      else {
        inner.push(withRange(m, m.range.start, outer.range.end));
        rest.push(withRange(m, outer.range.end, m.range.end));
      }
    }
    nodes.push({ kind: 'mark', mark: outer, children: nest(outer.range.start, outer.range.end, inner) });
    pos = outer.range.end;
    queue.splice(0, queue.length, ...rest.sort(outerFirst));
  }
  text(end);
  return nodes;
}
