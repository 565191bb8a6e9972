import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogChoice {
  readonly label: string;
  readonly onChoose: () => void;
  /** A choice that deletes something is set apart in colour. */
  readonly danger?: boolean;
}

interface ConfirmDialogProps {
  readonly title: string;
  /** What will happen, said plainly; it describes the dialog for screen readers. */
  readonly children: ReactNode;
  readonly choices: readonly DialogChoice[];
  readonly onCancel: () => void;
}

/**
 * A modal question (`alertdialog`) before something that affects the person's work. The browser's
 * modal dialog keeps focus inside and closes on Escape, which counts as Cancel. Focus starts on
 * Cancel, so a stray Enter changes nothing.
 */
export function ConfirmDialog({ title, children, choices, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        {choices.map((choice) => (
          <button key={choice.label} type="button" className={choice.danger ? 'button button-danger' : 'button'} onClick={choice.onChoose}>
            {choice.label}
          </button>
        ))}
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
