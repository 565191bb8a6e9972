import type { Editor } from '@tiptap/core';
import type { VirtualElement } from '@floating-ui/react';
import { useEffect, useId, useMemo, useState, type RefObject } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { CitationAttrs } from '../../core/model/memo';
import type { SourceSummary } from '../../shared/api-contract';
import type { Resource } from '../app/use-api-resource';
import { paneOf, usePopover } from '../controls/use-popover';
import { shortQuote } from '../highlights/passage-text';
import { findCitable, type CitableHighlight } from './citable-highlights';
import { suggestionQuery, type SuggestionKey, type SuggestionQuery } from './citation-suggestion';
import { compactSourceName } from './source-mark';

interface CitationPickerProps {
  readonly editor: Editor;
  /** Where the editor sends the keys the picker answers while it is open. */
  readonly keys: RefObject<((key: SuggestionKey) => boolean) | null>;
  readonly candidates: Resource<readonly CitableHighlight[]>;
  readonly sources: ReadonlyMap<SourceId, SourceSummary>;
  /** Replaces the `@` query (from..to) with a citation. */
  readonly onPick: (citation: CitationAttrs, range: { from: number; to: number }) => void;
}

/**
 * The `@` picker: while the person types `@` and words, the highlights those words find (in the
 * passage, a tag's name or the source's title), to cite with Enter or a click. Escape closes it.
 */
export function CitationPicker({ editor, keys, candidates, sources, onPick }: CitationPickerProps) {
  const [query, setQuery] = useState<SuggestionQuery | null>(() => suggestionQuery(editor.state));
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();

  useEffect(() => {
    const update = () => setQuery(suggestionQuery(editor.state));
    editor.on('transaction', update);
    return () => {
      editor.off('transaction', update);
    };
  }, [editor]);

  const open = query !== null && query.from !== dismissedAt;
  const matches = useMemo(() => (open && candidates.status === 'ready' ? findCitable(candidates.value, query.query) : []), [open, candidates, query]);
  const chosen = Math.min(active, Math.max(0, matches.length - 1));
  useEffect(() => setActive(0), [query?.query]);

  const pick = (candidate: CitableHighlight) => {
    if (query === null) return;
    onPick({ highlightId: candidate.highlightId, display: 'inline', quote: candidate.quote, sourceId: candidate.sourceId }, { from: query.from, to: query.to });
  };

  useEffect(() => {
    if (!open) {
      keys.current = null;
      return;
    }
    keys.current = (key) => {
      switch (key) {
        case 'ArrowDown':
          setActive((chosen + 1) % Math.max(1, matches.length));
          return true;
        case 'ArrowUp':
          setActive((chosen - 1 + matches.length) % Math.max(1, matches.length));
          return true;
        case 'Enter':
        case 'Tab': {
          const candidate = matches[chosen];
          if (candidate === undefined) return false;
          pick(candidate);
          return true;
        }
        case 'Escape':
          setDismissedAt(query.from);
          return true;
      }
    };
    return () => {
      keys.current = null;
    };
  });

  // The editor stays a multi-line textbox (a role aria-expanded is not allowed on): while the list
  // is open it says the list completes what is typed, which list that is, and which option is active.
  useEffect(() => {
    const dom = editor.view.dom;
    const optionId = open && matches.length > 0 ? `${listId}-${chosen}` : null;
    dom.setAttribute('aria-autocomplete', 'list');
    if (open) dom.setAttribute('aria-controls', listId);
    else dom.removeAttribute('aria-controls');
    if (optionId) dom.setAttribute('aria-activedescendant', optionId);
    else dom.removeAttribute('aria-activedescendant');
  }, [editor, open, matches.length, chosen, listId]);

  // Under the `@` (above its line when there is no room below), inside the memo's pane.
  const from = open ? query.from : null;
  const reference = useMemo<VirtualElement | null>(() => (from === null ? null : textPoint(editor, from)), [editor, from]);
  const popover = usePopover(reference, { placement: 'bottom-start', gap: 4, boundary: paneOf(editor.view.dom) });

  if (!open) return null;
  return (
    <div className="citation-picker" ref={popover.ref} style={popover.style}>
      <p className="picker-hint">Cite a highlight: type words from it, a tag or a source.</p>
      <ul id={listId} role="listbox" aria-label="Highlights to cite">
        {matches.map((candidate, i) => {
          const source = sources.get(candidate.sourceId);
          return (
            <li
              key={candidate.highlightId}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === chosen}
              onMouseDown={(event) => {
                // Keep the editor's selection: the citation replaces the `@` query there.
                event.preventDefault();
                pick(candidate);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="picker-quote">“{shortQuote(candidate.quote, 110)}”</span>
              <span className="picker-source">
                {source ? compactSourceName(source) : candidate.sourceTitle}
                {candidate.tagNames.length > 0 && ` · ${candidate.tagNames.join(', ')}`}
              </span>
            </li>
          );
        })}
      </ul>
      {candidates.status === 'loading' && <p className="picker-note">Looking through the highlights…</p>}
      {candidates.status === 'failed' && <p className="picker-note">The highlights could not be listed: {candidates.error.message}</p>}
      {candidates.status === 'ready' && matches.length === 0 && (
        <p className="picker-note">{candidates.value.length === 0 ? 'There are no highlights yet: highlight a passage in a source first.' : `No highlight matches “${query.query}”.`}</p>
      )}
    </div>
  );
}

/** The line of the character at a position of the editor's text (the `@`), where it is on screen now (the text scrolls). */
function textPoint(editor: Editor, pos: number): VirtualElement {
  return {
    contextElement: editor.view.dom,
    getBoundingClientRect: () => {
      // Just after the character, on its side: at a line break the position before it reads as the end of the line above.
      const at = editor.view.coordsAtPos(Math.min(pos + 1, editor.state.doc.content.size), -1);
      return DOMRect.fromRect({ x: at.left, y: at.top, width: 0, height: at.bottom - at.top });
    },
  };
}
