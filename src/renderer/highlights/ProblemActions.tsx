import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { useChanges } from '../changes/use-changes';
import { highlightChanges } from './highlight-changes';

/** Where the notebook proposes a highlight needing review now is; null when orphaned. */
export const proposedRange = ({ start, end }: AnchoredHighlight): TextRange | null => (start !== null && end !== null ? { start, end } : null);

interface ProblemActionsProps {
  readonly anchored: AnchoredHighlight;
  /** Starts re-placing the highlight: the person selects its passage in the reader. */
  readonly onReplace: (anchored: AnchoredHighlight) => void;
}

/** The decisions a highlight needing review or orphaned waits for: confirm where it is now, or re-place it. */
export function ProblemActions({ anchored, onReplace }: ProblemActionsProps) {
  const changes = highlightChanges(useChanges());
  const range = proposedRange(anchored);
  return (
    <div className="problem-actions">
      {anchored.status === 'review' && range && (
        <button type="button" className="button button-primary" onClick={() => void changes.place(anchored.highlight.id, range)}>
          Confirm
        </button>
      )}
      <button type="button" className="button" onClick={() => onReplace(anchored)}>
        Re-place
      </button>
    </div>
  );
}
