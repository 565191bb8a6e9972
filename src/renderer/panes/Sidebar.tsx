import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ReadingSettings } from '../settings/ReadingSettings';
import { setSidebarCollapsed } from '../settings/settings-store';
import { useSettings } from '../settings/use-settings';
import { SidebarResizer } from './SidebarResizer';

/**
 * The workspace's left column (search, library, views) with what shapes the window: a button that
 * hides it, leaving a narrow rail to bring it back, the reading settings, and its resizer. Hidden,
 * it stays in the page, so a search or a filter in it is still there when it comes back.
 */
export function Sidebar({ children }: { readonly children: ReactNode }) {
  const { sidebar } = useSettings();
  const id = useId();
  const sidebarRef = useRef<HTMLDivElement>(null);
  const [shownWidth, setShownWidth] = useState<number | null>(null);
  const hideRef = useRef<HTMLButtonElement>(null);
  const showRef = useRef<HTMLButtonElement>(null);
  // Where the keyboard was when the button that moved it disappears: on the button that takes its place.
  const [refocus, setRefocus] = useState(false);

  useEffect(() => {
    const element = sidebarRef.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (element.offsetWidth > 0) setShownWidth(element.offsetWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    (sidebar.collapsed ? showRef : hideRef).current?.focus({ preventScroll: true });
  }, [refocus, sidebar.collapsed]);

  const toggle = (collapsed: boolean) => {
    setSidebarCollapsed(collapsed);
    setRefocus(true);
  };

  return (
    <>
      {sidebar.collapsed && (
        <div className="sidebar-rail" data-region="sidebar">
          <button ref={showRef} type="button" className="sidebar-tool" aria-expanded={false} aria-controls={id} title="Show sidebar" onClick={() => toggle(false)}>
            <span aria-hidden="true">»</span>
            <span className="visually-hidden">Show sidebar</span>
          </button>
          <ReadingSettings placement="right-start" />
        </div>
      )}
      <div className="sidebar" id={id} ref={sidebarRef} data-region="sidebar" hidden={sidebar.collapsed}>
        <div className="sidebar-bar">
          <button ref={hideRef} type="button" className="sidebar-tool" aria-expanded={true} aria-controls={id} title="Hide sidebar" onClick={() => toggle(true)}>
            <span aria-hidden="true">«</span>
            <span className="visually-hidden">Hide sidebar</span>
          </button>
          <ReadingSettings placement="bottom-start" />
        </div>
        {children}
        {!sidebar.collapsed && shownWidth !== null && <SidebarResizer width={shownWidth} />}
      </div>
    </>
  );
}
