import type { AnalysisPassage } from '../../core/analysis/analysis-passage';
import { gradeMark } from '../../core/model/grades';
import type { Highlight } from '../../core/model/highlight';
import type { HighlightId } from '../../core/model/ids';
import type { Block, SourceMeta } from '../../core/model/source';
import type { PassageDetail } from '../../shared/api-contract';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import type { SourceLibrary } from '../sources/source-library';

export interface AnalysisPassageParts {
  readonly library: SourceLibrary;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
}

/** Every highlight of the library as the analyses see it, with what a view needs to list it. */
export interface LibraryPassages {
  /** The sources of the library, in library order. */
  readonly sources: readonly SourceMeta[];
  /** Source by source in library order, each source's in text order (orphans last). */
  readonly passages: readonly AnalysisPassage[];
  readonly highlights: ReadonlyMap<HighlightId, Highlight>;
  readonly details: ReadonlyMap<HighlightId, PassageDetail>;
}

/**
 * The blocks [start, end) touches; a passage lying wholly between two blocks belongs to the block
 * after it (as in citations' locations), or to the last block at the very end of the text.
 */
export function blocksTouched(blocks: readonly Block[], start: number, end: number): number[] {
  const touched: number[] = [];
  blocks.forEach((block, i) => {
    if (block.range.start < end && block.range.end > start) touched.push(i);
  });
  if (touched.length > 0 || blocks.length === 0) return touched;
  const after = blocks.findIndex((block) => block.range.start >= end);
  return [after < 0 ? blocks.length - 1 : after];
}

/** The highlights of the sources in the library: a removed source's highlights are left out. */
export async function libraryPassages({ library, store, anchored }: AnalysisPassageParts): Promise<LibraryPassages> {
  await store.load();
  const sources = await library.manifest();
  const withHighlights = new Set(store.sourceIds());
  const passages: AnalysisPassage[] = [];
  const highlights = new Map<HighlightId, Highlight>();
  const details = new Map<HighlightId, PassageDetail>();
  for (const meta of sources) {
    if (!withHighlights.has(meta.id)) continue;
    const source = await library.get(meta.id);
    const reliability = source.meta.reliability ?? null;
    for (const { highlight, start, end } of anchored.inTextOrder(source, store.of(meta.id))) {
      const credibility = highlight.credibility ?? null;
      passages.push({
        highlightId: highlight.id,
        sourceId: meta.id,
        tags: highlight.tags,
        start,
        end,
        blocks: start === null || end === null ? [] : blocksTouched(source.blocks, start, end),
        reliability,
        credibility,
      });
      highlights.set(highlight.id, highlight);
      details.set(highlight.id, {
        highlightId: highlight.id,
        sourceId: meta.id,
        sourceTitle: source.meta.title,
        quote: highlight.target.quote.exact,
        start,
        end,
        tagIds: highlight.tags.map((t) => t.tagId),
        mark: gradeMark(reliability, credibility),
      });
    }
  }
  return { sources, passages, highlights, details };
}
