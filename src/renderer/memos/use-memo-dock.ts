import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { HighlightId } from '../../core/model/ids';
import type { PassageActions } from '../app/passage-actions';
import type { MemosPanelHandle } from './MemosPanel';

/** The memos column beside the open source: whether it is shown, and what other parts ask of it. */
export interface MemoDockState {
  readonly open: boolean;
  readonly setOpen: (open: boolean) => void;
  readonly panel: RefObject<MemosPanelHandle | null>;
  /** For the highlight cards: "Cite in memo" shows the memos and cites there. */
  readonly passageActions: PassageActions;
}

export function useMemoDock(): MemoDockState {
  const [open, setOpen] = useState(false);
  const panel = useRef<MemosPanelHandle>(null);
  const citeInMemo = useCallback((highlightId: HighlightId) => {
    setOpen(true);
    panel.current?.cite(highlightId);
  }, []);
  const passageActions = useMemo<PassageActions>(() => ({ citeInMemo }), [citeInMemo]);
  return { open, setOpen, panel, passageActions };
}
