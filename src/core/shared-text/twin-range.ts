import { charOffset } from '../model/ids';
import type { TextRange } from '../model/source';
import type { WordRun } from './align-words';
import type { SourceWords } from './source-words';

/** Share of a range's words that must be found, in order, in the twin for the range to map. */
const MIN_FOUND = 0.8;

/** Index of the first word ending after `offset`, or the word count. */
function firstWordEndingAfter(words: SourceWords, offset: number): number {
  let lo = 0;
  let hi = words.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words.ends[mid] ?? 0) > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the last word starting before `offset`, or -1. */
function lastWordStartingBefore(words: SourceWords, offset: number): number {
  let lo = 0;
  let hi = words.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words.starts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Where `range` of source `from` is in source `to`, given the runs of words they share (from the
 * point of view of `from`), or null when its words are not there. A range whose words are mostly
 * found, in the same order and about as far apart, maps from the place of its first word to the
 * place of its last; characters around them (a quote mark, a full stop) come along when the twin
 * has the same ones there.
 */
export function twinRange(from: SourceWords, to: SourceWords, runs: readonly WordRun[], range: TextRange): TextRange | null {
  const first = firstWordEndingAfter(from, range.start);
  const last = lastWordStartingBefore(from, range.end);
  if (first > last) return null;
  const placeInTwin = (word: number): number | null => {
    const run = runs.find((r) => word >= r.a && word < r.a + r.length);
    return run === undefined ? null : run.b + (word - run.a);
  };
  const firstInTwin = placeInTwin(first);
  const lastInTwin = placeInTwin(last);
  if (firstInTwin === null || lastInTwin === null || lastInTwin < firstInTwin) return null;
  const count = last - first + 1;
  let found = 0;
  for (let word = first; word <= last; word++) if (placeInTwin(word) !== null) found++;
  if (found < MIN_FOUND * count || Math.abs(lastInTwin - firstInTwin + 1 - count) > (1 - MIN_FOUND) * count) return null;

  const fromStart = from.starts[first] ?? 0;
  const fromEnd = from.ends[last] ?? 0;
  let start = to.starts[firstInTwin] ?? 0;
  let end = to.ends[lastInTwin] ?? 0;
  // A range that starts or ends inside a word keeps as much of the twin's word.
  if (range.start > fromStart) start = Math.min(start + (range.start - fromStart), end - 1);
  if (range.end < fromEnd) end = Math.max(end - (fromEnd - range.end), start + 1);
  const before = from.text.slice(range.start, fromStart);
  if (before !== '' && to.text.slice(start - before.length, start) === before) start -= before.length;
  const after = from.text.slice(fromEnd, range.end);
  if (after !== '' && to.text.slice(end, end + after.length) === after) end += after.length;
  return { start: charOffset(start), end: charOffset(end) };
}
