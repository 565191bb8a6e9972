import { FORMAT_LABEL } from '../../core/import/extracted-source';
import { sourceId, tagId } from '../../core/model/ids';
import { GradeFilterControls } from '../grading/GradeFilterControls';
import { sourceLabel, useWorkspace } from '../panes/workspace-context';
import { useTagIndex } from '../tags/use-tag-index';
import { EMPTY_REQUEST, isFiltered, type FormatChoice, type SearchRequest } from './search-request';

interface SearchFiltersProps {
  readonly request: SearchRequest;
  readonly onChange: (change: Partial<SearchRequest>) => void;
}

/** A format choice as a select's value: "kind:report", "format:pdf". */
const formatValue = (choice: FormatChoice): string => ('kind' in choice ? `kind:${choice.kind}` : `format:${choice.format}`);
const formatLabel = (choice: FormatChoice): string => ('kind' in choice ? choice.kind : FORMAT_LABEL[choice.format]);

/** Highlighted passages, of any tag: the tag select's choice between "any" and a tag. */
const ANY_HIGHLIGHT = '*';

/** The search view's filters: source, format, tag, grade, date range, and the other names of groups. */
export function SearchFilters({ request, onChange }: SearchFiltersProps) {
  const { sources } = useWorkspace();
  const tags = useTagIndex();
  // The badges the library shows: a bundled source's kind, an imported one's file format.
  const formats = new Map<string, FormatChoice>();
  for (const source of sources.values()) {
    const choice: FormatChoice = source.imported ? { format: source.imported.format } : { kind: source.kind };
    formats.set(formatValue(choice), choice);
  }
  const tagValue = request.tagId ?? (request.highlightedOnly ? ANY_HIGHLIGHT : '');
  const active = activeFilters(request);
  // Folded by default, so that a short pane still has room for the results.
  return (
    <details className="search-filters-toggle">
      <summary>
        Filters{active > 0 && <span className="search-filters-count"> · {active} on</span>}
      </summary>
      <div className="search-filters">
        <label>
          <span>Source</span>
          <select value={request.sourceId ?? ''} onChange={(event) => onChange({ sourceId: event.currentTarget.value === '' ? null : sourceId(event.currentTarget.value) })}>
            <option value="">Any source</option>
            {[...sources.keys()].map((id) => (
              <option key={id} value={id}>
                {sourceLabel(sources, id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Format</span>
          <select value={request.format === null ? '' : formatValue(request.format)} onChange={(event) => onChange({ format: formats.get(event.currentTarget.value) ?? null })}>
            <option value="">Any format</option>
            {[...formats.entries()].map(([value, choice]) => (
              <option key={value} value={value}>
                {formatLabel(choice)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Tag</span>
          <select
            value={tagValue}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange({ tagId: value === '' || value === ANY_HIGHLIGHT ? null : tagId(value), highlightedOnly: value === ANY_HIGHLIGHT });
            }}
          >
            <option value="">Any passage</option>
            <option value={ANY_HIGHLIGHT}>Any highlight</option>
            {tags?.set.tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
        <GradeFilterControls value={request.grade} onChange={(grade) => onChange({ grade })} />
        <label>
          <span>From</span>
          <input type="date" value={request.from} max={request.to || undefined} onChange={(event) => onChange({ from: event.currentTarget.value })} />
        </label>
        <label>
          <span>To</span>
          <input type="date" value={request.to} min={request.from || undefined} onChange={(event) => onChange({ to: event.currentTarget.value })} />
        </label>
        <label className="search-filter-check">
          <input type="checkbox" checked={request.expandAliases} onChange={(event) => onChange({ expandAliases: event.currentTarget.checked })} />
          Find every name of a group
        </label>
        {isFiltered(request) && (
          <button
            type="button"
            className="search-side-button"
            onClick={() => onChange({ tagId: null, highlightedOnly: false, grade: EMPTY_REQUEST.grade, sourceId: null, format: null, from: '', to: '' })}
          >
            Clear filters
          </button>
        )}
      </div>
    </details>
  );
}

/** How many of the filters narrow the search. */
function activeFilters(request: SearchRequest): number {
  const { tagId, highlightedOnly, grade, sourceId, format, from, to } = request;
  return [tagId !== null || highlightedOnly, grade.maxCredibility !== null, grade.minReliability !== null, sourceId !== null, format !== null, from !== '', to !== ''].filter(Boolean).length;
}
