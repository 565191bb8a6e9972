import { useCallback, useId } from 'react';
import type { AnchoredHighlight, NotebookApi } from '../../shared/api-contract';
import { ok } from '../../shared/api-result';
import { FailureNotice } from '../app/FailureNotice';
import { hashForSource } from '../app/location-hash';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { useTagIndex } from '../tags/use-tag-index';
import { HighlightCard } from './HighlightCard';
import { ProblemActions, proposedRange } from './ProblemActions';

const STATUS_LABEL: Record<AnchoredHighlight['status'], string> = { exact: 'Placed', fuzzy: 'Placed', review: 'Needs review', orphan: 'Orphaned' };

/** Opens the highlight's source, at the passage the notebook proposes for it when there is one. */
const openInSource = (anchored: AnchoredHighlight) => {
  window.location.hash = hashForSource(anchored.highlight.target.sourceId, proposedRange(anchored));
};

/**
 * Every highlight, across sources, that a new version of its source left needing review or
 * orphaned, with the decisions the source's Annotations panel offers for it.
 */
export function ProblemsView({ api }: { readonly api: NotebookApi }) {
  const headingId = useId();
  const tags = useTagIndex();
  const revision = useRevision();
  const load = useCallback(async () => {
    const [problems, sources] = await Promise.all([api.call('highlights.problems', {}), api.call('sources.list', {})]);
    if (!problems.ok) return problems;
    if (!sources.ok) return sources;
    return ok({ problems: problems.value, sources: new Map(sources.value.map((s) => [s.id, s])) });
  }, [api]);
  const { resource, retry } = useApiResource(load, revision);

  return (
    <main className="view problems-view" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          Needs attention
        </h1>
        <p className="view-intro">
          Highlights whose source has a new version in which their passage moved, changed or is gone. Confirm where the notebook found one, or re-place it:
          its source opens at the passage, and its Annotations panel lets you select it again.
        </p>
      </header>
      {resource.status === 'loading' && (
        <p className="view-empty" role="status">
          Looking through every source…
        </p>
      )}
      {resource.status === 'failed' && <FailureNotice what="The highlights needing attention could not be listed." error={resource.error} onRetry={retry} />}
      {resource.status === 'ready' && resource.value.problems.length === 0 && <p className="view-empty">Every highlight is in place in its source.</p>}
      {resource.status === 'ready' && resource.value.problems.length > 0 && (
        <ol className="card-list" aria-label="Highlights needing attention">
          {resource.value.problems.map((anchored) => {
            const { sourceId } = anchored.highlight.target;
            return (
              <li key={anchored.highlight.id}>
                <p className="problem-source">
                  <a href={hashForSource(sourceId)}>{resource.value.sources.get(sourceId)?.title ?? sourceId}</a>
                  {' · '}
                  <span className="problem-status">{STATUS_LABEL[anchored.status]}</span>
                </p>
                <HighlightCard
                  anchored={anchored}
                  tags={tags}
                  text={null}
                  reliability={resource.value.sources.get(sourceId)?.reliability ?? null}
                  onShow={(range) => (window.location.hash = hashForSource(sourceId, range))} />
                <ProblemActions anchored={anchored} onReplace={openInSource} />
              </li>
            );
          })}
        </ol>
      )}
    </main>
  );
}
