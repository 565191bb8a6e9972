import {
  autoUpdate,
  flip,
  FloatingPortal,
  offset,
  shift,
  size,
  useDismiss,
  useFloating,
  useFocus,
  useHover,
  useInteractions,
  useRole,
} from '@floating-ui/react';
import { useState, type MouseEvent, type ReactNode } from 'react';
import type { TextRange } from '../../core/model/source';
import { paneOf } from '../controls/use-popover';

/** The room a preview keeps from the edges of its pane. */
const EDGE = 8;
/** Long enough that passing over a marker on the way elsewhere opens nothing. */
const HOVER_DELAY = { open: 200, close: 120 } as const;

interface FootnoteMarkerProps {
  readonly note: number;
  /** The note's text in the source, shown in the preview. */
  readonly noteRange: TextRange | undefined;
  readonly text: string;
  /** The marker's own element id (the target of the note's back-link) and the note's. */
  readonly id: string;
  readonly noteId: string;
  readonly navigate: (elementId: string) => void;
  readonly children: ReactNode;
}

/**
 * A footnote marker: a link to its note, which previews the note's text beside the marker on hover
 * and on keyboard focus (Escape closes it), so reading need not jump to the back of the source and
 * back. The preview is a tooltip (the note's text becomes the marker's description) placed with
 * Floating UI inside the marker's pane, flipping below when there is no room above and scrolling
 * inside when the note is long. It is rendered apart from the source's text (in a portal), since
 * the reader maps every character of the text it shows to the canonical text.
 */
export function FootnoteMarker({ note, noteRange, text, id, noteId, navigate, children }: FootnoteMarkerProps) {
  const [open, setOpen] = useState(false);
  const [marker, setMarker] = useState<HTMLAnchorElement | null>(null);
  const bounds = { boundary: paneOf(marker) ?? 'clippingAncestors', padding: EDGE } as const;
  const { refs, floatingStyles, context } = useFloating({
    open,
    onOpenChange: setOpen,
    placement: 'top',
    // Fixed: out of the clipping of the reader's scrolling area, whatever its place in the page.
    strategy: 'fixed',
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(6),
      flip({ ...bounds, fallbackPlacements: ['bottom'] }),
      shift({ ...bounds, crossAxis: true }),
      size({
        ...bounds,
        apply: ({ availableWidth, availableHeight, elements }) => {
          Object.assign(elements.floating.style, { maxWidth: `min(30rem, ${Math.max(0, availableWidth)}px)`, maxHeight: `${Math.max(80, availableHeight)}px` });
        },
      }),
    ],
  });
  const { getReferenceProps, getFloatingProps } = useInteractions([
    useHover(context, { delay: HOVER_DELAY, enabled: noteRange !== undefined }),
    useFocus(context, { enabled: noteRange !== undefined }),
    useDismiss(context),
    useRole(context, { role: 'tooltip' }),
  ]);
  const follow = (event: MouseEvent) => {
    event.preventDefault();
    setOpen(false);
    navigate(noteId);
  };
  const setReference = (element: HTMLAnchorElement | null) => {
    refs.setReference(element);
    setMarker(element);
  };

  return (
    <sup className="footnote-ref">
      <a ref={setReference} id={id} href={`#${noteId}`} aria-label={`Note ${note}`} {...getReferenceProps({ onClick: follow })}>
        {children}
      </a>
      {open && noteRange !== undefined && (
        <FloatingPortal>
          <div ref={refs.setFloating} className="footnote-preview" style={floatingStyles} {...getFloatingProps()}>
            <span className="footnote-preview-number">{note}</span> {text.slice(noteRange.start, noteRange.end)}
          </div>
        </FloatingPortal>
      )}
    </sup>
  );
}
