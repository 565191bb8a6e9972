import { useCallback, useId, useState } from 'react';
import type { HighlightId, TagId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { findCitable } from '../memos/citable-highlights';
import { loadCitable } from '../memos/load-citable';

/** How many matching highlights the picker lists at once; typing narrows them. */
const SHOWN = 25;

interface AchEvidencePickerProps {
  readonly api: NotebookApi;
  /** Passages on the board already: offered, but marked, since adding them again does nothing. */
  readonly present: ReadonlySet<HighlightId>;
  readonly onAdd: (highlightIds: readonly HighlightId[], what: string) => void;
  readonly onClose: () => void;
}

/** "Add evidence": one highlight found by its words, or every passage of a tag. */
export function AchEvidencePicker({ api, present, onAdd, onClose }: AchEvidencePickerProps) {
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const searchId = useId();
  const { resource: citable, retry } = useApiResource(useCallback(() => loadCitable(api), [api]));
  const { resource: tags } = useApiResource(useCallback(() => api.call('tags.list', {}), [api]));

  const addTag = async () => {
    if (tag === '') return;
    const passages = await api.call('highlights.byTag', { tagId: tag as TagId });
    if (!passages.ok) return setProblem(`The passages of that tag could not be loaded: ${passages.error.message}`);
    const ids = passages.value.sources.flatMap((source) => source.highlights.map((a) => a.highlight.id));
    setProblem(null);
    onAdd(ids, `the ${ids.length} ${ids.length === 1 ? 'passage' : 'passages'} tagged “${passages.value.tag.name}”`);
  };

  return (
    <section className="ach-picker" aria-label="Add evidence">
      <div className="ach-picker-row">
        <label htmlFor={searchId}>Find a highlight</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words of the passage, a tag, a source" />
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
      {citable.status === 'loading' && <p role="status">Loading highlights…</p>}
      {citable.status === 'failed' && (
        <p role="alert">
          The highlights could not be loaded: {citable.error.message}{' '}
          <button type="button" className="link-button" onClick={retry}>
            Retry
          </button>
        </p>
      )}
      {citable.status === 'ready' &&
        (citable.value.length === 0 ? (
          <p>No highlights yet: highlight passages in a source to weigh them here.</p>
        ) : (
          <ul className="ach-picker-list" aria-label="Highlights">
            {findCitable(citable.value, query, SHOWN).map((h) => (
              <li key={h.highlightId}>
                <button type="button" className="ach-picker-item" onClick={() => onAdd([h.highlightId], 'the passage')} aria-disabled={present.has(h.highlightId)}>
                  <span className="ach-picker-quote">{h.quote}</span>
                  <span className="ach-picker-facts">
                    {h.sourceTitle}
                    {h.tagNames.length > 0 && ` · ${h.tagNames.join(', ')}`}
                    {present.has(h.highlightId) && ' · on the board'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      <div className="ach-picker-row">
        <label>
          Add every passage of a tag{' '}
          <select value={tag} onChange={(e) => setTag(e.target.value)}>
            <option value="">Choose a tag</option>
            {tags.status === 'ready' &&
              tags.value.families.map((family) => (
                <optgroup key={family.id} label={family.name}>
                  {tags.value.tags
                    .filter((t) => t.familyId === family.id)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name} ({tags.value.usage[t.id] ?? 0})
                      </option>
                    ))}
                </optgroup>
              ))}
          </select>
        </label>
        <button type="button" className="button" disabled={tag === ''} onClick={() => void addTag()}>
          Add from tag
        </button>
      </div>
      {problem !== null && <p role="alert">{problem}</p>}
    </section>
  );
}
