import { useEffect, useId, useState } from 'react';
import type { Highlight } from '../../core/model/highlight';
import type { HighlightId } from '../../core/model/ids';
import { useChanges } from '../changes/use-changes';
import { shortQuote } from '../highlights/passage-text';
import { findCitable, type CitableHighlight } from '../memos/citable-highlights';
import { loadCitable } from '../memos/load-citable';

interface CorroborationEditorProps {
  readonly highlight: Highlight;
  readonly onChange: (corroboratedBy: readonly HighlightId[]) => void;
}

type Candidates = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly list: readonly CitableHighlight[] } | { readonly kind: 'failed'; readonly message: string };

/** What the list shows of a corroborating highlight: its quote, or why it has none. */
interface Corroborator {
  readonly id: HighlightId;
  readonly quote: string;
  readonly sourceTitle: string | null;
}

/**
 * "Corroborated by": the other highlights that back this one, each shown by its quote and
 * removable, and a small picker listing the notebook's highlights by quote to add one.
 */
export function CorroborationEditor({ highlight, onChange }: CorroborationEditorProps) {
  const tracker = useChanges();
  const listId = useId();
  const ids = highlight.corroboratedBy ?? [];
  const [shown, setShown] = useState<readonly Corroborator[]>([]);
  const [picking, setPicking] = useState(false);
  const [candidates, setCandidates] = useState<Candidates>({ kind: 'loading' });
  const [query, setQuery] = useState('');
  const key = ids.join(' ');

  useEffect(() => {
    if (key === '') {
      setShown([]);
      return;
    }
    let current = true;
    const wanted = key.split(' ') as HighlightId[];
    void tracker.read('citations.resolve', { highlightIds: wanted }).then((result) => {
      if (!current) return;
      // A corroborating highlight deleted since stays listed (it is still in the list to remove).
      setShown(
        wanted.map((id, i) => {
          const resolved = result.ok ? result.value[i] : undefined;
          return { id, quote: resolved?.quote ?? (resolved?.state === 'deleted' ? 'A deleted highlight' : 'A highlight whose passage is not found'), sourceTitle: resolved?.sourceTitle ?? null };
        }),
      );
    });
    return () => {
      current = false;
    };
  }, [tracker, key]);

  useEffect(() => {
    if (!picking) return;
    let current = true;
    setCandidates({ kind: 'loading' });
    void loadCitable({ call: (method, input) => tracker.read(method, input) }).then((result) => {
      if (current) setCandidates(result.ok ? { kind: 'ready', list: result.value } : { kind: 'failed', message: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [picking, tracker]);

  const offered =
    candidates.kind === 'ready' ? findCitable(candidates.list.filter((c) => c.highlightId !== highlight.id && !ids.includes(c.highlightId)), query, 8) : [];

  return (
    <div className="corroboration">
      <p className="corroboration-heading" id={listId}>
        Corroborated by
      </p>
      {shown.length > 0 ? (
        <ul className="corroboration-list" aria-labelledby={listId}>
          {shown.map((c) => (
            <li key={c.id}>
              <span className="corroboration-quote" title={c.sourceTitle ?? undefined}>
                “{shortQuote(c.quote, 80)}”
              </span>
              <button type="button" className="link-button" aria-label={`Remove “${shortQuote(c.quote, 40)}” from the corroborating highlights`} onClick={() => onChange(ids.filter((id) => id !== c.id))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="corroboration-none">No other highlight yet.</p>
      )}
      {picking ? (
        <div className="corroboration-picker">
          <input
            type="search"
            aria-label="Find a highlight that corroborates this one"
            placeholder="Find a highlight by its words…"
            value={query}
            autoFocus
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setPicking(false);
            }}
          />
          {candidates.kind === 'loading' && <p role="status">Loading highlights…</p>}
          {candidates.kind === 'failed' && <p role="alert">The highlights could not be listed: {candidates.message}</p>}
          {candidates.kind === 'ready' && offered.length === 0 && <p role="status">No other highlight matches.</p>}
          {offered.length > 0 && (
            <ul className="corroboration-candidates" aria-label="Highlights to add">
              {offered.map((c) => (
                <li key={c.highlightId}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onChange([...ids, c.highlightId]);
                      setPicking(false);
                      setQuery('');
                    }}
                  >
                    “{shortQuote(c.quote, 80)}” <span className="corroboration-source">{c.sourceTitle}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={() => setPicking(false)}>
            Done
          </button>
        </div>
      ) : (
        <button type="button" className="link-button" onClick={() => setPicking(true)}>
          Add corroborating highlight
        </button>
      )}
    </div>
  );
}
