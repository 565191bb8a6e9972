import type { HighlightId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';

/**
 * How highlights become CSS Custom Highlight layers. A layer is one `Highlight` object in
 * `CSS.highlights`, painted by one `::highlight(name)` rule. Ranges of one layer merge where they
 * overlap, so overlapping highlights go to different lanes (layers of the same colour): their
 * translucent backgrounds then stack and an overlap reads darker.
 */
export interface PaintItem {
  readonly id: HighlightId;
  readonly range: TextRange;
  /** #rrggbb */
  readonly color: string;
  /** Its passage needs the person's review: painted apart, as a candidate rather than a highlight. */
  readonly needsReview: boolean;
}

/** Beyond this many overlapping highlights, further ones share the last lane (no darker). */
export const MAX_LANES = 4;

const LAYER_PREFIX = 'notebook';
/** Layers that are not a highlight colour; their rules are in styles/highlights.css. */
export const REVIEW_LAYER = `${LAYER_PREFIX}-review`;
export const HOVER_LAYER = `${LAYER_PREFIX}-hover`;
export const PENDING_LAYER = `${LAYER_PREFIX}-pending`;
export const EMPHASIS_LAYER = `${LAYER_PREFIX}-emphasis`;

/** Painted above colour layers, in this order (later on top). */
export const LAYER_PRIORITY: Readonly<Record<string, number>> = { [REVIEW_LAYER]: 1, [HOVER_LAYER]: 2, [PENDING_LAYER]: 3, [EMPHASIS_LAYER]: 4 };

const HEX = /^#([0-9a-f]{6})$/i;

/** Names already made: painting thousands of highlights in a few colours asks for the same few. */
const names = new Map<string, string>();

export function colorLayerName(color: string, lane: number): string {
  const capped = Math.min(lane, MAX_LANES - 1);
  const asked = `${color}|${capped}`;
  let name = names.get(asked);
  if (name === undefined) {
    name = `${LAYER_PREFIX}-c${HEX.exec(color)?.[1]?.toLowerCase() ?? '000000'}-${capped}`;
    names.set(asked, name);
  }
  return name;
}

/** Text order: by start, the longer of two that start together first. */
export const inTextOrder = (a: PaintItem, b: PaintItem): number => a.range.start - b.range.start || b.range.end - a.range.end;

/**
 * The lane of each highlight: the lowest one free at its start, scanning in text order, so
 * highlights that overlap never share a lane (up to MAX_LANES) and most highlights sit in lane 0.
 * `sorted` must be in text order.
 */
export function assignLanes(sorted: readonly PaintItem[]): Map<HighlightId, number> {
  const laneEnds: number[] = [];
  const lanes = new Map<HighlightId, number>();
  for (const item of sorted) {
    let lane = laneEnds.findIndex((end) => end <= item.range.start);
    if (lane < 0) lane = laneEnds.length < MAX_LANES ? laneEnds.length : MAX_LANES - 1;
    laneEnds[lane] = Math.max(laneEnds[lane] ?? 0, item.range.end);
    lanes.set(item.id, lane);
  }
  return lanes;
}

/** The layer each item is painted on. */
export function layerOf(item: PaintItem, lane: number): string {
  return item.needsReview ? REVIEW_LAYER : colorLayerName(item.color, lane);
}

/** Translucency of a highlight's background: enough to read as colour, light enough that two stacked still show the text. */
const ALPHA = { light: 0.3, dark: 0.36 } as const;

/** The rules painting one colour's lanes, in the light theme and the dark one. */
export function colorLayerRules(color: string): string[] {
  const hex = HEX.exec(color)?.[1] ?? '000000';
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const selectors = (scope: string) => Array.from({ length: MAX_LANES }, (_, lane) => `${scope}::highlight(${colorLayerName(color, lane)})`).join(', ');
  const rule = (scope: string, alpha: number) => `${selectors(scope)} { background-color: rgb(${r} ${g} ${b} / ${alpha}); }`;
  // The dark theme is the root's data-theme (see theme.css), which follows the system only when asked to.
  return [rule('', ALPHA.light), rule(":root[data-theme='dark'] ", ALPHA.dark)];
}
