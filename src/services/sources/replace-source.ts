import type { SourceId } from '../../core/model/ids';
import type { LoadedSource, ReplaceReport } from '../../shared/api-contract';
import type { NotebookEditor } from '../changes/notebook-editor';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import type { SourceLibrary } from './source-library';

export interface ReplaceSourceParts {
  readonly library: SourceLibrary;
  readonly store: HighlightStore;
  readonly editor: NotebookEditor;
  readonly anchored: AnchoredHighlights;
}

/**
 * sources.replace: the source gets a new text (the old one is kept), and its highlights are
 * anchored in it. Highlights found again stay as stored, fuzzy ones included: their selectors
 * change only when a person places them, so the quote they were made on is never lost.
 */
export async function replaceSource({ library, store, editor, anchored }: ReplaceSourceParts, sourceId: SourceId, text: string): Promise<ReplaceReport> {
  // Exclusive with highlight and tag changes, so that none is planned against the text being replaced.
  return editor.exclusive(async () => {
    await store.load();
    return anchoringReport({ store, anchored }, await library.replace(sourceId, text));
  });
}

/** How a source's highlights fare in its new text: counted by outcome, the ones needing a decision listed. */
export function anchoringReport({ store, anchored }: Pick<ReplaceSourceParts, 'store' | 'anchored'>, source: LoadedSource): ReplaceReport {
  const sourceId = source.meta.id;
  const placed = anchored.inTextOrder(source, store.of(sourceId));
  const count = (status: string): number => placed.filter((a) => a.status === status).length;
  return {
    sourceId,
    total: placed.length,
    exact: count('exact'),
    fuzzy: count('fuzzy'),
    review: count('review'),
    orphan: count('orphan'),
    problems: placed.filter((a) => a.status === 'review' || a.status === 'orphan'),
  };
}
