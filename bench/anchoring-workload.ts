import { readFileSync } from 'node:fs';
import type { AnchorTarget } from '../src/core/anchoring/anchor';
import { describeRange } from '../src/core/anchoring/describe-range';
import { seededRandom } from '../tests/support/seeded-random';

/**
 * A reproducible anchoring workload on the bundled report: highlights spread over the whole text,
 * and an edited version of the text with the true new place of every old offset, so results can
 * be checked as well as timed.
 */

export const REPORT_PATH = new URL('../resources/sources/004_22ba044b9207139b.txt', import.meta.url);

export function readReport(): string {
  return readFileSync(REPORT_PATH, 'utf8');
}

/** `count` targets of 20–400 units, the i-th starting in the i-th of `count` equal slices of the text. */
export function spreadTargets(text: string, count: number, seed: number): AnchorTarget[] {
  const random = seededRandom(seed);
  const targets: AnchorTarget[] = [];
  for (let i = 0; i < count; i++) {
    const length = 20 + random.below(381);
    let start = Math.min(text.length - length, Math.floor(((i + random.next()) * text.length) / count));
    // Step past places describeRange rightly refuses (blank stretches, halves of an emoji).
    for (;;) {
      const described = describeRange(text, start, start + length);
      if (described.ok) {
        targets.push(described.value);
        break;
      }
      start = start > 0 ? start - 1 : start + 1;
    }
  }
  return targets;
}

/** One edit of the drifted text, in old offsets: [at, at + removed) replaced by `inserted`. */
export interface Edit {
  readonly at: number;
  readonly removed: number;
  readonly inserted: string;
}

export interface DriftedText {
  readonly text: string;
  readonly edits: readonly Edit[];
  /**
   * Where an old offset is in the new text. Text inserted exactly at the offset lies after it
   * when the offset ends a range and before it when the offset starts one; an offset inside
   * replaced text maps to the start of the replacement.
   */
  readonly mapOffset: (old: number, side: 'start' | 'end') => number;
  /** True when an edit changed the text inside old [start, end). */
  readonly touches: (start: number, end: number) => boolean;
}

const INSERTIONS = [' (as reported)', ', according to several interviewees,', ' also', ' in 2024', ' reportedly'];
const REPLACEMENTS: readonly (readonly [string, string])[] = [
  ['Taliban', 'Taleban'],
  ['Al Qaeda', 'al-Qaeda'],
  ['organizations', 'organisations'],
  ['significant', 'considerable'],
  ["'", '\u2019'],
  [' the ', ' the\n'],
  ['. ', '.  '],
];

/**
 * The text after an editor's pass every ~`spacing` units: insertions of a few words, spelling and
 * name changes, re-wrapped lines, doubled spaces and curly apostrophes, each at a random place.
 */
export function driftText(text: string, spacing: number, seed: number): DriftedText {
  const random = seededRandom(seed);
  const edits: Edit[] = [];
  for (let slice = 0; slice + spacing <= text.length; slice += spacing) {
    const from = slice + random.below(spacing / 2);
    const [find, replace] = random.pick(REPLACEMENTS);
    const at = text.indexOf(find, from);
    if (random.next() >= 0.4 && at >= 0 && at + find.length <= slice + spacing) {
      edits.push({ at, removed: find.length, inserted: replace });
      continue;
    }
    // Where no replacement applies, a few words are inserted at the next space instead.
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < slice + spacing) {
      edits.push({ at: space, removed: 0, inserted: random.pick(INSERTIONS) });
    }
  }
  let drifted = '';
  let copied = 0;
  for (const edit of edits) {
    drifted += text.slice(copied, edit.at) + edit.inserted;
    copied = edit.at + edit.removed;
  }
  drifted += text.slice(copied);
  const mapOffset = (old: number, side: 'start' | 'end'): number => {
    let shift = 0;
    for (const edit of edits) {
      if (edit.at > old || (edit.at === old && (side === 'end' || edit.removed > 0))) break;
      if (old < edit.at + edit.removed) return edit.at + shift;
      shift += edit.inserted.length - edit.removed;
    }
    return old + shift;
  };
  const touches = (start: number, end: number): boolean =>
    edits.some((e) => (e.removed > 0 ? e.at < end && e.at + e.removed > start : e.at > start && e.at < end));
  return { text: drifted, edits, mapOffset, touches };
}

/** A quote whose passage was changed by a few words, and where that passage is. */
export interface EditedQuote {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
}

/**
 * `count` quotes of 40–400 units, the i-th from the i-th of `count` equal slices of `text`, each
 * changed by a few words (an insertion, and half the time a name or spelling change too): the
 * workload on which the fuzzy step is compared with approx-string-match, each quote searched for
 * in the whole text. An edit to the quote costs a search what the same edit to its passage would.
 */
export function editedQuotes(text: string, count: number, seed: number): EditedQuote[] {
  const random = seededRandom(seed);
  const quotes: EditedQuote[] = [];
  for (let i = 0; i < count; i++) {
    const length = 40 + random.below(361);
    const start = Math.min(text.length - length, Math.floor(((i + random.next()) * text.length) / count));
    let quote = text.slice(start, start + length);
    const space = quote.indexOf(' ', random.below(quote.length));
    if (space > 0) quote = quote.slice(0, space) + random.pick(INSERTIONS) + quote.slice(space);
    const [find, replace] = random.pick(REPLACEMENTS);
    if (random.next() < 0.5 && quote.includes(find)) quote = quote.replace(find, replace);
    quotes.push({ quote, start, end: start + length });
  }
  return quotes;
}
