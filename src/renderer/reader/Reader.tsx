import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { NotebookApi, SourceSummary } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { FailureNotice } from '../app/FailureNotice';
import { groupBlocks, trailerStart } from './block-groups';
import { indexFootnotes } from './footnotes';
import { navigateToElement } from './navigate';
import { openSource, type OpenedSource } from './open-source';
import { SourceBody } from './SourceBody';
import { SourceHeader } from './SourceHeader';
import type { SourceViewContext } from './source-view-context';
import { useReadingPosition } from './use-reading-position';

interface ReaderProps {
  readonly api: NotebookApi;
  readonly summary: SourceSummary;
}

/** One source, read from its remembered position. Its scrolling area is its own. */
export function Reader({ api, summary }: ReaderProps) {
  const load = useCallback(() => openSource(api, summary.id), [api, summary.id]);
  const { resource, retry } = useApiResource(load);
  const opened = resource.status === 'ready' ? resource.value : null;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const saveProblem = useReadingPosition(api, summary.id, scrollerRef, opened);
  const titleId = useId();
  const positionMessage = saveProblem
    ? `Your reading position is not being saved: ${saveProblem}`
    : opened?.positionProblem
      ? `Your reading position could not be restored: ${opened.positionProblem}`
      : null;

  return (
    <div className="reader-scroller" ref={scrollerRef}>
      <article className="reader" aria-labelledby={titleId} aria-busy={resource.status === 'loading'}>
        <SourceHeader summary={summary} titleId={titleId} />
        {resource.status === 'loading' && (
          <p className="reader-loading" role="status">
            Opening the source…
          </p>
        )}
        {resource.status === 'failed' && <FailureNotice what={`“${summary.title}” could not be opened.`} error={resource.error} onRetry={retry} />}
        {opened && <OpenedSourceView opened={opened} />}
      </article>
      {positionMessage && (
        <p className="reader-status" role="status">
          {positionMessage}
        </p>
      )}
    </div>
  );
}

function OpenedSourceView({ opened }: { readonly opened: OpenedSource }) {
  const { text, blocks } = opened.source;
  const scope = useId();
  const groups = useMemo(() => groupBlocks(blocks), [blocks]);
  const context = useMemo<SourceViewContext>(
    () => ({ text, blocks, footnotes: indexFootnotes(blocks), scope, navigate: navigateToElement }),
    [text, blocks, scope],
  );
  // Open the trailer at once if the person was last reading in it, so the position can be restored.
  const [trailerOpen, setTrailerOpen] = useState(() => {
    const start = trailerStart(blocks);
    return start !== null && opened.position !== null && opened.position >= start;
  });
  const toggleTrailer = useCallback(() => setTrailerOpen((open) => !open), []);
  return (
    <div className="source-body">
      <SourceBody groups={groups} context={context} trailerOpen={trailerOpen} onTrailerToggle={toggleTrailer} />
    </div>
  );
}
