import { useCallback, useId } from 'react';
import type { NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { hashForSource } from '../app/location-hash';
import type { SelectedPassage } from '../app/passage-actions';
import { useApiResource } from '../app/use-api-resource';
import { sourceLabel, useWorkspace } from '../panes/workspace-context';
import { SnippetText } from './SnippetText';

interface RelatedPassagesProps {
  readonly api: NotebookApi;
  readonly passage: SelectedPassage;
  readonly onClose: () => void;
}

const QUOTE_SHOWN = 120;

/** The passages of other sources most like a selection, to compare what each claims. */
export function RelatedPassages({ api, passage, onClose }: RelatedPassagesProps) {
  const { sources, openToSide } = useWorkspace();
  const headingId = useId();
  const { sourceId, range, quote } = passage;
  const load = useCallback(() => api.call('passages.related', { sourceId, start: range.start, end: range.end }), [api, sourceId, range.start, range.end]);
  const { resource, retry } = useApiResource(load);
  const shownQuote = quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote;

  return (
    <section className="related-passages" aria-labelledby={headingId}>
      <header className="related-header">
        <h2 id={headingId} className="search-heading">
          Related passages
        </h2>
        <button type="button" className="pane-button" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="related-quote">
        Like “{shownQuote}” in {sourceLabel(sources, sourceId)}
      </p>
      {resource.status === 'loading' && (
        <p className="search-summary" role="status">
          Comparing with the other sources…
        </p>
      )}
      {resource.status === 'failed' && <FailureNotice what="The related passages could not be found." error={resource.error} onRetry={retry} />}
      {resource.status === 'ready' && resource.value.length === 0 && (
        <p className="search-summary" role="status">
          No passage of another source shares enough words with it (words such as “has” or “under” do not count).
        </p>
      )}
      {resource.status === 'ready' && resource.value.length > 0 && (
        <ol className="search-passages" aria-label="Related passages, most similar first">
          {resource.value.map((related) => {
            const at = { start: related.start, end: related.end };
            return (
              <li key={`${related.sourceId}-${related.start}`} className="search-passage">
                <p className="related-facts">
                  <span className="related-source">{sourceLabel(sources, related.sourceId)}</span>
                  <span className="related-similarity" title="Cosine similarity of the words the passages use, weighed by how rare each word is (TF-IDF), function words left out; passages under 0.10 are not listed">
                    similarity {related.similarity.toFixed(2)}
                  </span>
                </p>
                <a className="search-passage-link" href={hashForSource(related.sourceId, at)}>
                  <SnippetText snippet={related.snippet} />
                </a>
                <button type="button" className="search-side-button" onClick={() => openToSide(related.sourceId, at)}>
                  Open to the side
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
