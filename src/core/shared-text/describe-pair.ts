import { charOffset } from '../model/ids';
import type { WordRun } from './align-words';
import type { SharedPassage } from './shared-text-types';
import { passageOfWord, type SourceWords } from './source-words';

/** Sources count as twins when one has at least this share of its words in the other. */
export const TWIN_SHARE = 0.5;
/**
 * A shared stretch shorter than this many words counts only if it is at least half of its passage
 * (a heading, a short paragraph): a few words alike are a common phrase, not a shared passage.
 */
export const MIN_SHARED_WORDS = 12;

export interface PairFigures {
  readonly shareOfA: number;
  readonly shareOfB: number;
  readonly twins: boolean;
  readonly passages: readonly SharedPassage[];
}

const wordsOfPassage = (words: SourceWords, p: number): number => (words.passageFirst[p + 1] ?? 0) - (words.passageFirst[p] ?? 0);

/**
 * Cuts the runs where a passage of either source ends, keeps the pieces that are a shared passage
 * rather than a common phrase, and measures how much of each source they cover.
 */
export function describePair(a: SourceWords, b: SourceWords, runs: readonly WordRun[]): PairFigures {
  const passages: SharedPassage[] = [];
  let sharedA = 0;
  const coveredB = new Uint8Array(b.terms.length);
  for (const run of runs) {
    let offset = 0;
    while (offset < run.length) {
      const i = run.a + offset;
      const j = run.b + offset;
      const pa = passageOfWord(a, i);
      const pb = passageOfWord(b, j);
      const length = Math.min(run.length - offset, (a.passageFirst[pa + 1] ?? 0) - i, (b.passageFirst[pb + 1] ?? 0) - j);
      offset += length;
      if (length < MIN_SHARED_WORDS && length * 2 < Math.min(wordsOfPassage(a, pa), wordsOfPassage(b, pb))) continue;
      sharedA += length;
      coveredB.fill(1, j, j + length);
      passages.push({
        a: { start: charOffset(a.starts[i] ?? 0), end: charOffset(a.ends[i + length - 1] ?? 0) },
        b: { start: charOffset(b.starts[j] ?? 0), end: charOffset(b.ends[j + length - 1] ?? 0) },
      });
    }
  }
  const sharedB = coveredB.reduce((sum, covered) => sum + covered, 0);
  const shareOfA = a.terms.length === 0 ? 0 : sharedA / a.terms.length;
  const shareOfB = b.terms.length === 0 ? 0 : sharedB / b.terms.length;
  return { shareOfA, shareOfB, twins: Math.max(shareOfA, shareOfB) >= TWIN_SHARE, passages };
}
