import type { Block } from '../model/source';
import { passageRanges, type PassageRange } from '../search/passages';
import { scanTokens } from '../search/tokenize';

/**
 * A source as the comparison of sources reads it: its words in order, folded as search folds them
 * (case, diacritics, curly quotes and dashes), so two captures of one article that differ in
 * line breaks or typography have the same words. The trailer an aggregator appended to a capture
 * (blocks marked `trailer`) is a list of unrelated links, not the source's text, and is left out.
 */
export interface SourceWords {
  readonly text: string;
  /** Folded term of each word. */
  readonly terms: readonly string[];
  /** Range of each word in the canonical text. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** The source's passages (its blocks, or its lines) outside a trailer, in text order. */
  readonly passages: readonly PassageRange[];
  /** Words of passage p are [passageFirst[p], passageFirst[p + 1]). */
  readonly passageFirst: Uint32Array;
}

/** The passages of a source outside its trailer blocks. */
export function bodyPassages(text: string, blocks?: readonly Block[]): PassageRange[] {
  const trailers = (blocks ?? []).filter((block) => block.trailer === true).map((block) => block.range);
  const passages = passageRanges(text, blocks);
  if (trailers.length === 0) return passages;
  return passages.filter((passage) => !trailers.some((range) => passage.start >= range.start && passage.end <= range.end));
}

export function sourceWords(text: string, blocks?: readonly Block[]): SourceWords {
  const passages = bodyPassages(text, blocks);
  const terms: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const passageFirst = new Uint32Array(passages.length + 1);
  passages.forEach((passage, p) => {
    passageFirst[p] = terms.length;
    scanTokens(text, passage.start, passage.end, (term, start, end) => {
      terms.push(term);
      starts.push(start);
      ends.push(end);
    });
  });
  passageFirst[passages.length] = terms.length;
  return { text, terms, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), passages, passageFirst };
}

/** Index of the passage holding word `word` (which must be a word of the source). */
export function passageOfWord(words: SourceWords, word: number): number {
  const first = words.passageFirst;
  let lo = 0;
  let hi = words.passages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((first[mid] ?? 0) <= word) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
