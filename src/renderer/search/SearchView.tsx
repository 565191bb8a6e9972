import { useCallback, useContext, useEffect, useId, useMemo, useState } from 'react';
import type { SourceId, TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { useRevision } from '../changes/use-changes';
import { PaneContext, useWorkspace } from '../panes/workspace-context';
import { AliasChips } from './AliasChips';
import { resultRows } from './result-rows';
import { ResultList } from './ResultList';
import { SearchFilters } from './SearchFilters';
import { EMPTY_REQUEST, type SearchRequest } from './search-request';
import { useSearchPages } from './use-search-pages';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Every result of a search, in a pane: grouped by source (the most relevant first, each source's
 * passages best first, its contents, notes and references last), two copies of one article as one
 * group, filtered by source, format, tag, grade and date. Results load a page at a time as the
 * list is scrolled (or with "Load more"); a passage opens its source at the hit beside the view.
 */
export function SearchView({ api, query }: { readonly api: NotebookApi; readonly query: string }) {
  const pane = useContext(PaneContext);
  const { twins, show, openInOtherPane } = useWorkspace();
  const [request, setRequest] = useState<SearchRequest>({ ...EMPTY_REQUEST, query });
  // A query sent from the sidebar replaces the one here; the filters stay.
  useEffect(() => setRequest((current) => (current.query === query ? current : { ...current, query })), [query]);
  const revision = useRevision();
  // Highlights and tags change what a filter lets through, and which names a group has.
  const pages = useSearchPages(api, request, revision);
  const headingId = useId();
  const update = (change: Partial<SearchRequest>) => setRequest((current) => ({ ...current, ...change }));
  const toggleGroup = (groupId: TagId, applied: boolean) =>
    update({ disabledGroups: applied ? request.disabledGroups.filter((id) => id !== groupId) : [...request.disabledGroups, groupId] });

  const { result, passages, loaded, matching, loadMore } = pages;
  const rows = useMemo(() => (result ? resultRows(result.sources, passages, twins) : []), [result, passages, twins]);
  const onOpen = useCallback((sourceId: SourceId, at: TextRange) => openInOtherPane(pane, sourceId, at), [openInOtherPane, pane]);
  const shown = request.query.trim() !== '' && result !== null;

  return (
    <main className="view search-view" aria-labelledby={headingId} aria-busy={pages.status === 'searching' || pages.loadingMore}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          Search
        </h1>
        <form
          role="search"
          className="search-view-form"
          onSubmit={(event) => {
            event.preventDefault();
            // Submitting keeps the query with the pane, so a restart shows it again.
            show(pane, { kind: 'search', query: request.query });
          }}
        >
          <input
            type="search"
            className="search-box"
            aria-label="Search all sources"
            placeholder="Words, &quot;a phrase&quot;, OR, AND, NOT"
            value={request.query}
            onChange={(event) => update({ query: event.currentTarget.value })}
          />
          <SearchFilters request={request} onChange={update} />
        </form>
      </header>
      {shown && <AliasChips expansions={result.expansions} onToggle={toggleGroup} />}
      {shown &&
        result.warnings.map((warning) => (
          <p key={warning.code} className="search-warning">
            {warning.message}
          </p>
        ))}
      {pages.error && <FailureNotice what="The search could not be run." error={pages.error} onRetry={pages.retry} />}
      {request.query.trim() === '' && <p className="view-empty">Type words to find in every source: "a phrase" in quotes, OR between alternatives, NOT or -word to leave out.</p>}
      {shown && (
        <p className="search-summary search-view-summary" role="status">
          {result.total === 0
            ? 'No passage matches.'
            : `${plural(result.total, 'hit', 'hits')} in ${plural(result.sources.length, 'source', 'sources')} · ` +
              (loaded < matching ? `${loaded} of ${plural(matching, 'passage', 'passages')} loaded` : `all ${plural(matching, 'passage', 'passages')} shown`)}
        </p>
      )}
      {shown && rows.length > 0 && <ResultList rows={rows} onOpen={onOpen} onNearEnd={loadMore} />}
      {shown && loaded < matching && (
        <button type="button" className="search-load-more" onClick={loadMore} disabled={pages.loadingMore}>
          {pages.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </main>
  );
}
