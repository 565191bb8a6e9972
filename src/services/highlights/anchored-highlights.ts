import { anchorAll } from '../../core/anchoring/anchor';
import type { AnchorStatus, Highlight, HighlightTarget } from '../../core/model/highlight';
import type { CharOffset, SourceId } from '../../core/model/ids';
import type { AnchoredHighlight, LoadedSource } from '../../shared/api-contract';

interface Placement {
  readonly status: AnchorStatus;
  readonly start: CharOffset | null;
  readonly end: CharOffset | null;
}

const NOWHERE: Placement = { status: 'orphan', start: null, end: null };

interface SourceCache {
  readonly textHash: string;
  /** By target: a highlight whose target is unchanged (e.g. only re-tagged) keeps its placement. */
  readonly placements: WeakMap<HighlightTarget, Placement>;
}

/**
 * Where each highlight stands in its source's current text. Highlights made on this very text
 * whose recorded position still holds their quote are placed without searching; the others are
 * anchored together (anchorAll: the shifts of the ones found tell where the others moved) and
 * remembered until the text changes.
 *
 * Anchoring only reports: a highlight found elsewhere or with edits ('fuzzy') keeps its stored
 * selectors, the evidence of what the analyst highlighted, until a person confirms or places it
 * (highlights.place).
 */
export class AnchoredHighlights {
  readonly #cache = new Map<SourceId, SourceCache>();

  /** `highlights` (all of one source) in text order: by where they now start, orphans last. */
  inTextOrder(source: LoadedSource, highlights: readonly Highlight[]): AnchoredHighlight[] {
    return this.place(source, highlights).sort(byTextOrder);
  }

  /** `highlights` (all of one source), each with where it stands, in the order given. */
  place(source: LoadedSource, highlights: readonly Highlight[]): AnchoredHighlight[] {
    const cache = this.#settle(source, highlights);
    return highlights.map((highlight) => ({ highlight, ...(cache.placements.get(highlight.target) ?? NOWHERE) }));
  }

  /** One highlight of the source; `all` (the source's highlights) are anchored only if it must be searched for. */
  placeOne(source: LoadedSource, highlight: Highlight, all: () => readonly Highlight[]): AnchoredHighlight {
    let cache = this.#settle(source, [highlight], false);
    if (!cache.placements.has(highlight.target)) cache = this.#settle(source, [...all().filter((h) => h.id !== highlight.id), highlight]);
    return { highlight, ...(cache.placements.get(highlight.target) ?? NOWHERE) };
  }

  /** Places every highlight of `highlights` not placed yet: verbatim where it can, else (if `search`) by anchoring. */
  #settle(source: LoadedSource, highlights: readonly Highlight[], search = true): SourceCache {
    let cache = this.#cache.get(source.meta.id);
    if (cache?.textHash !== source.textHash) {
      cache = { textHash: source.textHash, placements: new WeakMap() };
      this.#cache.set(source.meta.id, cache);
    }
    const { placements } = cache;
    const pending = highlights.filter((h) => !placements.has(h.target) && !placeVerbatim(source, placements, h.target));
    if (search && pending.length > 0) {
      const results = anchorAll(
        source.text,
        pending.map((h) => h.target),
      );
      pending.forEach((h, i) => {
        const result = results[i];
        const range = result?.status === 'orphan' ? undefined : result?.range;
        placements.set(h.target, { status: result?.status ?? 'orphan', start: range?.start ?? null, end: range?.end ?? null });
      });
    }
    return cache;
  }
}

/** The fast path: made on this text, and its position still holds its quote. */
function placeVerbatim(source: LoadedSource, placements: WeakMap<HighlightTarget, Placement>, target: HighlightTarget): boolean {
  const { start, end } = target.position;
  if (target.textHash !== source.textHash || source.text.slice(start, end) !== target.quote.exact) return false;
  placements.set(target, { status: 'exact', start, end });
  return true;
}

function byTextOrder(a: AnchoredHighlight, b: AnchoredHighlight): number {
  if (a.start === null || b.start === null) {
    if (a.start !== b.start) return a.start === null ? 1 : -1;
    return a.highlight.target.position.start - b.highlight.target.position.start || a.highlight.created.localeCompare(b.highlight.created);
  }
  return a.start - b.start || (a.end ?? 0) - (b.end ?? 0) || a.highlight.created.localeCompare(b.highlight.created);
}
