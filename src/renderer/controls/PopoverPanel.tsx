import { useMergeRefs } from '@floating-ui/react';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { paneOf, usePopover } from './use-popover';

interface PopoverPanelProps {
  /** The button's accessible name, which also names the panel. */
  readonly label: string;
  /** What the button shows; its label when not given. */
  readonly face?: ReactNode;
  readonly buttonClassName?: string;
  readonly placement?: 'bottom-start' | 'bottom-end' | 'right-start';
  /** The panel's content; `close` closes it and returns the keyboard to the button. */
  readonly children: (close: () => void) => ReactNode;
}

/**
 * A button that opens a small non-modal panel of controls beside it (a disclosure): the panel takes
 * the keyboard when it opens, and Escape, the button again or moving out of it closes it. It stays
 * inside the button's pane when the button is in one.
 */
export function PopoverPanel({ label, face, buttonClassName = 'button', placement = 'bottom-end', children }: PopoverPanelProps) {
  const [open, setOpen] = useState(false);
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const panelRef = useRef<HTMLDivElement | null>(null);
  const panelId = useId();
  const popover = usePopover(open ? button : null, { placement, gap: 4, boundary: paneOf(button) });
  const panelRefs = useMergeRefs([panelRef, popover.ref]);

  // The keyboard goes to the current choice, else the first control. Focusing must not scroll the
  // reader the panel may sit in, so the panel brings that choice into its own view.
  useEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return;
    const target = ['[aria-current]', 'input:checked', 'a[href], button, input, select'].map((q) => panel.querySelector<HTMLElement>(q)).find((e) => e !== null);
    target?.focus({ preventScroll: true });
    if (target) panel.scrollTop = Math.max(0, target.offsetTop - panel.clientHeight / 2);
  }, [open]);

  // A click anywhere else closes it, as leaving it by the keyboard does.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target !== null && !panelRef.current?.contains(target) && !button?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, button]);

  const close = () => {
    setOpen(false);
    button?.focus({ preventScroll: true });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget as Node | null;
    if (to !== null && !event.currentTarget.contains(to) && to !== button) setOpen(false);
  };

  return (
    <>
      <button
        ref={setButton}
        type="button"
        className={buttonClassName}
        aria-label={face === undefined ? undefined : label}
        title={face === undefined ? undefined : label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {face ?? label}
      </button>
      {open && (
        <div ref={panelRefs} id={panelId} role="dialog" aria-label={label} className="popover-panel" style={popover.style} onKeyDown={onKeyDown} onBlur={onBlur}>
          {children(close)}
        </div>
      )}
    </>
  );
}
