import { useCallback, useContext, useId, useState, type CSSProperties, type MouseEvent } from 'react';
import type { Reliability } from '../../core/model/grades';
import type { SourceId, TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight, NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { hashForSource } from '../app/location-hash';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { GradeFilterControls } from '../grading/GradeFilterControls';
import { ANY_GRADE, isAnyGrade, passesGradeFilter, type GradeFilter } from '../../core/model/grade-filter';
import { GradeMark } from '../grading/GradeMark';
import { passageText } from '../highlights/passage-text';
import { PaneContext, useWorkspace } from '../panes/workspace-context';
import { TagChooser } from './TagChooser';
import { TagPickList } from './TagPickList';
import type { TagIndex } from './tag-index';
import { useTagIndex } from './use-tag-index';

/**
 * A passage's link: it opens the source at the passage in the other pane, so the tag view stays
 * beside it (the address is still there for "Copy link" and the like).
 */
function usePassageOpener(): (sourceId: SourceId, range: TextRange) => (event: MouseEvent<HTMLAnchorElement>) => void {
  const pane = useContext(PaneContext);
  const { openInOtherPane } = useWorkspace();
  return (sourceId, range) => (event) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    openInOtherPane(pane, sourceId, range);
  };
}

/** Every passage with one tag, across sources, grouped by source; a passage opens its source beside the view. */
export function TagView({ api, tagId }: { readonly api: NotebookApi; readonly tagId: TagId | null }) {
  const tags = useTagIndex();
  const headingId = useId();
  const pane = useContext(PaneContext);
  const { show } = useWorkspace();
  return (
    <main className="view tag-view" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          Tag view
        </h1>
        {tags && <TagChooser tags={tags} value={tagId} label="Tag" counts onChoose={(id) => show(pane, { kind: 'tag', tagId: id })} />}
      </header>
      {tagId === null ? (
        tags && <TagPickList tags={tags} onChoose={(id) => show(pane, { kind: 'tag', tagId: id })} />
      ) : (
        <TagPassagesView api={api} tagId={tagId} tags={tags} />
      )}
    </main>
  );
}

function TagPassagesView({ api, tagId, tags }: { readonly api: NotebookApi; readonly tagId: TagId; readonly tags: TagIndex | null }) {
  const revision = useRevision();
  const load = useCallback(() => api.call('highlights.byTag', { tagId }), [api, tagId]);
  const { resource, retry } = useApiResource(load, revision);
  const opener = usePassageOpener();
  const [grade, setGrade] = useState<GradeFilter>(ANY_GRADE);
  if (resource.status === 'loading') {
    return (
      <p className="view-empty" role="status">
        Finding the passages…
      </p>
    );
  }
  if (resource.status === 'failed') return <FailureNotice what="The passages with this tag could not be found." error={resource.error} onRetry={retry} />;
  const { tag, total, sources: all } = resource.value;
  const sources = isAnyGrade(grade)
    ? all
    : all.flatMap((s) => {
        const highlights = s.highlights.filter((a) => passesGradeFilter(a.highlight, s.reliability, grade));
        return highlights.length > 0 ? [{ ...s, highlights }] : [];
      });
  const shown = sources.reduce((n, s) => n + s.highlights.length, 0);
  const family = tags?.family(tag.familyId);
  return (
    <>
      <section className="tag-summary" style={{ '--tag-color': tag.color } as CSSProperties} aria-label={`About ${tag.name}`}>
        <h2 className="tag-summary-name">
          <span className="tag-swatch" aria-hidden="true" />
          {tag.name}
        </h2>
        <p className="tag-summary-facts">
          {family?.name}
          {' · '}
          {total === 1 ? '1 passage' : `${total} passages`} in {all.length === 1 ? '1 source' : `${all.length} sources`}
          {!isAnyGrade(grade) && `, ${shown} shown`}
        </p>
        {total > 0 && <GradeFilterControls value={grade} onChange={setGrade} />}
        {tag.aliases.length > 0 && <p className="tag-summary-aliases">Also called {tag.aliases.join(', ')}</p>}
        {tag.description !== '' && <p className="tag-description">{tag.description}</p>}
        {tag.statedAt && (
          <a className="show-in-report" href={hashForSource(tag.statedAt.sourceId, tag.statedAt)} onClick={opener(tag.statedAt.sourceId, tag.statedAt)}>
            Show in report
          </a>
        )}
      </section>
      {all.length === 0 && <p className="view-empty">No passage carries this tag yet.</p>}
      {all.length > 0 && sources.length === 0 && <p className="view-empty">No passage with this tag is graded that well.</p>}
      {sources.map((source) => (
        <SourcePassages key={source.sourceId} title={source.title} reliability={source.reliability} highlights={source.highlights} tags={tags} tagId={tagId} />
      ))}
    </>
  );
}

interface SourcePassagesProps {
  readonly title: string;
  readonly reliability: Reliability | null;
  readonly highlights: readonly AnchoredHighlight[];
  readonly tags: TagIndex | null;
  readonly tagId: TagId;
}

function SourcePassages({ title, reliability, highlights, tags, tagId }: SourcePassagesProps) {
  const headingId = useId();
  const opener = usePassageOpener();
  return (
    <section className="tag-source" aria-labelledby={headingId}>
      <h2 id={headingId} className="tag-source-title">
        {title} <span className="count">{highlights.length}</span>
      </h2>
      <ol className="passage-list">
        {highlights.map((anchored) => {
          const { highlight, start, end, status } = anchored;
          const stance = highlight.tags.find((t) => t.tagId === tagId)?.stance;
          const others = highlight.tags.filter((t) => t.tagId !== tagId).flatMap((t) => tags?.tag(t.tagId)?.name ?? []);
          const quote = passageText(anchored, null);
          return (
            <li key={highlight.id} className="passage" data-status={status}>
              {start !== null && end !== null && status !== 'orphan' ? (
                <a className="passage-link" href={hashForSource(highlight.target.sourceId, { start, end })} onClick={opener(highlight.target.sourceId, { start, end })}>
                  {quote}
                </a>
              ) : (
                <p className="passage-orphan">
                  {quote} <span className="card-status">(orphaned: not in the current text)</span>
                </p>
              )}
              <p className="passage-facts">
                <GradeMark reliability={reliability} credibility={highlight.credibility} />
                {stance && <span className="chip-stance" data-stance={stance}>{stance}</span>}
                {others.length > 0 && <span>also {others.join(', ')}</span>}
                {status === 'review' && <span className="card-status">needs review</span>}
              </p>
              {highlight.comment !== '' && <p className="card-comment">{highlight.comment}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
