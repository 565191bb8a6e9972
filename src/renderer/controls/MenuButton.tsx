import { useMergeRefs } from '@floating-ui/react';
import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { paneOf, usePopover } from './use-popover';

export interface MenuItem {
  readonly label: string;
  readonly onSelect: () => void;
}

interface MenuButtonProps {
  /** The button's text, which names the menu. */
  readonly label: string;
  readonly items: readonly MenuItem[];
}

/**
 * A button that opens a short menu (the ARIA menu button pattern): arrows move through the items,
 * Enter or Space chooses one, Escape or leaving the menu closes it and returns to the button. The
 * menu opens below the button (above when there is no room), inside the button's pane.
 */
export function MenuButton({ label, items }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  // State rather than a ref: the menu is placed from it, so its arrival must render.
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const menuRef = useRef<HTMLUListElement | null>(null);
  const menuId = useId();
  const popover = usePopover(open ? button : null, { placement: 'bottom-end', gap: 4, boundary: paneOf(button) });
  const menuRefs = useMergeRefs([menuRef, popover.ref]);

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button?.focus();
  };

  const choose = (item: MenuItem) => {
    close(true);
    item.onSelect();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const current = entries.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      entries[(to + entries.length) % entries.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(entries.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  const onMenuBlur = (event: FocusEvent<HTMLUListElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== button) close(false);
  };

  return (
    <div className="menu-button">
      <button
        ref={setButton}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul
          ref={menuRefs}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu"
          style={popover.style}
          onKeyDown={onMenuKeyDown}
          onBlur={onMenuBlur}
        >
          {items.map((item) => (
            <li
              key={item.label}
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => choose(item)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  choose(item);
                }
              }}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
