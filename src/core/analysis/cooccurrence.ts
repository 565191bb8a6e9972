import type { Tag } from '../model/highlight';
import type { HighlightId } from '../model/ids';
import { carries, type AnalysisPassage } from './analysis-passage';

/**
 * Where two tags must meet to co-occur: on the same highlight; on highlights of one source that
 * overlap (a run of overlapping highlights counts as one place); or in the same block of a source
 * (paragraph, list item, note…).
 */
export type CooccurrenceScope = 'highlight' | 'overlap' | 'paragraph';

export interface CooccurrenceCell {
  /** Places where both tags occur (on the diagonal: places where the tag occurs). */
  readonly count: number;
  /** ATLAS.ti's c-coefficient, count / (n1 + n2 − count), from 0 (never together) to 1 (always together). */
  readonly coefficient: number;
  /** The highlights carrying either tag in the places where both occur, in the order the passages were given. */
  readonly highlightIds: readonly HighlightId[];
}

export interface CooccurrenceMatrix {
  readonly scope: CooccurrenceScope;
  readonly tags: readonly Tag[];
  /** cells[i][j] for tags[i] and tags[j]; symmetric. */
  readonly cells: readonly (readonly CooccurrenceCell[])[];
}

/** Highlights taken together as one place where tags may co-occur. */
type Place = readonly AnalysisPassage[];

/**
 * The places of `scope` among `passages` that carry at least one of the tags. A highlight no longer
 * found in its text (an orphan) has no neighbours or paragraph, so it is a place of its own.
 */
export function placesOf(passages: readonly AnalysisPassage[], scope: CooccurrenceScope): Place[] {
  const placed = passages.filter((p) => p.start !== null && p.end !== null);
  const alone = passages.filter((p) => p.start === null || p.end === null).map((p) => [p]);
  if (scope === 'highlight') return passages.map((p) => [p]);
  if (scope === 'paragraph') {
    const byBlock = new Map<string, AnalysisPassage[]>();
    for (const p of placed) {
      for (const block of p.blocks) {
        const key = `${p.sourceId}\u0000${block}`;
        byBlock.set(key, [...(byBlock.get(key) ?? []), p]);
      }
    }
    return [...byBlock.values(), ...alone];
  }
  const runs: AnalysisPassage[][] = [];
  const bySource = new Map<string, AnalysisPassage[]>();
  for (const p of placed) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p]);
  for (const inSource of bySource.values()) {
    const sorted = [...inSource].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    let run: AnalysisPassage[] = [];
    let runEnd = -1;
    for (const p of sorted) {
      // Half-open ranges: a highlight starting where another ends does not overlap it.
      if (run.length > 0 && (p.start ?? 0) >= runEnd) {
        runs.push(run);
        run = [];
      }
      run.push(p);
      runEnd = Math.max(runEnd, p.end ?? 0);
    }
    if (run.length > 0) runs.push(run);
  }
  return [...runs, ...alone];
}

/** How often each pair of `tags` occurs in the same place of `scope`, with the c-coefficient. */
export function cooccurrence(tags: readonly Tag[], passages: readonly AnalysisPassage[], scope: CooccurrenceScope): CooccurrenceMatrix {
  const tagged = passages.filter((p) => tags.some((t) => carries(p, t.id)));
  const places = placesOf(tagged, scope).map((place) => ({ place, has: new Set(tags.filter((t) => place.some((p) => carries(p, t.id))).map((t) => t.id)) }));
  const order = new Map(passages.map((p, i) => [p.highlightId, i]));
  const occurrences = tags.map((t) => places.filter((p) => p.has.has(t.id)).length);
  const cells = tags.map((a, i) =>
    tags.map((b, j) => {
      const shared = places.filter((p) => p.has.has(a.id) && p.has.has(b.id));
      const count = shared.length;
      const union = (occurrences[i] ?? 0) + (occurrences[j] ?? 0) - count;
      const ids = new Set(shared.flatMap(({ place }) => place.filter((p) => carries(p, a.id) || carries(p, b.id)).map((p) => p.highlightId)));
      return { count, coefficient: union === 0 ? 0 : count / union, highlightIds: [...ids].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0)) };
    }),
  );
  return { scope, tags, cells };
}
