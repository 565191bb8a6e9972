import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { highlightLayers } from '../highlights/highlight-layers';
import type { ShownReader } from '../panes/use-pane-reader';
import { indexText } from '../reader/dom-offsets';
import { TextFinder } from '../../core/search/find-in-text';

/** The find bar's layers; their ::highlight rules are in styles/search.css. */
const MATCH_LAYER = 'notebook-find';
const CURRENT_LAYER = 'notebook-find-current';
/** Above every highlight layer, so a match shows on highlighted text too. */
const FIND_PRIORITY = 10;

interface FindBarProps {
  readonly api: NotebookApi;
  readonly reader: ShownReader;
  readonly sourceId: string;
  readonly onClose: () => void;
}

interface Match {
  readonly range: TextRange;
  /** Null while its section is collapsed (a capture's trailer): it is counted, but cannot be shown. */
  readonly dom: Range | null;
}

/**
 * Find in the open source: the matches marked (with the CSS Custom Highlight API, so the text's
 * DOM is left as it is), how many there are, and the next and previous one. Enter goes to the
 * next, Shift+Enter to the previous, Escape closes.
 */
export function FindBar({ api, reader, sourceId, onClose }: FindBarProps) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [reflows, setReflows] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const statusId = useId();
  const load = useCallback(() => api.call('sources.get', { sourceId }), [api, sourceId]);
  const { resource } = useApiResource(load);
  const finder = useMemo(() => (resource.status === 'ready' ? new TextFinder(resource.value.text) : null), [resource]);

  useEffect(() => inputRef.current?.focus(), []);
  // A section opening or closing changes which matches can be shown.
  useEffect(() => {
    const observer = new MutationObserver(() => setReflows((n) => n + 1));
    observer.observe(reader.article, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [reader]);

  // Computed again on `reflows`, as the article's DOM changed.
  const matches = useMemo<Match[]>(() => {
    if (!finder) return [];
    const index = indexText(reader.article);
    return finder.find(query).map((range) => {
      const dom = index.toDomRange(range);
      return { range, dom: dom && dom.getClientRects().length > 0 ? dom : null };
    });
  }, [finder, query, reader, reflows]);
  const shown = useMemo(() => matches.filter((match) => match.dom !== null), [matches]);
  const at = shown.length === 0 ? 0 : Math.min(current, shown.length - 1);

  useEffect(() => {
    const layers = highlightLayers();
    if (!layers) return;
    const all = layers.layer(MATCH_LAYER);
    const now = layers.layer(CURRENT_LAYER);
    all.priority = FIND_PRIORITY;
    now.priority = FIND_PRIORITY + 1;
    const mine = shown.flatMap((match) => (match.dom ? [match.dom] : []));
    for (const range of mine) all.add(range);
    const chosen = shown[at]?.dom;
    if (chosen) {
      now.add(chosen);
      const box = reader.scroller.getBoundingClientRect();
      const top = chosen.getBoundingClientRect().top;
      if (top < box.top || top > box.bottom - 40) reader.scroller.scrollTop += top - box.top - box.height / 3;
    }
    return () => {
      for (const range of mine) all.delete(range);
      if (chosen) now.delete(chosen);
    };
  }, [shown, at, reader]);

  const step = (by: number) => setCurrent(shown.length === 0 ? 0 : (at + by + shown.length) % shown.length);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  const hidden = matches.length - shown.length;
  const status =
    query.trim() === ''
      ? ''
      : shown.length === 0
        ? hidden > 0
          ? `${hidden} in a collapsed section`
          : 'No match'
        : `${at + 1} of ${shown.length}${hidden > 0 ? ` (${hidden} more in a collapsed section)` : ''}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in this source">
      <input
        ref={inputRef}
        type="search"
        className="find-box"
        aria-label="Find in this source"
        aria-describedby={statusId}
        placeholder="Find in this source"
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          setCurrent(0);
        }}
        onKeyDown={onKeyDown}
      />
      <span id={statusId} className="find-status" role="status">
        {status}
      </span>
      <button type="button" className="pane-button" onClick={() => step(-1)} disabled={shown.length === 0} aria-label="Previous match" title="Previous match (Shift+Enter)">
        ↑
      </button>
      <button type="button" className="pane-button" onClick={() => step(1)} disabled={shown.length === 0} aria-label="Next match" title="Next match (Enter)">
        ↓
      </button>
      <button type="button" className="pane-button" onClick={onClose} aria-label="Close find" title="Close (Escape)">
        ✕
      </button>
    </div>
  );
}
