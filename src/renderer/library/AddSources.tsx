import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ImportQueue, QueuedFile } from './import-queue';
import { ImportRegion } from './ImportRegion';

/** What the file chooser offers; anything else can still be dropped, and is refused with a reason. */
const ACCEPT = ['.pdf', '.docx', '.epub', '.html', '.htm', '.xhtml', '.md', '.markdown', '.txt', '.text', '.qdpx', '.qdc'].join(',');

const queued = (file: File): QueuedFile => ({ name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) });

/** Electron's File > Add sources… presses the button by this mark (see src/main/menu.ts). */
const ADD_SOURCES_COMMAND = 'add-sources';

/**
 * "Add sources": a file chooser taking several files at once (in Electron, the system's own
 * dialog), and files dropped anywhere on the window; progress and outcomes show in ImportProgress.
 */
export function AddSources({ queue }: { readonly queue: ImportQueue }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // Only drags carrying files: text dragged within the page (a selection) is not an import.
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) queue.add(files.map(queued));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [queue]);

  return (
    <>
      <button type="button" className="button add-sources" data-command={ADD_SOURCES_COMMAND} onClick={() => inputRef.current?.click()}>
        Add sources
      </button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Cleared, so choosing the same file again (after fixing it) is a change too.
          event.target.value = '';
          if (files.length > 0) queue.add(files.map(queued));
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop the files to add them to the library</p>
        </div>
      )}
    </>
  );
}

/** The Import region of the queue's files, below the Library's heading. */
export function ImportProgress({ queue }: { readonly queue: ImportQueue }) {
  const rows = useSyncExternalStore(queue.subscribe, () => queue.rows);
  const busy = useSyncExternalStore(queue.subscribe, () => queue.busy);
  return <ImportRegion rows={rows} busy={busy} onCancel={() => queue.cancel()} onClear={() => queue.clearFinished()} />;
}
