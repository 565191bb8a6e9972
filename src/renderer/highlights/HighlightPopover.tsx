import type { Reliability } from '../../core/model/grades';
import type { PageSpan } from '../../core/model/source';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
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

/** The cards of the highlights under the pointer (overlapping ones each get theirs), by the text. */
export function HighlightPopover({ state, highlights, tags, text, pages, reliability, onShow, onClose, onPointerInside, onPin }: HighlightPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = state.ids.flatMap((id) => highlights.filter((h) => h.highlight.id === id));

  useEffect(() => {
    if (state.takesFocus) ref.current?.focus();
  }, [state.takesFocus]);

  if (shown.length === 0) return null;
  return (
    <div
      ref={ref}
      className={state.anchor.low ? 'highlight-popover above' : 'highlight-popover'}
      role="dialog"
      aria-label={shown.length === 1 ? 'Highlight' : `${shown.length} overlapping highlights`}
      tabIndex={-1}
      style={{ top: state.anchor.top, left: state.anchor.left } as CSSProperties}
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
