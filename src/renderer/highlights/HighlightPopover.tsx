import type { Reliability } from '../../core/model/grades';
import type { PageSpan } from '../../core/model/source';
import { useMergeRefs } from '@floating-ui/react';
import { useEffect, useRef } from 'react';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { usePopover } from '../controls/use-popover';
import type { TagIndex } from '../tags/tag-index';
import { HighlightCard } from './HighlightCard';
import type { HighlightPopoverState } from './use-highlight-hover';

interface HighlightPopoverProps {
  readonly state: HighlightPopoverState;
  readonly highlights: readonly AnchoredHighlight[];
  readonly tags: TagIndex | null;
  readonly text: string;
  readonly pages?: readonly PageSpan[] | undefined;
  /** The source's reliability grade, for the cards' marks. */
  readonly reliability: Reliability | null;
  readonly onShow: (range: TextRange) => void;
  readonly onClose: () => void;
  readonly onPointerInside: (inside: boolean) => void;
  /** Focus moved into a card opened by hovering: keep it open. */
  readonly onPin: () => void;
}

/**
 * The cards of the highlights under the pointer (overlapping ones each get theirs), by the text:
 * below its line, or above when there is more room there, inside the pane, scrolling when tall.
 */
export function HighlightPopover({ state, highlights, tags, text, pages, reliability, onShow, onClose, onPointerInside, onPin }: HighlightPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = state.ids.flatMap((id) => highlights.filter((h) => h.highlight.id === id));
  const popover = usePopover(state.anchor.reference, { placement: 'bottom', gap: 4, boundary: state.anchor.boundary });
  const refs = useMergeRefs([ref, popover.ref]);

  useEffect(() => {
    if (state.takesFocus) ref.current?.focus({ preventScroll: true });
  }, [state.takesFocus]);

  if (shown.length === 0) return null;
  return (
    <div
      ref={refs}
      className="highlight-popover"
      role="dialog"
      aria-label={shown.length === 1 ? 'Highlight' : `${shown.length} overlapping highlights`}
      tabIndex={-1}
      style={popover.style}
      onMouseEnter={() => onPointerInside(true)}
      onMouseLeave={() => onPointerInside(false)}
      onFocus={onPin}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        }
      }}
    >
      {state.pinned && (
        <button type="button" className="popover-close link-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      )}
      {shown.map((anchored) => (
        <HighlightCard key={anchored.highlight.id} anchored={anchored} tags={tags} text={text} pages={pages} reliability={reliability} onShow={onShow} />
      ))}
    </div>
  );
}
