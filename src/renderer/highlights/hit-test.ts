import { charOffset, type CharOffset } from '../../core/model/ids';
import { canonicalOffsetAt } from '../reader/dom-offsets';

interface CaretPoint {
  readonly node: Node;
  readonly offset: number;
}

function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = doc.caretRangeFromPoint(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const contains = (rect: DOMRect, x: number, y: number) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * The canonical offset of the character under the point, or null when the point is not over
 * canonical text (a margin, a list marker, the space after a line's end). The caret lies between
 * two characters; the one whose box holds the point is the one under it.
 */
export function characterAt(doc: Document, x: number, y: number): CharOffset | null {
  const caret = caretAt(doc, x, y);
  if (!caret || !(caret.node instanceof Text)) return null;
  const at = canonicalOffsetAt(caret.node, caret.offset);
  if (at === null) return null;
  const probe = doc.createRange();
  for (const index of [caret.offset, caret.offset - 1]) {
    if (index < 0 || index >= caret.node.length) continue;
    probe.setStart(caret.node, index);
    probe.setEnd(caret.node, index + 1);
    for (const rect of probe.getClientRects()) {
      if (contains(rect, x, y)) return charOffset(at - caret.offset + index);
    }
  }
  return null;
}
