import { displayTitle } from '../../core/memo/memo-title';
import type { MemoId } from '../../core/model/ids';
import type { MemoSummary } from '../../shared/api-contract';
import type { Resource } from '../app/use-api-resource';
import { Dialog } from '../controls/Dialog';
import { formatTime } from '../highlights/format-time';

interface CiteInMemoDialogProps {
  readonly memos: Resource<readonly MemoSummary[]>;
  readonly onChoose: (memoId: MemoId) => void;
  readonly onNewMemo: () => void;
  readonly onCancel: () => void;
}

/**
 * "Cite in memo" when no memo is open: which memo the citation goes to, most recently changed
 * first, or a new one. The browser's modal dialog starts focus on the first of them, the most
 * recent memo, so Enter cites there.
 */
export function CiteInMemoDialog({ memos, onChoose, onNewMemo, onCancel }: CiteInMemoDialogProps) {
  const ready = memos.status === 'ready' ? memos.value : null;
  return (
    <Dialog
      title="Cite in which memo?"
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onNewMemo}>
            New memo
          </button>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      }
    >
      {memos.status === 'loading' && <p role="status">Loading the memos…</p>}
      {memos.status === 'failed' && <p role="alert">The memos could not be listed ({memos.error.message}); the passage can still go in a new memo.</p>}
      {ready && ready.length === 0 && <p className="dialog-body">There are no memos yet: the passage goes in a new one.</p>}
      {ready && ready.length > 0 && (
        <ul className="cite-memo-list" aria-label="Memos to cite in">
          {ready.map((memo) => (
            <li key={memo.id}>
              <button type="button" className="memo-entry" onClick={() => onChoose(memo.id)}>
                <span className="memo-entry-title">{displayTitle(memo.title)}</span>
                <span className="memo-entry-facts">
                  <time dateTime={memo.modified}>{formatTime(memo.modified)}</time>
                  {` · ${memo.citationCount} ${memo.citationCount === 1 ? 'citation' : 'citations'}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
