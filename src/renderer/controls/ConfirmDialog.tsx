import { useId, useRef, type ReactNode } from 'react';
import { Dialog } from './Dialog';

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
 * A modal question (`alertdialog`) before something that affects the person's work. Escape counts
 * as Cancel. Focus starts on Cancel, so a stray Enter changes nothing.
 */
export function ConfirmDialog({ title, children, choices, onCancel }: ConfirmDialogProps) {
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);

  return (
    <Dialog
      title={title}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      onCancel={onCancel}
      actions={
        <>
          {choices.map((choice) => (
            <button key={choice.label} type="button" className={choice.danger ? 'button button-danger' : 'button'} onClick={choice.onChoose}>
              {choice.label}
            </button>
          ))}
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      }
    >
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
    </Dialog>
  );
}
