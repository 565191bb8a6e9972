import { createContext, useContext } from 'react';
import type { HighlightId } from '../../core/model/ids';
import { otherPane, type PaneName } from '../panes/pane-layout';

/** What a pane showing the memos can be asked: to cite a highlight in its open memo (or a new one). */
export interface MemoCiter {
  cite(highlightId: HighlightId): void;
}

/**
 * Where "Cite in memo" lands: the memos shown in the other pane than the highlight's (a highlight
 * card is in a source's pane, so the memo is beside it), else in its own. With no memos shown, the
 * memos open in the other pane and the citation lands there once they are in place.
 */
export class MemoPanes {
  readonly #shown = new Map<PaneName, MemoCiter>();
  #waiting: { readonly pane: PaneName; readonly highlightId: HighlightId } | null = null;

  constructor(private readonly showMemos: (pane: PaneName) => void) {}

  /** A pane now shows the memos; the returned function says it no longer does. */
  register(pane: PaneName, citer: MemoCiter): () => void {
    this.#shown.set(pane, citer);
    const waiting = this.#waiting;
    if (waiting?.pane === pane) {
      this.#waiting = null;
      citer.cite(waiting.highlightId);
    }
    return () => {
      if (this.#shown.get(pane) === citer) this.#shown.delete(pane);
    };
  }

  cite(from: PaneName, highlightId: HighlightId): void {
    const beside = otherPane(from);
    const citer = this.#shown.get(beside) ?? this.#shown.get(from);
    if (citer) {
      citer.cite(highlightId);
      return;
    }
    this.#waiting = { pane: beside, highlightId };
    this.showMemos(beside);
  }
}

export const MemoPanesContext = createContext<MemoPanes | null>(null);

export function useMemoPanes(): MemoPanes {
  const memoPanes = useContext(MemoPanesContext);
  if (!memoPanes) throw new Error('useMemoPanes needs the PanedWorkspace above it.');
  return memoPanes;
}
