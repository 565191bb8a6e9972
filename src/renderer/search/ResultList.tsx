import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { PassageHit, PassageRole } from '../../core/search/search-types';
import { hashForSource } from '../app/location-hash';
import { labelBeside, sourceLabel, useWorkspace } from '../panes/workspace-context';
import type { ResultRow } from './result-rows';
import { SnippetText } from './SnippetText';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Where a passage outside the body text is. */
const ROLE_NOTE: Readonly<Record<PassageRole, string | null>> = {
  body: null,
  contents: 'In the table of contents',
  notes: 'In the notes',
  references: 'In the references',
  links: 'In the links after the article',
};

/** Where choosing a passage opens its source: its first hit. */
const hitOf = (passage: PassageHit): TextRange => passage.hits[0] ?? { start: passage.start, end: passage.end };

/** Rows moved by Page Up / Page Down. */
const PAGE_ROWS = 10;
/** Loading the next page starts when this few rows are left below the last one drawn. */
const LOAD_AHEAD_ROWS = 15;

interface ResultListProps {
  readonly rows: readonly ResultRow[];
  /** Opens a passage's source at the hit (beside the view). */
  readonly onOpen: (sourceId: SourceId, at: TextRange) => void;
  /** Called when the list is scrolled near its end. */
  readonly onNearEnd: () => void;
}

/**
 * Every loaded result, drawn only where it is in view (the list may hold thousands). The list is
 * one tab stop: the arrow keys, Home, End, Page Up and Page Down move between passages, Enter
 * opens one; rows scrolled out of view are not in the page, so each says where it is in the list.
 */
export function ResultList({ rows, onOpen, onNearEnd }: ResultListProps) {
  const { sources } = useWorkspace();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const passageRows = useMemo(() => rows.flatMap((row, index) => (row.kind === 'passage' ? [index] : [])), [rows]);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = Math.max(0, activeKey === null ? -1 : rows.findIndex((row) => row.key === activeKey));
  const active = passageRows.includes(activeIndex) ? activeIndex : (passageRows[0] ?? -1);
  const focusNext = useRef<number | null>(null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      // The row holding the keyboard stays drawn, so that focus is never lost to scrolling.
      const indexes = defaultRangeExtractor(range);
      return active < 0 || indexes.includes(active) ? indexes : [...indexes, active].sort((a, b) => a - b);
    },
    [active],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'source' ? 56 : 88),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.length > 0 ? Math.max(...items.map((item) => item.index)) : -1;

  useEffect(() => {
    if (rows.length > 0 && lastDrawn >= rows.length - LOAD_AHEAD_ROWS) onNearEnd();
  }, [lastDrawn, rows.length, onNearEnd]);

  useEffect(() => {
    const index = focusNext.current;
    if (index === null) return;
    const link = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .search-passage-link`);
    if (!link) return;
    focusNext.current = null;
    link.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setActiveKey(row.key);
    focusNext.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = passageRows.indexOf(active);
    if (at < 0) return;
    const target = (() => {
      switch (event.key) {
        case 'ArrowDown':
          return at + 1;
        case 'ArrowUp':
          return at - 1;
        case 'PageDown':
          return at + PAGE_ROWS;
        case 'PageUp':
          return at - PAGE_ROWS;
        case 'Home':
          return 0;
        case 'End':
          return passageRows.length - 1;
        default:
          return null;
      }
    })();
    if (target === null) return;
    event.preventDefault();
    const index = passageRows[Math.min(passageRows.length - 1, Math.max(0, target))];
    if (index !== undefined) moveTo(index);
  };

  return (
    <div className="search-view-scroller" ref={scrollerRef}>
      <div role="list" aria-label="Search results" className="search-view-list" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={row.kind === 'source' ? 'search-view-row search-view-group' : 'search-view-row search-passage'}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === 'source' ? (
                <h2 className="search-source-title">
                  <span>{sourceLabel(sources, row.source.sourceId)}</span>
                  <span className="search-source-counts">
                    {plural(row.source.hitCount, 'hit', 'hits')} · {plural(row.source.passageCount, 'passage', 'passages')}
                    {row.twins
                      .map((twin) => ` · also in ${labelBeside(sources, twin.sourceId, row.source.sourceId)} (${plural(twin.hitCount, 'hit', 'hits')}${twin.samePassages ? ', the same passages' : ''})`)
                      .join('')}
                  </span>
                </h2>
              ) : (
                <PassageRow row={row} tabbable={item.index === active} onFocus={() => setActiveKey(row.key)} onOpen={onOpen} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface PassageRowProps {
  readonly row: Extract<ResultRow, { kind: 'passage' }>;
  readonly tabbable: boolean;
  readonly onFocus: () => void;
  readonly onOpen: (sourceId: SourceId, at: TextRange) => void;
}

function PassageRow({ row, tabbable, onFocus, onOpen }: PassageRowProps) {
  const { sources } = useWorkspace();
  const at = hitOf(row.passage);
  const notes = [
    row.fromTwin ? `In ${sourceLabel(sources, row.sourceId)}` : null,
    ROLE_NOTE[row.passage.role ?? 'body'],
    row.alsoIn.length > 0 ? `Also in ${row.alsoIn.map((id) => labelBeside(sources, id, row.sourceId)).join(', ')}` : null,
  ].filter((note) => note !== null);
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // Ctrl-click and the like keep the browser's meaning of a link.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(row.sourceId, at);
  };
  return (
    <>
      <a className="search-passage-link" href={hashForSource(row.sourceId, at)} tabIndex={tabbable ? 0 : -1} onFocus={onFocus} onClick={open}>
        <SnippetText snippet={row.passage.snippet} />
      </a>
      {notes.length > 0 && <span className="search-passage-notes">{notes.join(' · ')}</span>}
    </>
  );
}
