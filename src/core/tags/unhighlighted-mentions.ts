import type { TagId } from '../model/ids';
import type { TextRange } from '../model/source';
import type { Mention } from './find-mentions';

/**
 * The mentions no highlight accounts for yet: a mention is covered when it lies wholly inside a
 * highlight that carries the mentioned tag. A highlight with another tag, or one that only cuts
 * into the mention, leaves it uncovered, so the "Mentions" view keeps offering it.
 *
 * `highlightRangesByTag` gives, for each tag, the ranges of the highlights carrying it.
 */
export function unhighlightedMentions(
  mentions: readonly Mention[],
  highlightRangesByTag: ReadonlyMap<TagId, readonly TextRange[]>,
): Mention[] {
  const coverage = new Map<TagId, Coverage>();
  return mentions.filter((m) => {
    let c = coverage.get(m.tagId);
    if (!c) {
      c = coverageOf(highlightRangesByTag.get(m.tagId) ?? []);
      coverage.set(m.tagId, c);
    }
    return !c.covers(m.start, m.end);
  });
}

interface Coverage {
  covers(start: number, end: number): boolean;
}

/** Ranges sorted by start with the furthest end reached so far: one binary search per question. */
function coverageOf(ranges: readonly TextRange[]): Coverage {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const starts = sorted.map((r) => r.start as number);
  const reach: number[] = [];
  let furthest = -1;
  for (const r of sorted) {
    furthest = Math.max(furthest, r.end);
    reach.push(furthest);
  }
  return {
    covers(start, end) {
      // The last range starting at or before `start`; the furthest end among it and those before.
      let lo = 0;
      let hi = starts.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((starts[mid] ?? 0) <= start) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && (reach[lo - 1] ?? -1) >= end;
    },
  };
}
