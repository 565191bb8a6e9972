import { useContext, useId } from 'react';
import type { HighlightId } from '../../core/model/ids';
import type { PassageDetail } from '../../shared/api-contract';
import { hashForSource } from '../app/location-hash';
import { PassageActionsContext } from '../app/passage-actions';

interface AnalysisPassagesProps {
  /** What the passages are, e.g. "R1 in The New Jihadi Sphere". */
  readonly title: string;
  readonly highlightIds: readonly HighlightId[];
  readonly passages: Readonly<Record<string, PassageDetail>>;
}

/**
 * The passages behind a cell or an edge: each quote with its source and grade, a link that opens
 * the source at the passage, and "Cite in memo" where the app offers it.
 */
export function AnalysisPassages({ title, highlightIds, passages }: AnalysisPassagesProps) {
  const headingId = useId();
  const { citeInMemo } = useContext(PassageActionsContext);
  const shown = highlightIds.map((id) => passages[id]).filter((p) => p !== undefined);
  return (
    <section className="analysis-passages" aria-labelledby={headingId}>
      <h2 id={headingId} className="analysis-passages-title">
        {title} <span className="count">{shown.length === 1 ? '1 passage' : `${shown.length} passages`}</span>
      </h2>
      {shown.length === 0 ? (
        <p className="view-empty">No passages here.</p>
      ) : (
        <ol className="analysis-passage-list">
          {shown.map((p) => (
            <li key={p.highlightId} className="analysis-passage">
              <blockquote className="analysis-quote">{p.quote}</blockquote>
              <p className="analysis-passage-facts">
                <span>{p.sourceTitle}</span>
                <span className="grade-mark" title="Grade: source reliability and passage credibility">
                  {p.mark ?? 'ungraded'}
                </span>
                {p.start !== null && p.end !== null ? (
                  <a href={hashForSource(p.sourceId, { start: p.start, end: p.end })}>Open in source</a>
                ) : (
                  <span>No longer found in the source</span>
                )}
                {citeInMemo && (
                  <button type="button" className="link-button" onClick={() => citeInMemo(p.highlightId)}>
                    Cite in memo
                  </button>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
