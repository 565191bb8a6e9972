import type { SourceId } from '../../core/model/ids';
import type { PassageHit, SourceHits } from '../../core/search/search-types';
import type { TwinNote } from '../panes/shared-passages';

/**
 * The rows of the search view: a heading per source, then its passages. Two copies of one article
 * (twins: most of one's text is in the other) make one group, under the copy listed first: a
 * passage both have is listed once, "also in" the other copy, and a passage only the later copy
 * has is listed in the group, marked as from that copy.
 */

export interface TwinCount {
  readonly sourceId: SourceId;
  readonly hitCount: number;
  /** Every loaded passage of the group is in this copy too, and it has no other: its passages need no note each. */
  readonly samePassages: boolean;
}

export type ResultRow =
  | {
      readonly kind: 'source';
      readonly key: string;
      readonly source: SourceHits;
      /** Copies of the same text folded into this group. */
      readonly twins: readonly TwinCount[];
    }
  | {
      readonly kind: 'passage';
      readonly key: string;
      /** The source the passage is in, and opens. */
      readonly sourceId: SourceId;
      readonly passage: PassageHit;
      /** The copies that have the same passage. */
      readonly alsoIn: readonly SourceId[];
      /** True when the passage is from a copy folded into the group, not the group's own source. */
      readonly fromTwin: boolean;
    };

/** Snippet text without its spacing, which two captures of one article lay out differently. */
const words = (passage: PassageHit): string => passage.snippet.text.replace(/\s+/g, ' ').trim();

const samePassage = (a: PassageHit, b: PassageHit): boolean => {
  const x = words(a);
  const y = words(b);
  return x.includes(y) || y.includes(x);
};

export function resultRows(
  sources: readonly SourceHits[],
  passages: ReadonlyMap<SourceId, readonly PassageHit[]>,
  twins: ReadonlyMap<SourceId, readonly TwinNote[]>,
): ResultRow[] {
  // Which group each source is listed in: its own, or that of a twin listed before it.
  const leaderOf = new Map<SourceId, SourceId>();
  const folded = new Map<SourceId, SourceHits[]>();
  for (const source of sources) {
    const leader = twins.get(source.sourceId)?.map((note) => note.twinId).find((twinId) => leaderOf.get(twinId) === twinId);
    if (leader === undefined) {
      leaderOf.set(source.sourceId, source.sourceId);
      continue;
    }
    leaderOf.set(source.sourceId, leader);
    folded.set(leader, [...(folded.get(leader) ?? []), source]);
  }

  const rows: ResultRow[] = [];
  for (const source of sources) {
    if (leaderOf.get(source.sourceId) !== source.sourceId) continue;
    const copies = folded.get(source.sourceId) ?? [];
    const own = (passages.get(source.sourceId) ?? []).map((passage) => ({ passage, alsoIn: [] as SourceId[] }));
    const extra: ResultRow[] = [];
    const twinCounts: TwinCount[] = [];
    for (const copy of copies) {
      let extras = 0;
      for (const passage of passages.get(copy.sourceId) ?? []) {
        const twin = own.find((entry) => samePassage(entry.passage, passage));
        if (twin) twin.alsoIn.push(copy.sourceId);
        else {
          extras++;
          extra.push({ kind: 'passage', key: `passage:${copy.sourceId}:${passage.start}`, sourceId: copy.sourceId, passage, alsoIn: [], fromTwin: true });
        }
      }
      const samePassages = extras === 0 && own.every((entry) => entry.alsoIn.includes(copy.sourceId));
      // The heading says it once for the group.
      if (samePassages) for (const entry of own) entry.alsoIn = entry.alsoIn.filter((id) => id !== copy.sourceId);
      twinCounts.push({ sourceId: copy.sourceId, hitCount: copy.hitCount, samePassages });
    }
    rows.push({ kind: 'source', key: `source:${source.sourceId}`, source, twins: twinCounts });
    for (const { passage, alsoIn } of own) {
      rows.push({ kind: 'passage', key: `passage:${source.sourceId}:${passage.start}`, sourceId: source.sourceId, passage, alsoIn, fromTwin: false });
    }
    rows.push(...extra);
  }
  return rows;
}
