import { createContext, useContext } from 'react';
import type { HighlightId, SourceId } from '../../core/model/ids';
import type { CitationAttrs } from '../../core/model/memo';
import type { ResolvedCitation, SourceSummary } from '../../shared/api-contract';

/** What the citations of the open memo draw from: where each cited passage stands now, and the library. */
export interface CitationContextValue {
  /** By highlight id; absent until the notebook has answered. */
  readonly resolved: ReadonlyMap<HighlightId, ResolvedCitation>;
  readonly sources: ReadonlyMap<SourceId, SourceSummary>;
  /** Opens the cited passage's source at the passage (or at its top when the passage has no place). */
  readonly open: (citation: CitationAttrs, resolved: ResolvedCitation | undefined) => void;
}

export const CitationContext = createContext<CitationContextValue | null>(null);

export function useCitationContext(): CitationContextValue {
  const value = useContext(CitationContext);
  if (!value) throw new Error('A citation is drawn only inside a memo editor, which provides its CitationContext.');
  return value;
}
