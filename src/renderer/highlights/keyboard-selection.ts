import type { DomPoint } from '../reader/dom-offsets';

/** How one key press moves the end of a selection, in Selection.modify's terms. */
export interface SelectionStep {
  readonly direction: 'forward' | 'backward';
  readonly granularity: 'character' | 'word' | 'line' | 'paragraph' | 'lineboundary';
}

/**
 * Shift with the arrows selects as in a text editor: by character, by word with Ctrl (Alt on a
 * Mac), by line, by paragraph with Ctrl, and to the line's ends with Home and End.
 */
export function selectionStep(key: string, byWord: boolean): SelectionStep | null {
  switch (key) {
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' };
    case 'ArrowDown':
      return { direction: 'forward', granularity: byWord ? 'paragraph' : 'line' };
    case 'ArrowUp':
      return { direction: 'backward', granularity: byWord ? 'paragraph' : 'line' };
    case 'End':
      return { direction: 'forward', granularity: 'lineboundary' };
    case 'Home':
      return { direction: 'backward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/**
 * Moves the end of the document's selection by `step`, so text that is not editable can be
 * selected from the keyboard (browsers do that only in caret-browsing mode). A selection that
 * does not start in `body` starts at `from()` (where the person is reading). Returns false when
 * there is nowhere to start.
 */
export function extendSelection(body: Element, step: SelectionStep, from: () => DomPoint | null): boolean {
  const selection = body.ownerDocument.getSelection();
  if (!selection) return false;
  if (selection.rangeCount === 0 || !selection.anchorNode || !body.contains(selection.anchorNode)) {
    const start = from();
    if (!start) return false;
    selection.collapse(start.node, start.offset);
  }
  selection.modify('extend', step.direction, step.granularity);
  return true;
}
