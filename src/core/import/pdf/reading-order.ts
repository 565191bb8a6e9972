import type { TextLine } from './pdf-text';

/** A line in reading order, with the text column it was read from. */
export interface FlowLine {
  readonly line: TextLine;
  /** Lines with one flow number follow each other inside one column; a new number starts a new column or band. */
  readonly flow: number;
  /** The column's usual left edge (where unindented lines start) and its right edge. */
  readonly left: number;
  readonly right: number;
}

/** The gutter is looked for in the middle half of the page: a sidebar is not a column. */
const GUTTER_ZONE = [0.25, 0.75] as const;
const MIN_GUTTER_WIDTH = 4;
const MIN_COLUMN_LINES = 3;

/** The x where most lines start, the left edge that indentation is measured from. */
function usualLeft(lines: readonly TextLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  let best = Infinity;
  let most = 0;
  for (const [x, count] of counts) {
    if (count > most || (count === most && x < best)) [best, most] = [x, count];
  }
  return best;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const crosses = (line: TextLine, x: number): boolean => line.x < x - 1 && line.right > x + 1;

/** The widest stretch of the page's middle, with lines wholly on either side, that the fewest lines cross. */
function findGutter(lines: readonly TextLine[], pageWidth: number): { start: number; end: number } | null {
  let fewest = Infinity;
  let best: { start: number; end: number } | null = null;
  let run: { start: number; end: number } | null = null;
  for (let x = Math.floor(pageWidth * GUTTER_ZONE[0]); x <= pageWidth * GUTTER_ZONE[1]; x++) {
    let crossing = 0;
    let before = 0;
    let after = 0;
    for (const line of lines) {
      if (crosses(line, x)) crossing++;
      else if (line.right <= x) before++;
      else after++;
    }
    const divides = before >= MIN_COLUMN_LINES && after >= MIN_COLUMN_LINES;
    if (divides && crossing < fewest) {
      fewest = crossing;
      run = { start: x, end: x };
      best = run;
    } else if (divides && crossing === fewest) {
      if (run && run.end === x - 1) run.end = x;
      else run = { start: x, end: x };
      if (run.end - run.start > best!.end - best!.start) best = run;
    } else {
      run = null;
    }
  }
  return best && best.end - best.start >= MIN_GUTTER_WIDTH ? best : null;
}

/**
 * Whether lines left and right of a gutter are two columns of running text rather than, say, the
 * label and value columns of a table: both sides have several lines, side by side on the page,
 * the left lines mostly run up to the gutter, and the lines crossing the gutter are few.
 */
function looksLikeColumns(left: readonly TextLine[], right: readonly TextLine[], spanning: readonly TextLine[], gutterStart: number): boolean {
  if (left.length < MIN_COLUMN_LINES || right.length < MIN_COLUMN_LINES) return false;
  if (spanning.length > (left.length + right.length) / 2) return false;
  const sideBySide = right.filter((r) => left.some((l) => Math.abs(l.y - r.y) < 1.5 * r.fontSize)).length;
  if (sideBySide < MIN_COLUMN_LINES) return false;
  const leftEdge = Math.min(...left.map((line) => line.x));
  return median(left.map((line) => line.right)) > leftEdge + 0.7 * (gutterStart - leftEdge);
}

const topDown = (a: TextLine, b: TextLine): number => b.y - a.y || a.x - b.x;

/**
 * Puts a page's lines in reading order. A page with a gutter down its middle reads as two
 * columns: between lines that span the gutter (a title, a full-width figure caption, the abstract
 * above), the left column is read to its foot, then the right one; the spanning lines stay where
 * they stand. Any other page reads top to bottom.
 */
export function readingOrder(lines: readonly TextLine[], pageWidth: number): FlowLine[] {
  if (lines.length === 0) return [];
  const sorted = [...lines].sort(topDown);
  const whole = { left: usualLeft(sorted), right: Math.max(...sorted.map((line) => line.right)) };
  const gutter = findGutter(sorted, pageWidth);
  const middle = gutter ? (gutter.start + gutter.end) / 2 : 0;
  const left = sorted.filter((line) => line.right <= middle);
  const right = sorted.filter((line) => line.x >= middle);
  const spanning = sorted.filter((line) => line.right > middle && line.x < middle);
  if (!gutter || !looksLikeColumns(left, right, spanning, gutter.start)) {
    return sorted.map((line) => ({ line, flow: 0, ...whole }));
  }

  const leftColumn = { left: usualLeft(left), right: Math.max(...left.map((line) => line.right)) };
  const rightColumn = { left: usualLeft(right), right: Math.max(...right.map((line) => line.right)) };
  const ordered: FlowLine[] = [];
  let flow = 0;
  let band: TextLine[] = [];
  const flushBand = (): void => {
    for (const [column, bounds] of [[new Set(left), leftColumn], [new Set(right), rightColumn]] as const) {
      const inBand = band.filter((line) => column.has(line));
      if (inBand.length === 0) continue;
      flow++;
      for (const line of inBand) ordered.push({ line, flow, ...bounds });
    }
    band = [];
  };
  const spans = new Set(spanning);
  let previousSpanning = false;
  for (const line of sorted) {
    if (spans.has(line)) {
      flushBand();
      if (!previousSpanning) flow++;
      ordered.push({ line, flow, ...whole });
      previousSpanning = true;
    } else {
      band.push(line);
      previousSpanning = false;
    }
  }
  flushBand();
  return ordered;
}
