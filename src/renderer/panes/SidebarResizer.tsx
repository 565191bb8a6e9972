import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { setSidebarWidth } from '../settings/settings-store';
import { clampSidebarWidth, MAX_SIDEBAR_WIDTH, MIN_SIDEBAR_WIDTH, sidebarWidthForKey } from '../settings/workspace-settings';

/**
 * The sidebar's right edge, to drag or move with the arrow keys (the ARIA window splitter); the
 * width is remembered with the other settings.
 */
export function SidebarResizer({ width }: { readonly width: number }) {
  const dragging = useRef(false);

  const widthAt = (event: PointerEvent<HTMLDivElement>): number | null => {
    const sidebar = event.currentTarget.parentElement?.getBoundingClientRect();
    return sidebar ? clampSidebarWidth(event.clientX - sidebar.left) : null;
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    dragging.current = true;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const next = dragging.current ? widthAt(event) : null;
    if (next !== null) setSidebarWidth(next);
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = sidebarWidthForKey(width, event.key);
    if (next === null) return;
    event.preventDefault();
    setSidebarWidth(next);
  };

  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the sidebar"
      aria-valuemin={MIN_SIDEBAR_WIDTH}
      aria-valuemax={MAX_SIDEBAR_WIDTH}
      aria-valuenow={Math.round(width)}
      aria-valuetext={`Sidebar ${Math.round(width)} pixels wide`}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
