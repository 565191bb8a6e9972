import type { SaveStatus } from './autosaver';

/** Whether everything typed in the memo is on disk: "Saved", "Saving…", or what went wrong and Retry. */
export function SaveStatusLine({ status, onRetry }: { readonly status: SaveStatus; readonly onRetry: () => void }) {
  return (
    <p className="memo-save-status" role="status" data-status={status.kind}>
      {status.kind === 'saved' && 'Saved'}
      {status.kind === 'saving' && 'Saving…'}
      {status.kind === 'failed' && (
        <>
          Not saved: {status.reason}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            Retry
          </button>
        </>
      )}
    </p>
  );
}
