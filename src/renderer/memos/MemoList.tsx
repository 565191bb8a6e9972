import { displayTitle } from '../../core/memo/memo-title';
import type { MemoId } from '../../core/model/ids';
import type { MemoSummary } from '../../shared/api-contract';
import { formatTime } from '../highlights/format-time';

interface MemoListProps {
  readonly memos: readonly MemoSummary[];
  readonly onOpen: (id: MemoId) => void;
  readonly onOpenToSide: (id: MemoId) => void;
}

/** The memos, most recently changed first, each opening with a click, or to the side. */
export function MemoList({ memos, onOpen, onOpenToSide }: MemoListProps) {
  if (memos.length === 0) return <p className="memo-empty">No memos yet. Start one with “New memo”, or draft one from the passages of a tag.</p>;
  return (
    <ul className="memo-list" aria-label="Memos">
      {memos.map((memo) => (
        <li key={memo.id} className="memo-list-item">
          <button type="button" className="memo-entry" onClick={() => onOpen(memo.id)}>
            <span className="memo-entry-title">{displayTitle(memo.title)}</span>
            <span className="memo-entry-facts">
              <time dateTime={memo.modified}>{formatTime(memo.modified)}</time>
              {` · ${memo.citationCount} ${memo.citationCount === 1 ? 'citation' : 'citations'}`}
            </span>
          </button>
          <button type="button" className="memo-side-button" onClick={() => onOpenToSide(memo.id)} aria-label={`Open to the side: “${displayTitle(memo.title)}”`}>
            Open to the side
          </button>
        </li>
      ))}
    </ul>
  );
}
