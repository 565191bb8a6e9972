import type { Block } from '../../core/model/source';
import type { FootnoteIndex } from './footnotes';

/** What every part of a rendered source needs: the text, its blocks, and how to link inside it. */
export interface SourceViewContext {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly footnotes: FootnoteIndex;
  /**
   * For a paginated source (PDF): by block index, the printed labels of the pages beginning in
   * that block (see pageStarts), which the reader marks in the margin. Absent for a source without pages.
   */
  readonly pageStarts?: ReadonlyMap<number, readonly string[]>;
  /** Prefix of element ids, unique to this reader. */
  readonly scope: string;
  readonly navigate: (elementId: string) => void;
}
