import { charOffset, type CharOffset } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';

/**
 * Maps between DOM positions in the reader and CharOffsets of the canonical text.
 *
 * The reader's rendering contract: every text node of canonical text is the only child of an
 * element whose `data-start` attribute is the node's CharOffset, and those elements appear in
 * canonical order. Anything else (list markers, back-links, labels) has no `data-start` and maps
 * to nothing. The gaps between blocks ("\n\n") are not rendered, so a DOM position outside
 * canonical text snaps to the nearest canonical character in the direction asked for.
 *
 * DOM offsets in text nodes and CharOffsets both count UTF-16 code units, so inside a node the
 * mapping is plain addition.
 */
export const TEXT_START_ATTRIBUTE = 'data-start';

/** Which way a position outside canonical text snaps: a range's start moves forward, its end backward. */
export type Snap = 'forward' | 'backward';

export interface DomPoint {
  readonly node: Text;
  readonly offset: number;
}

interface CanonicalText {
  readonly node: Text;
  readonly start: number;
  readonly end: number;
}

/**
 * The canonical text under one root, read once: painting thousands of highlights maps thousands of
 * offsets, and each lookup is then a binary search instead of a walk of the whole source.
 */
export interface TextIndex {
  pointToOffset(node: Node, offset: number, snap: Snap): CharOffset | null;
  offsetToPoint(offset: CharOffset, snap: Snap): DomPoint | null;
  /** The canonical range a DOM range covers, or null if it holds no canonical text. */
  toTextRange(range: AbstractRange): TextRange | null;
  /** A DOM Range over a canonical range, or null if none of it is rendered under the root. */
  toDomRange(range: TextRange): Range | null;
}

/** The canonical text nodes under `root`, in document (= canonical) order. */
function canonicalTexts(root: Element): CanonicalText[] {
  const texts: CanonicalText[] = [];
  for (const element of root.querySelectorAll(`[${TEXT_START_ATTRIBUTE}]`)) {
    const node = element.firstChild;
    const start = Number(element.getAttribute(TEXT_START_ATTRIBUTE));
    if (node instanceof Text && element.childNodes.length === 1 && Number.isInteger(start) && start >= 0) {
      texts.push({ node, start, end: start + node.length });
    }
  }
  return texts;
}

/**
 * The CharOffset of a point inside a canonical text node, or null for any other node. Cheap (no
 * walk), so hit-testing the pointer can ask on every move.
 */
export function canonicalOffsetAt(node: Node, offset: number): CharOffset | null {
  const parent = node.parentElement;
  if (!(node instanceof Text) || !parent?.hasAttribute(TEXT_START_ATTRIBUTE) || parent.childNodes.length !== 1) return null;
  const start = Number(parent.getAttribute(TEXT_START_ATTRIBUTE));
  return Number.isInteger(start) && start >= 0 ? charOffset(start + Math.min(Math.max(offset, 0), node.length)) : null;
}

/** Index of the first item for which `isAfter` holds (items are ordered so it flips once), or length. */
function firstWhere<T>(items: readonly T[], isAfter: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(items[mid] as T)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function indexText(root: Element): TextIndex {
  let read: CanonicalText[] | null = null;
  const texts = () => (read ??= canonicalTexts(root));

  const pointToOffset = (node: Node, offset: number, snap: Snap): CharOffset | null => {
    if (!root.contains(node)) return null;
    const own = canonicalOffsetAt(node, offset);
    if (own !== null) return own;
    const probe = root.ownerDocument.createRange();
    probe.setStart(node, offset);
    const all = texts();
    // comparePoint: -1 when the point lies before the probe, 1 when after.
    const next = firstWhere(all, (t) => probe.comparePoint(t.node, 0) >= 0);
    const text = snap === 'forward' ? all[next] : all[next - 1];
    if (!text) return null;
    return charOffset(snap === 'forward' ? text.start : text.end);
  };

  // At the seam between two text nodes, a forward point is the start of the later node and a
  // backward point the end of the earlier one, so ranges never begin or end with an empty piece of
  // a neighbour. An offset in an unrendered gap snaps to the nearest side.
  const offsetToPoint = (offset: CharOffset, snap: Snap): DomPoint | null => {
    const all = texts();
    if (snap === 'forward') {
      const text = all[firstWhere(all, (t) => t.end > offset)];
      return text ? { node: text.node, offset: Math.max(offset - text.start, 0) } : null;
    }
    const text = all[firstWhere(all, (t) => t.start >= offset) - 1];
    return text ? { node: text.node, offset: Math.min(offset - text.start, text.node.length) } : null;
  };

  return {
    pointToOffset,
    offsetToPoint,
    toTextRange(range) {
      const start = pointToOffset(range.startContainer, range.startOffset, 'forward');
      const end = pointToOffset(range.endContainer, range.endOffset, 'backward');
      return start !== null && end !== null && start < end ? { start, end } : null;
    },
    toDomRange(range) {
      const start = offsetToPoint(range.start, 'forward');
      const end = offsetToPoint(range.end, 'backward');
      if (!start || !end) return null;
      const dom = root.ownerDocument.createRange();
      dom.setStart(start.node, start.offset);
      dom.setEnd(end.node, end.offset);
      return dom.collapsed ? null : dom;
    },
  };
}

/** The CharOffset of a DOM boundary point (as in a Selection or Range), or null if no canonical text lies that way. */
export function pointToOffset(root: Element, node: Node, offset: number, snap: Snap): CharOffset | null {
  return indexText(root).pointToOffset(node, offset, snap);
}

/** The canonical range a DOM range covers, or null if it holds no canonical text. */
export function domRangeToTextRange(root: Element, range: AbstractRange): TextRange | null {
  return indexText(root).toTextRange(range);
}

/** The DOM point of a CharOffset (see TextIndex.offsetToPoint for seams and gaps). */
export function offsetToPoint(root: Element, offset: CharOffset, snap: Snap): DomPoint | null {
  return indexText(root).offsetToPoint(offset, snap);
}

/** A DOM Range over a canonical range, or null if none of it is rendered under `root`. */
export function textRangeToDomRange(root: Element, range: TextRange): Range | null {
  return indexText(root).toDomRange(range);
}
