import type { CharOffset, HighlightId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import { indexText, type TextIndex } from '../reader/dom-offsets';
import { highlightLayers, type HighlightLayers } from './highlight-layers';
import { assignLanes, EMPHASIS_LAYER, HOVER_LAYER, inTextOrder, layerOf, PENDING_LAYER, type PaintItem } from './paint-layers';

interface Placement {
  readonly range: TextRange;
  readonly layer: string;
  /** Equal keys paint identically, so an unchanged highlight is left alone. */
  readonly key: string;
}

interface Painted {
  readonly key: string;
  readonly layer: string;
  readonly dom: Range;
}

/** A slice of painting work stops after this long, so scrolling and typing never wait on it. */
const SLICE_BUDGET_MS = 8;
/** Up to this many highlights to change are painted before `paint` returns. */
const SYNC_CHANGES = 64;

/**
 * Paints one reader's highlights without touching its text: each highlight is a DOM Range over
 * its canonical offsets in a shared highlight layer. `paint` takes the whole wanted state and
 * changes only what differs from what is painted, in slices of a few milliseconds each, so 5,000
 * highlights are registered without a long task and a one-highlight change costs one Range.
 */
export class HighlightPainter {
  readonly #root: Element;
  readonly #layers: HighlightLayers;
  #index: TextIndex | null = null;
  #wanted = new Map<HighlightId, Placement>();
  /** The wanted placements in text order, for hit-testing. */
  #ordered: (Placement & { readonly id: HighlightId })[] = [];
  readonly #painted = new Map<HighlightId, Painted>();
  readonly #queue: HighlightId[] = [];
  readonly #queued = new Set<HighlightId>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #settled: { promise: Promise<void>; resolve: () => void } | null = null;
  #hover: Range[] = [];
  #pending: Range | null = null;
  #emphasis: { range: Range; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(root: Element, layers: HighlightLayers) {
    this.#root = root;
    this.#layers = layers;
  }

  /** The canonical text under the root, read on first need (the painter lives as long as the text it paints). */
  #text(): TextIndex {
    return (this.#index ??= indexText(this.#root));
  }

  paint(items: readonly PaintItem[]): void {
    const sorted = [...items].sort(inTextOrder);
    const lanes = assignLanes(sorted);
    const wanted = new Map<HighlightId, Placement>();
    const ordered: (Placement & { readonly id: HighlightId })[] = [];
    const colors = new Set<string>();
    for (const item of sorted) {
      const layer = layerOf(item, lanes.get(item.id) ?? 0);
      if (!item.needsReview) colors.add(item.color);
      const placement = { range: item.range, layer, key: `${item.range.start}:${item.range.end}:${layer}` };
      wanted.set(item.id, placement);
      ordered.push({ id: item.id, ...placement });
      if (this.#painted.get(item.id)?.key !== placement.key) this.#enqueue(item.id);
    }
    for (const color of colors) this.#layers.useColor(color);
    for (const id of this.#painted.keys()) if (!wanted.has(id)) this.#enqueue(id);
    this.#wanted = wanted;
    this.#ordered = ordered;
    this.#schedule();
  }

  /** Resolves once everything asked for so far is painted. */
  whenPainted(): Promise<void> {
    if (this.#queue.length === 0) return Promise.resolve();
    if (!this.#settled) {
      let resolve = () => {};
      const promise = new Promise<void>((done) => (resolve = done));
      this.#settled = { promise, resolve };
    }
    return this.#settled.promise;
  }

  /** The highlights covering the character at `offset`, in text order. */
  highlightsAt(offset: CharOffset): HighlightId[] {
    const found: HighlightId[] = [];
    for (const p of this.#ordered) {
      if (p.range.start > offset) break;
      if (offset < p.range.end) found.push(p.id);
    }
    return found;
  }

  /** Marks the highlights under the pointer (or none). */
  showHover(ids: readonly HighlightId[]): void {
    const layer = this.#layers.layer(HOVER_LAYER);
    for (const range of this.#hover) layer.delete(range);
    this.#hover = ids.flatMap((id) => {
      const range = this.#wanted.get(id)?.range;
      const dom = range && this.#text().toDomRange(range);
      return dom ? [dom] : [];
    });
    for (const range of this.#hover) layer.add(range);
  }

  /** Keeps a passage visibly chosen while focus is elsewhere (in the tag picker), or none. */
  showPending(range: TextRange | null): void {
    const layer = this.#layers.layer(PENDING_LAYER);
    if (this.#pending) layer.delete(this.#pending);
    this.#pending = range && this.#text().toDomRange(range);
    if (this.#pending) layer.add(this.#pending);
  }

  /** Briefly marks a passage the person was sent to, so the eye finds it. */
  emphasise(range: TextRange, durationMs: number): void {
    this.#clearEmphasis();
    const dom = this.#text().toDomRange(range);
    if (!dom) return;
    const layer = this.#layers.layer(EMPHASIS_LAYER);
    layer.add(dom);
    this.#emphasis = { range: dom, timer: setTimeout(() => this.#clearEmphasis(), durationMs) };
  }

  /** The DOM range of a canonical range in this reader (to scroll to it or place a popover by it). */
  domRange(range: TextRange): Range | null {
    return this.#text().toDomRange(range);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#clearEmphasis();
    this.showHover([]);
    this.showPending(null);
    for (const placed of this.#painted.values()) this.#layers.layer(placed.layer).delete(placed.dom);
    this.#painted.clear();
    this.#queue.length = 0;
    this.#queued.clear();
    this.#settle();
  }

  #clearEmphasis(): void {
    if (!this.#emphasis) return;
    clearTimeout(this.#emphasis.timer);
    this.#layers.layer(EMPHASIS_LAYER).delete(this.#emphasis.range);
    this.#emphasis = null;
  }

  #enqueue(id: HighlightId): void {
    if (this.#queued.has(id)) return;
    this.#queued.add(id);
    this.#queue.push(id);
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#queue.length === 0) return;
    // A small change (the usual edit) shows at once; a large one starts in a task of its own, so
    // the task that asked for it stays short.
    if (this.#queue.length <= SYNC_CHANGES) this.#work();
    else this.#timer = setTimeout(() => this.#work(), 0);
  }

  #work(): void {
    this.#timer = undefined;
    const until = performance.now() + SLICE_BUDGET_MS;
    let done = 0;
    while (this.#queue.length > done) {
      const id = this.#queue[done] as HighlightId;
      done += 1;
      this.#queued.delete(id);
      this.#reconcile(id);
      // Checking the clock every few items keeps its cost out of the loop.
      if (done % 16 === 0 && performance.now() > until) break;
    }
    this.#queue.splice(0, done);
    if (this.#queue.length > 0) this.#timer = setTimeout(() => this.#work(), 0);
    else this.#settle();
  }

  #settle(): void {
    this.#settled?.resolve();
    this.#settled = null;
  }

  #reconcile(id: HighlightId): void {
    const wanted = this.#wanted.get(id);
    const painted = this.#painted.get(id);
    if (painted && painted.key === wanted?.key) return;
    if (painted) {
      this.#layers.layer(painted.layer).delete(painted.dom);
      this.#painted.delete(id);
    }
    if (!wanted) return;
    const dom = this.#text().toDomRange(wanted.range);
    if (!dom) return;
    this.#layers.layer(wanted.layer).add(dom);
    this.#painted.set(id, { key: wanted.key, layer: wanted.layer, dom });
  }
}

/** A painter for the reader text under `root`, or null where the browser cannot paint highlights. */
export function createHighlightPainter(root: Element): HighlightPainter | null {
  const layers = highlightLayers(root.ownerDocument);
  return layers && new HighlightPainter(root, layers);
}
