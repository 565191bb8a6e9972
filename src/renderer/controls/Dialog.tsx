import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface DialogProps {
  /** Shown as the dialog's heading, which is also its accessible name. */
  readonly title: ReactNode;
  readonly children: ReactNode;
  /** The buttons at the foot of the dialog. */
  readonly actions: ReactNode;
  /** Escape, which the browser's modal dialog turns into a cancel. */
  readonly onCancel: () => void;
  /** `alertdialog` for a question before something that affects the person's work. */
  readonly role?: 'dialog' | 'alertdialog';
  /** The id of what describes the dialog to screen readers. */
  readonly describedBy?: string;
  /** Where focus starts (a ref, which stays the same object); otherwise the browser picks the first control. */
  readonly initialFocus?: RefObject<HTMLElement | null>;
  readonly wide?: boolean;
}

/**
 * A modal dialog, open while mounted. The browser's modal dialog keeps focus inside; when the
 * dialog goes, focus returns to what opened it, so keyboard users do not lose their place.
 */
export function Dialog({ title, children, actions, onCancel, role = 'dialog', describedBy, initialFocus, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    initialFocus?.current?.focus();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, [initialFocus]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      role={role === 'alertdialog' ? role : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
