import { useCallback } from 'react';
import type { SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { NotebookApi } from '../../shared/api-contract';
import { hashForSource } from '../app/location-hash';
import { MemosPanel } from './MemosPanel';
import type { MemoDockState } from './use-memo-dock';

const DOCK_ID = 'memo-dock';

/** The button that shows or hides the memos column. */
export function MemoDockToggle({ dock }: { readonly dock: MemoDockState }) {
  return (
    <button type="button" className="memo-dock-toggle" aria-expanded={dock.open} aria-controls={DOCK_ID} onClick={() => dock.setOpen(!dock.open)}>
      Memos
    </button>
  );
}

/**
 * The memos column, beside the open source and its annotations. It stays mounted while hidden, so
 * an open memo keeps its place (and its unsaved words get saved) and "Cite in memo" always has it.
 * A citation opens its source in the reader, at the passage, with the memo still beside it.
 */
export function MemoDock({ api, dock }: { readonly api: NotebookApi; readonly dock: MemoDockState }) {
  const openPassage = useCallback((sourceId: SourceId, range: TextRange | null) => {
    window.location.hash = hashForSource(sourceId, range);
  }, []);
  return (
    <aside id={DOCK_ID} className="memo-dock" aria-label="Memos" hidden={!dock.open}>
      <MemosPanel ref={dock.panel} api={api} onOpenPassage={openPassage} shown={dock.open} />
    </aside>
  );
}
