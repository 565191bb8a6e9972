import type { Reliability } from '../../core/model/grades';
import type { PageSpan } from '../../core/model/source';
import { useId, useMemo, useState } from 'react';
import { tagId as toTagId, type TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import type { Resource } from '../app/use-api-resource';
import { GradeFilterControls } from '../grading/GradeFilterControls';
import { ANY_GRADE, isAnyGrade, passesGradeFilter, type GradeFilter } from '../../core/model/grade-filter';
import { useTagIndex } from '../tags/use-tag-index';
import { HighlightCard } from './HighlightCard';
import { sortHighlights, tagsInUse } from './highlight-order';
import { HighlightsInTextOrder } from './HighlightsInTextOrder';
import { ProblemActions } from './ProblemActions';

interface AnnotationsPanelProps {
  readonly highlights: Resource<readonly AnchoredHighlight[]>;
  readonly onRetry: () => void;
  /** The open source's current text, once loaded. */
  readonly text: string | null;
  /** The open source's pages, when it is paginated (PDF). */
  readonly pages?: readonly PageSpan[] | undefined;
  /** The open source's reliability grade: the cards' marks, and the grade filter. */
  readonly reliability?: Reliability | null | undefined;
  readonly onShow: (range: TextRange) => void;
  /** Starts re-placing a highlight: the person selects its passage in the reader. */
  readonly onReplace: (anchored: AnchoredHighlight) => void;
}

/**
 * The open source's highlights: those that need the person's decision first (never hidden), then
 * every highlight in text order, optionally only those with one tag.
 */
export function AnnotationsPanel({ highlights, onRetry, text, pages, reliability, onShow, onReplace }: AnnotationsPanelProps) {
  const headingId = useId();
  const problemsId = useId();
  const tags = useTagIndex();
  const [filter, setFilter] = useState<TagId | null>(null);
  const all = highlights.status === 'ready' ? highlights.value : null;
  const inUse = useMemo(() => (all ? tagsInUse(all) : []), [all]);
  // A filter on a tag no highlight carries any more would hide everything; it falls back to all.
  const active = filter !== null && inUse.some((t) => t.tagId === filter) ? filter : null;
  const [grade, setGrade] = useState<GradeFilter>(ANY_GRADE);
  const { placed: placedWithTag, problems } = useMemo(() => sortHighlights(all ?? [], active), [all, active]);
  // Those needing a decision are never hidden, so the grade filter narrows only the placed ones.
  const placed = useMemo(
    () => (isAnyGrade(grade) ? placedWithTag : placedWithTag.filter((a) => passesGradeFilter(a.highlight, reliability, grade))),
    [placedWithTag, grade, reliability],
  );
  const filtered = active !== null || !isAnyGrade(grade);

  return (
    <aside className="annotations" aria-labelledby={headingId}>
      <header className="annotations-header">
        <h2 id={headingId} className="annotations-heading">
          Annotations
        </h2>
        {all && (
          <p className="annotations-count">
            {all.length === 1 ? '1 highlight' : `${all.length} highlights`}
            {filtered && `, ${placed.length + problems.length} shown`}
          </p>
        )}
        {inUse.length > 0 && (
          <label className="annotations-filter">
            <span>Filter by tag</span>
            <select value={active ?? ''} onChange={(event) => setFilter(event.target.value === '' ? null : toTagId(event.target.value))}>
              <option value="">All tags</option>
              {inUse.map(({ tagId, count }) => (
                <option key={tagId} value={tagId}>
                  {tags?.tag(tagId)?.name ?? 'Deleted tag'} ({count})
                </option>
              ))}
            </select>
          </label>
        )}
        {all && all.length > 0 && <GradeFilterControls value={grade} onChange={setGrade} />}
      </header>
      {highlights.status === 'loading' && (
        <p className="annotations-empty" role="status">
          Loading highlights…
        </p>
      )}
      {highlights.status === 'failed' && <FailureNotice what="The highlights of this source could not be loaded." error={highlights.error} onRetry={onRetry} />}
      {problems.length > 0 && (
        <section className="needs-attention" aria-labelledby={problemsId}>
          <h3 id={problemsId} className="needs-attention-heading">
            Needs attention ({problems.length})
          </h3>
          <p className="needs-attention-note">The source has a new version. Confirm where these passages are now, or select them again.</p>
          <ol className="card-list">
            {problems.map((anchored) => (
              <li key={anchored.highlight.id}>
                <HighlightCard anchored={anchored} tags={tags} text={text} pages={pages} reliability={reliability} onShow={onShow} />
                <ProblemActions anchored={anchored} onReplace={onReplace} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {all && all.length === 0 && (
        <p className="annotations-empty">
          No highlights yet. Select a passage and press <kbd>H</kbd> to highlight it or <kbd>T</kbd> to tag it.
        </p>
      )}
      {/* Keyed by the filters: another tag's or grade's list starts again from its first cards. */}
      {placed.length > 0 && (
        <HighlightsInTextOrder
          key={`${active ?? ''} ${grade.maxCredibility ?? ''}${grade.minReliability ?? ''}`}
          highlights={placed}
          tags={tags}
          text={text}
          pages={pages}
          reliability={reliability}
          onShow={onShow}
        />
      )}
    </aside>
  );
}
