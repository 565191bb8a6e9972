import type { Highlight } from '../../core/model/highlight';
import type { SourceId } from '../../core/model/ids';
import type { SourceMeta } from '../../core/model/source';
import type { AnchoredHighlights } from '../highlights/anchored-highlights';
import type { HighlightStore } from '../highlights/highlight-store';
import type { SourceLibrary } from '../sources/source-library';
import { mergeRanges, type HitRanges } from './hit-ranges';

export interface HighlightedRangeParts {
  readonly library: SourceLibrary;
  readonly store: HighlightStore;
  readonly anchored: AnchoredHighlights;
}

/** Which hits a search lets through: on highlights (those `carries` accepts), in sources `admits` accepts. */
export interface HitCriteria {
  /** Null: any hit in an admitted source, highlighted or not. */
  readonly carries: ((highlight: Highlight) => boolean) | null;
  readonly admits: (source: SourceMeta) => boolean;
}

/**
 * The ranges of a search filter letting through the hits that fall in an admitted source and, when
 * asked, on a highlight meeting the criteria (a tag, a grade), as the highlights stand in each
 * source's current text; orphaned highlights cover nothing.
 */
export async function highlightedHits({ library, store, anchored }: HighlightedRangeParts, criteria: HitCriteria): Promise<HitRanges> {
  await store.load();
  const { carries, admits } = criteria;
  const bySource = new Map<SourceId, 'all' | { starts: number[]; ends: number[] }>();
  const withHighlights = new Set(store.sourceIds());
  for (const meta of await library.manifest()) {
    const sourceId = meta.id;
    if (!admits(meta)) continue;
    if (carries === null) {
      bySource.set(sourceId, 'all');
      continue;
    }
    if (!withHighlights.has(sourceId)) continue;
    const source = await library.get(sourceId);
    const ranges: [number, number][] = [];
    for (const placed of anchored.place(source, store.of(sourceId))) {
      if (placed.start === null || placed.end === null) continue;
      if (!carries(placed.highlight)) continue;
      ranges.push([placed.start, placed.end]);
    }
    bySource.set(sourceId, mergeRanges(ranges));
  }
  return bySource;
}
