import { useContext, type KeyboardEvent } from 'react';
import { PassageActionsContext, type SelectedPassage } from '../app/passage-actions';
import { usePopover } from '../controls/use-popover';
import type { ToolAnchor } from './use-reader-selection';

interface SelectionToolbarProps {
  readonly passage: SelectedPassage;
  readonly anchor: ToolAnchor;
  /** While re-placing a highlight, the toolbar offers "Place here" instead. */
  readonly placing: boolean;
  readonly onHighlight: () => void;
  readonly onTag: () => void;
  readonly onPlace: () => void;
}

/** The shortcuts work while the selection is in the reader; shown on the buttons and to assistive technology. */
export const SHORTCUTS = { highlight: 'H', tag: 'T', place: 'P' } as const;

/**
 * The tools for a passage just selected, just below where the selection ends (above it when the
 * line is at the foot of the pane), always inside the pane; out of sight while that line is
 * scrolled out of the pane. Pressing a button
 * does not take focus from the text, so the selection stays. Other features add their tools
 * (e.g. "Related passages") after these.
 */
export function SelectionToolbar({ passage, anchor, placing, onHighlight, onTag, onPlace }: SelectionToolbarProps) {
  const { selectionTools } = useContext(PassageActionsContext);
  const popover = usePopover(anchor.reference, { placement: 'bottom', boundary: anchor.boundary, hideDetached: true });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[(at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
  };

  const button = (label: string, key: string, onClick: () => void) => (
    <button type="button" className="toolbar-button" aria-keyshortcuts={key} title={`${label} (${key})`} onClick={onClick}>
      {label}
      <kbd className="toolbar-key" aria-hidden="true">
        {key}
      </kbd>
    </button>
  );

  return (
    <div
      ref={popover.ref}
      className="selection-toolbar"
      role="toolbar"
      aria-label="Selection"
      style={popover.style}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      {placing ? (
        button('Place here', SHORTCUTS.place, onPlace)
      ) : (
        <>
          {button('Highlight', SHORTCUTS.highlight, onHighlight)}
          {button('Tag', SHORTCUTS.tag, onTag)}
          {selectionTools?.(passage)}
        </>
      )}
    </div>
  );
}
