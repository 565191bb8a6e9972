import { useState } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { BackupsDialog } from './BackupsDialog';

/** Opens the list of the notebook's backups, from the sidebar's foot. */
export function BackupsButton({ api }: { readonly api: NotebookApi }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button sidebar-footer-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Backups…
      </button>
      {open && <BackupsDialog api={api} onClose={() => setOpen(false)} />}
    </>
  );
}
