import type { SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { PassageHit, SearchResult } from '../../core/search/search-types';
import { hashForSource } from '../app/location-hash';
import { sourceLabel, useWorkspace } from '../panes/workspace-context';
import { SnippetText } from './SnippetText';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Where choosing a passage opens its source: its first hit. */
const hitOf = (passage: PassageHit): TextRange => passage.hits[0] ?? { start: passage.start, end: passage.end };

/** The best results of a search, grouped by source with their counts, most relevant source first. */
export function SearchResults({ result, onShowAll }: { readonly result: SearchResult; readonly onShowAll: () => void }) {
  const { sources, openToSide } = useWorkspace();
  const shown = result.sources.reduce((n, source) => n + source.passages.length, 0);
  const passages = result.sources.reduce((n, source) => n + source.passageCount, 0);
  return (
    <>
      <p className="search-summary" role="status">
        {result.total === 0
          ? 'No passage matches.'
          : `${plural(result.total, 'hit', 'hits')} in ${plural(result.sources.length, 'source', 'sources')}` +
            (shown < passages ? `; the ${shown} best of ${passages} passages shown` : '')}
      </p>
      {result.total > 0 && (
        <button type="button" className="search-side-button search-show-all" onClick={onShowAll}>
          Show all results
        </button>
      )}
      <ol className="search-results" aria-label="Results by source">
        {result.sources.map((source) => (
          <li key={source.sourceId} className="search-source">
            <h3 className="search-source-title">
              <span>{sourceLabel(sources, source.sourceId)}</span>
              <span className="search-source-counts">
                {plural(source.hitCount, 'hit', 'hits')} · {plural(source.passageCount, 'passage', 'passages')}
              </span>
            </h3>
            <ul className="search-passages">
              {source.passages.map((passage) => (
                <SearchPassage key={passage.start} sourceId={source.sourceId} passage={passage} onOpenToSide={openToSide} />
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}

interface SearchPassageProps {
  readonly sourceId: SourceId;
  readonly passage: PassageHit;
  readonly onOpenToSide: (sourceId: SourceId, at: TextRange) => void;
}

/** One passage: its snippet opens the source there in the left pane; a button opens it to the side. */
function SearchPassage({ sourceId, passage, onOpenToSide }: SearchPassageProps) {
  const at = hitOf(passage);
  return (
    <li className="search-passage">
      <a className="search-passage-link" href={hashForSource(sourceId, at)}>
        <SnippetText snippet={passage.snippet} />
      </a>
      <button type="button" className="search-side-button" onClick={() => onOpenToSide(sourceId, at)}>
        Open to the side
      </button>
    </li>
  );
}
