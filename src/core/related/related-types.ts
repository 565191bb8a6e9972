import type { CharOffset, SourceId } from '../model/ids';
import type { Snippet } from '../search/search-types';

/** A passage of another source that says something like the selection. */
export interface RelatedPassage {
  readonly sourceId: SourceId;
  /** The passage's range in its source's canonical text. */
  readonly start: CharOffset;
  readonly end: CharOffset;
  /**
   * Cosine similarity of the passage's and the selection's word weights (TF-IDF, over passages),
   * from 0 (no word in common) to 1 (the same words in the same proportions).
   */
  readonly similarity: number;
  /** The words they share that weigh the most, as the passage writes them, heaviest first. */
  readonly sharedWords: readonly string[];
  /** Around the shared words, which it marks. */
  readonly snippet: Snippet;
}

export interface RelatedOptions {
  /** Most passages returned, most similar first (default 10). */
  readonly limit?: number;
  /** Passages less similar than this are left out (default 0.1). */
  readonly minSimilarity?: number;
}
