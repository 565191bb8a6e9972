import { useId, useState } from 'react';
import { tagId, type TagId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import type { SelectedPassage } from '../app/passage-actions';
import { useRevision } from '../changes/use-changes';
import { GradeFilterControls } from '../grading/GradeFilterControls';
import { useTagIndex } from '../tags/use-tag-index';
import { AliasChips } from './AliasChips';
import { RelatedPassages } from './RelatedPassages';
import { SearchResults } from './SearchResults';
import { EMPTY_REQUEST } from './search-request';
import { useSearch, type SearchRequest } from './use-search';

interface SearchPanelProps {
  readonly api: NotebookApi;
  /** A selection whose related passages to list instead of search results. */
  readonly related: SelectedPassage | null;
  readonly onCloseRelated: () => void;
  /** Opens every result of the query in the search view. */
  readonly onShowAll: (query: string) => void;
}

/**
 * Search across sources: words anywhere in a passage, "a phrase" in quotes, the last word also as
 * the start of longer ones, -word or NOT word to leave out, OR between alternatives. A group's
 * name finds its other names too, unless switched off. The best results show here, grouped by
 * source; a passage opens its source at the hit, in the left pane or to the side. Enter, or "Show
 * all results", opens every result in the search view.
 */
export function SearchPanel({ api, related, onCloseRelated, onShowAll }: SearchPanelProps) {
  const [request, setRequest] = useState<SearchRequest>(EMPTY_REQUEST);
  const [attempt, setAttempt] = useState(0);
  const revision = useRevision();
  const tags = useTagIndex();
  // Highlights and tags change what a filter lets through, and which names a group has.
  const state = useSearch(api, request, `${revision}:${attempt}`);
  const headingId = useId();
  const update = (change: Partial<SearchRequest>) => setRequest((current) => ({ ...current, ...change }));
  const toggleGroup = (groupId: TagId, applied: boolean) =>
    update({ disabledGroups: applied ? request.disabledGroups.filter((id) => id !== groupId) : [...request.disabledGroups, groupId] });
  const result = state.status === 'done' ? state.result : state.status === 'searching' ? state.previous : null;

  return (
    <section className="search-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="search-heading">
        Search
      </h2>
      <form
        role="search"
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (request.query.trim() !== '') onShowAll(request.query);
        }}
      >
        <input
          type="search"
          className="search-box"
          aria-label="Search sources"
          placeholder="Search sources"
          value={request.query}
          onChange={(event) => update({ query: event.currentTarget.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') update({ query: '' });
          }}
        />
        <details className="search-options">
          <summary>Options</summary>
          <label>
            <input type="checkbox" checked={request.expandAliases} onChange={(event) => update({ expandAliases: event.currentTarget.checked })} />
            Find every name of a group
          </label>
          <label>
            <input type="checkbox" checked={request.highlightedOnly} onChange={(event) => update({ highlightedOnly: event.currentTarget.checked })} />
            Only in highlighted passages
          </label>
          <label>
            Only in passages tagged
            <select value={request.tagId ?? ''} onChange={(event) => update({ tagId: event.currentTarget.value === '' ? null : tagId(event.currentTarget.value) })}>
              <option value="">any tag or none</option>
              {tags?.set.tags.map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.name}
                </option>
              ))}
            </select>
          </label>
          <p className="search-grade">
            Only passages graded
            <GradeFilterControls value={request.grade} onChange={(grade) => update({ grade })} />
          </p>
        </details>
      </form>
      {related ? (
        <RelatedPassages key={`${related.sourceId}-${related.range.start}-${related.range.end}`} api={api} passage={related} onClose={onCloseRelated} />
      ) : (
        <div className="search-output" aria-busy={state.status === 'searching'}>
          {result && <AliasChips expansions={result.expansions} onToggle={toggleGroup} />}
          {result?.warnings.map((warning) => (
            <p key={warning.code} className="search-warning">
              {warning.message}
            </p>
          ))}
          {state.status === 'failed' && <FailureNotice what="The search could not be run." error={state.error} onRetry={() => setAttempt((n) => n + 1)} />}
          {result && <SearchResults result={result} onShowAll={() => onShowAll(request.query)} />}
        </div>
      )}
    </section>
  );
}
