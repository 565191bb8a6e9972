import type { PageSpan } from '../../core/model/source';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { Reliability } from '../../core/model/grades';
import { charOffset, type CharOffset, type HighlightId, type SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { isTypingTarget } from '../changes/history-keys';
import { usePopover } from '../controls/use-popover';
import { useChanges } from '../changes/use-changes';
import { GradeChord } from '../grading/grade-keys';
import { indexText } from '../reader/dom-offsets';
import { BLOCK_START_ATTRIBUTE, firstVisibleBlockStart } from '../reader/reading-anchor';
import { useTagIndex } from '../tags/use-tag-index';
import { highlightChanges } from './highlight-changes';
import { highlightColor } from './highlight-color';
import { createHighlightPainter, type HighlightPainter } from './highlight-painter';
import { HighlightPopover } from './HighlightPopover';
import { HighlightTagPicker } from './HighlightTagPicker';
import { extendSelection, selectionStep } from './keyboard-selection';
import type { PaintItem } from './paint-layers';
import { passageText, shortQuote } from './passage-text';
import { SelectionToolbar } from './SelectionToolbar';
import { useHighlightHover } from './use-highlight-hover';
import { useReaderSelection, type ToolAnchor } from './use-reader-selection';

/** A request to bring a passage into view and mark it for a moment; a new object for each request. */
export interface FocusRequest {
  readonly range: TextRange;
  /** Also move keyboard focus to the text (when the person came from another view). */
  readonly focusText: boolean;
}

/** How long a passage the person was sent to stays marked. */
const EMPHASIS_MS = 2400;

interface ReaderHighlightsProps {
  readonly sourceId: SourceId;
  /** The source's reliability grade, for the marks on highlight cards. */
  readonly reliability: Reliability | null;
  readonly text: string;
  readonly pages?: readonly PageSpan[] | undefined;
  readonly bodyRef: RefObject<HTMLElement | null>;
  readonly scrollerRef: RefObject<HTMLElement | null>;
  readonly articleRef: RefObject<HTMLElement | null>;
  readonly highlights: readonly AnchoredHighlight[];
  readonly focusRequest: FocusRequest | null;
  /** A highlight being re-placed: the next selection can be placed as its passage. */
  readonly placing: AnchoredHighlight | null;
  readonly onPlacingEnd: () => void;
  /** Makes the text at `offset` shown, expanding a collapsed section that holds it. */
  readonly reveal: (offset: CharOffset) => void;
  readonly onShow: (range: TextRange) => void;
}

/**
 * Everything about highlights in the reader's text: painting them, the selection toolbar and its
 * shortcuts (H highlight, T tag, P place, G then 1–6 grade the highlight selected or open), keyboard selection (Shift with the arrows), the tag
 * picker for a selection, a highlight's card on hover or click, and bringing a passage into view.
 */
export function ReaderHighlights(props: ReaderHighlightsProps) {
  const { sourceId, reliability, text, pages, bodyRef, scrollerRef, articleRef, highlights, focusRequest, placing, onPlacingEnd, reveal, onShow } = props;
  const tags = useTagIndex();
  const changes = highlightChanges(useChanges());
  const [painter, setPainter] = useState<HighlightPainter | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const [picker, setPicker] = useState<{ readonly range: TextRange; readonly anchor: ToolAnchor } | null>(null);
  const selection = useReaderSelection(bodyRef, scrollerRef, text);
  const hover = useHighlightHover(bodyRef, scrollerRef, painter);

  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const created = createHighlightPainter(body);
    setPainter(created);
    setUnsupported(created === null);
    return () => created?.dispose();
  }, [bodyRef, text]);

  const items = useMemo<PaintItem[]>(
    () =>
      highlights.flatMap(({ highlight, status, start, end }) =>
        status === 'orphan' || start === null || end === null
          ? []
          : [{ id: highlight.id, range: { start, end }, color: highlightColor(highlight, tags), needsReview: status === 'review' }],
      ),
    [highlights, tags],
  );
  useEffect(() => painter?.paint(items), [painter, items]);

  useEffect(() => painter?.showPending(picker?.range ?? null), [painter, picker]);

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!focusRequest || !painter || !scroller) return;
    const { range, focusText } = focusRequest;
    let frame = 0;
    let tries = 0;
    const bring = () => {
      const dom = painter.domRange(range);
      if (!dom) return;
      // A passage in a section just expanded has no boxes until the section has rendered open.
      if (dom.getClientRects().length === 0 && tries < 20) {
        tries += 1;
        frame = requestAnimationFrame(bring);
        return;
      }
      const box = scroller.getBoundingClientRect();
      scroller.scrollTop += dom.getBoundingClientRect().top - box.top - box.height / 3;
      painter.emphasise(range, EMPHASIS_MS);
      if (focusText) articleRef.current?.focus({ preventScroll: true });
    };
    reveal(range.start);
    bring();
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, painter, scrollerRef, articleRef, reveal]);

  const clearSelection = () => document.getSelection()?.removeAllRanges();
  const closePicker = () => {
    setPicker(null);
    clearSelection();
    articleRef.current?.focus({ preventScroll: true });
  };
  const actions = {
    highlight: async (range: TextRange) => {
      if (await changes.create(sourceId, range)) clearSelection();
    },
    tag: (range: TextRange, anchor: ToolAnchor) => setPicker({ range, anchor }),
    place: async (range: TextRange) => {
      if (!placing) return;
      if (await changes.place(placing.highlight.id, range)) {
        clearSelection();
        onPlacingEnd();
      }
    },
  };
  const gradeChord = useRef(new GradeChord());
  /** The highlight G then 1–6 grades: the one open in a pinned card, else the one holding the selection. */
  const gradeTarget = (): HighlightId | null => {
    const open = hover.popover?.pinned ? hover.popover.ids : [];
    if (open.length === 1) return open[0] ?? null;
    if (!selection) return null;
    const { start, end } = selection.range;
    const holding = highlights.filter((a) => a.status !== 'orphan' && a.start !== null && a.end !== null && a.start <= start && end <= a.end);
    return holding.length === 1 ? (holding[0]?.highlight.id ?? null) : null;
  };
  // Read by the key handler, which is attached once, so it sees the latest state.
  const latest = useRef({ selection, picker, placing, actions, hover, gradeTarget, changes });
  latest.current = { selection, picker, placing, actions, hover, gradeTarget, changes };

  useEffect(() => {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    if (!scroller || !body) return;
    const startPoint = () => {
      const active = document.activeElement;
      const own = active && body.contains(active) ? active.getAttribute(BLOCK_START_ATTRIBUTE) : null;
      const offset = own !== null ? charOffset(Number(own)) : firstVisibleBlockStart(scroller);
      return offset === null ? null : indexText(body).offsetToPoint(offset, 'forward');
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.defaultPrevented || isTypingTarget(target)) return;
      const { selection, picker, placing, actions, hover, gradeTarget, changes } = latest.current;
      if (event.shiftKey && !event.metaKey && articleRef.current?.contains(target) && !picker) {
        const step = selectionStep(event.key, event.ctrlKey || event.altKey);
        if (step && extendSelection(body, step, startPoint)) {
          event.preventDefault();
          return;
        }
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'escape') {
        hover.close();
        if (selection) clearSelection();
        return;
      }
      const graded = picker ? null : gradeTarget();
      if (graded !== null) {
        const pressed = gradeChord.current.press(event, event.timeStamp);
        if (pressed !== null) {
          event.preventDefault();
          if (pressed !== 'pending') void changes.setCredibility(graded, pressed);
          return;
        }
      }
      if (!selection || picker) return;
      const handled = placing ? key === 'p' : key === 'h' || key === 't';
      if (!handled) return;
      event.preventDefault();
      if (key === 'p') void actions.place(selection.range);
      else if (key === 'h') void actions.highlight(selection.range);
      else actions.tag(selection.range, selection.anchor);
    };
    scroller.addEventListener('keydown', onKeyDown);
    return () => scroller.removeEventListener('keydown', onKeyDown);
  }, [scrollerRef, bodyRef, articleRef]);

  const passage = selection && { sourceId, range: selection.range, quote: text.slice(selection.range.start, selection.range.end) };

  return (
    <>
      {passage && selection && !picker && (
        <SelectionToolbar
          passage={passage}
          anchor={selection.anchor}
          placing={placing !== null}
          onHighlight={() => void actions.highlight(selection.range)}
          onTag={() => actions.tag(selection.range, selection.anchor)}
          onPlace={() => void actions.place(selection.range)}
        />
      )}
      {picker && tags && (
        <PassagePopover anchor={picker.anchor}>
          <HighlightTagPicker target={{ kind: 'passage', sourceId, range: picker.range }} tags={tags} text={text} range={picker.range} onClose={closePicker} />
        </PassagePopover>
      )}
      {hover.popover && !picker && (
        <HighlightPopover
          state={hover.popover}
          highlights={highlights}
          tags={tags}
          text={text}
          pages={pages}
          reliability={reliability}
          onShow={onShow}
          onClose={() => {
            hover.close();
            articleRef.current?.focus({ preventScroll: true });
          }}
          onPointerInside={hover.keepOpen}
          onPin={hover.pin}
        />
      )}
      {placing && (
        <div className="placing-banner" role="status">
          <p>
            Re-placing “{shortQuote(passageText(placing, null), 80)}”: select where the passage is now, then choose <strong>Place here</strong> (P).
          </p>
          <button type="button" className="button" onClick={onPlacingEnd}>
            Cancel
          </button>
        </div>
      )}
      {unsupported && (
        <p className="reader-status" role="status">
          This browser cannot paint highlights in the text (it lacks the CSS Custom Highlight API); they are all listed under Annotations.
        </p>
      )}
    </>
  );
}

/**
 * What is asked about a selected passage (its tags), by the passage: below its last line, or above
 * when there is more room there; wholly inside the pane (so never under the sidebar, the other pane
 * or the status bar), scrolling inside when the pane is short.
 */
function PassagePopover({ anchor, children }: { readonly anchor: ToolAnchor; readonly children: ReactNode }) {
  const popover = usePopover(anchor.reference, { placement: 'bottom-start', boundary: anchor.boundary });
  return (
    <div ref={popover.ref} className="reader-picker" style={popover.style}>
      {children}
    </div>
  );
}
