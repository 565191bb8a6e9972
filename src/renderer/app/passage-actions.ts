import { createContext, type ReactNode } from 'react';
import type { HighlightId, SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';

/** Drag data type of a highlight card: the highlight's id, for dropping a citation into a memo. */
export const HIGHLIGHT_DRAG_TYPE = 'application/x-notebook-highlight';

/** A passage selected in the reader. */
export interface SelectedPassage {
  readonly sourceId: SourceId;
  readonly range: TextRange;
  readonly quote: string;
}

/**
 * What other features add to the highlight UI; the App provides them where those features are
 * present, and the UI shows nothing for what is absent.
 */
export interface PassageActions {
  /** A "Cite in memo" action on highlight cards. */
  readonly citeInMemo?: (highlightId: HighlightId) => void;
  /** More buttons for the selection toolbar after Highlight and Tag (e.g. "Related passages"). */
  readonly selectionTools?: (passage: SelectedPassage) => ReactNode;
}

export const PassageActionsContext = createContext<PassageActions>({});
