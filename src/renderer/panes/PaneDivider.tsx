import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { MAX_SPLIT, MIN_SPLIT, splitAtPointer, splitForKey } from './pane-layout';

interface PaneDividerProps {
  /** Share of the area the left pane takes. */
  readonly split: number;
  /** The element holding both panes, whose width the split divides. */
  readonly areaRef: RefObject<HTMLElement | null>;
  /** `settled` is false while dragging and true once the divider is let go or moved by a key. */
  readonly onSplit: (split: number, settled: boolean) => void;
}

const percent = (split: number): number => Math.round(split * 100);

/** The draggable divider between the panes: the ARIA window splitter, movable with the arrow keys. */
export function PaneDivider({ split, areaRef, onSplit }: PaneDividerProps) {
  const dragging = useRef(false);

  const splitAt = (event: PointerEvent<HTMLDivElement>): number | null => {
    const area = areaRef.current?.getBoundingClientRect();
    return area ? splitAtPointer(event.clientX, area.left, area.width) : null;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    dragging.current = true;
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const next = dragging.current ? splitAt(event) : null;
    if (next !== null) onSplit(next, false);
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    const next = splitAt(event);
    if (next !== null) onSplit(next, true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = splitForKey(split, event.key);
    if (next === null) return;
    event.preventDefault();
    onSplit(next, true);
  };

  return (
    <div
      className="pane-divider"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the panes"
      aria-valuemin={percent(MIN_SPLIT)}
      aria-valuemax={percent(MAX_SPLIT)}
      aria-valuenow={percent(split)}
      aria-valuetext={`Left pane ${percent(split)}% of the width`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
