import { finishLineText, normalizeRunText } from './normalize-pdf-text';
import type { PdfTextItem, TextLine } from './pdf-text';

/** Runs whose baselines differ by less than this share of the font size sit on one line (superscripts do). */
const BASELINE_TOLERANCE = 0.45;
/**
 * A gap wider than this share of the font size between two runs is a word space the PDF did not
 * draw as a character (QualCoder #386); kerning and letter-spacing stay well below it.
 */
const WORD_GAP = 0.15;
/** A gap wider than this many ems on one baseline is no word space but a gutter or a table cell. */
const COLUMN_GAP = 1.0;

interface Run {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
}

const isBlank = (text: string): boolean => text.trim() === '';

function toRuns(items: readonly PdfTextItem[]): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    const text = normalizeRunText(item.str);
    if (text === '') continue;
    const size = item.fontSize > 0 ? item.fontSize : 1;
    runs.push({ text, x: item.x, right: item.x + Math.max(0, item.width), y: item.y, size, bold: item.bold ?? false });
  }
  return runs;
}

/** Groups runs by baseline, top of the page first. */
function baselineGroups(runs: readonly Run[]): { runs: Run[] }[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; size: number; runs: Run[] }[] = [];
  for (const run of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group.y - run.y) <= BASELINE_TOLERANCE * Math.max(group.size, run.size)) {
      group.runs.push(run);
      // The line's baseline is that of its biggest text, not of a superscript that came first.
      if (run.size > group.size && !isBlank(run.text)) {
        group.y = run.y;
        group.size = run.size;
      }
    } else {
      groups.push({ y: run.y, size: isBlank(run.text) ? 0 : run.size, runs: [run] });
    }
  }
  return groups;
}

function dominantSize(runs: readonly Run[]): number {
  const chars = new Map<number, number>();
  for (const run of runs) {
    const count = run.text.replace(/\s/g, '').length;
    if (count > 0) chars.set(run.size, (chars.get(run.size) ?? 0) + count);
  }
  let best = runs[0]?.size ?? 1;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) [best, most] = [size, count];
  }
  return best;
}

function toLine(runs: readonly Run[]): TextLine | null {
  const inked = runs.filter((run) => !isBlank(run.text));
  const first = inked[0];
  if (!first) return null;
  let text = '';
  let previous: Run | null = null;
  for (const run of runs) {
    if (previous) {
      const gap = run.x - previous.right;
      const spaced = /\s$/.test(text) || /^\s/.test(run.text);
      if (!spaced && gap > WORD_GAP * ((run.size + previous.size) / 2)) text += ' ';
    }
    text += run.text;
    previous = run;
  }
  const finished = finishLineText(text);
  if (finished === '') return null;
  // Each column's part of a shared baseline group keeps its own baseline: columns need not align.
  const biggest = inked.reduce((a, b) => (b.size > a.size ? b : a));
  return {
    text: finished,
    x: first.x,
    right: Math.max(...inked.map((run) => run.right)),
    y: biggest.y,
    fontSize: dominantSize(inked),
    bold: inked.every((run) => run.bold),
  };
}

/**
 * The lines of one page, top first and left to right: runs on one baseline, ordered by x, split
 * where a gap is too wide to be a word space so that the columns of a page stay apart.
 */
export function buildLines(items: readonly PdfTextItem[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const group of baselineGroups(toRuns(items))) {
    const runs = group.runs.sort((a, b) => a.x - b.x);
    let fragment: Run[] = [];
    let reach = -Infinity;
    for (const run of runs) {
      const blank = isBlank(run.text);
      if (fragment.length > 0 && !blank && run.x - reach > COLUMN_GAP * run.size) {
        const line = toLine(fragment);
        if (line) lines.push(line);
        fragment = [];
      }
      fragment.push(run);
      if (!blank) reach = Math.max(reach, run.right);
    }
    const line = toLine(fragment);
    if (line) lines.push(line);
  }
  return lines;
}
