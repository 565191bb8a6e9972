import { useEffect, useState } from 'react';
import { useChanges, useChangesSnapshot } from './use-changes';

/** "Undone: …" and "Nothing to undo" stay this long, then the bar says where the changes stand. */
const TRANSIENT_MS = 5000;

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = mac ? 'Cmd' : 'Ctrl';

/**
 * Where the person's changes stand: "Saving…" while the notebook writes, "Saved" once it has
 * acknowledged them (which it does once they are on disk), a failure with its message and Retry,
 * and Undo / Redo with what they would undo or redo.
 */
export function StatusBar() {
  const tracker = useChanges();
  const { progress, failure, history, sequence } = useChangesSnapshot();
  const [expired, setExpired] = useState<number | null>(null);

  useEffect(() => {
    if (progress.kind !== 'history') return;
    const timer = setTimeout(() => setExpired(sequence), TRANSIENT_MS);
    return () => clearTimeout(timer);
  }, [progress, sequence]);

  const message =
    progress.kind === 'saving'
      ? 'Saving…'
      : progress.kind === 'saved' || (progress.kind === 'history' && expired === sequence)
        ? 'Saved'
        : progress.kind === 'history'
          ? progress.text
          : '';

  return (
    <footer className="status-bar">
      <p className="status-message" role="status" data-progress={progress.kind}>
        {message}
      </p>
      {failure && (
        <div className="status-failure" role="alert">
          <p>
            <strong>{failure.what}</strong> {failure.message}
          </p>
          <button type="button" className="button" onClick={failure.retry}>
            Retry
          </button>
          <button type="button" className="button" onClick={() => tracker.dismiss()}>
            Dismiss
          </button>
        </div>
      )}
      <div className="history-buttons">
        <button
          type="button"
          className="button"
          disabled={history.undoLabel === null}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={history.undoLabel === null ? 'Nothing to undo' : `Undo “${history.undoLabel}” (${MOD}+Z)`}
          onClick={() => void tracker.undo()}
        >
          Undo
        </button>
        <button
          type="button"
          className="button"
          disabled={history.redoLabel === null}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
          title={history.redoLabel === null ? 'Nothing to redo' : `Redo “${history.redoLabel}” (Shift+${MOD}+Z)`}
          onClick={() => void tracker.redo()}
        >
          Redo
        </button>
      </div>
    </footer>
  );
}
