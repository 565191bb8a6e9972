import type { HighlightId, SourceId } from '../../core/model/ids';
import { foldString } from '../../core/text/fold-text';

/** A highlight as the `@` picker offers it. */
export interface CitableHighlight {
  readonly highlightId: HighlightId;
  readonly sourceId: SourceId;
  readonly sourceTitle: string;
  /** The passage's current words (its stored quote when it has no place in the text). */
  readonly quote: string;
  readonly tagNames: readonly string[];
}

/** Case, accents, dashes, apostrophes and runs of spaces do not matter when looking for a passage. */
const fold = (s: string): string => foldString(s, { case: true, diacritics: true, collapseSpaces: true });

const startsWord = (text: string, at: number): boolean => at === 0 || /[^\p{L}\p{N}]/u.test(text.charAt(at - 1));

/** How well one query word matches a highlight: a tag name or a word of the passage beats the inside of a word or the source's title. */
function wordScore(word: string, quote: string, tags: readonly string[], title: string): number {
  let score = 0;
  for (const tag of tags) if (tag.includes(word)) score = Math.max(score, 4);
  const inQuote = quote.indexOf(word);
  if (inQuote >= 0) {
    let at = inQuote;
    while (at >= 0 && !startsWord(quote, at)) at = quote.indexOf(word, at + 1);
    score = Math.max(score, at >= 0 ? 3 : 2);
  }
  if (title.includes(word)) score = Math.max(score, 1);
  return score;
}

/**
 * The highlights to offer for what follows `@`: every word of the query must be found in the
 * passage, a tag name or the source's title; best matches first, ties in the order given (library
 * order, then text order). With no query, the first `limit` as given.
 */
export function findCitable(candidates: readonly CitableHighlight[], query: string, limit = 8): CitableHighlight[] {
  const words = fold(query).split(' ').filter((w) => w !== '');
  if (words.length === 0) return candidates.slice(0, limit);
  const scored: { candidate: CitableHighlight; score: number; order: number }[] = [];
  candidates.forEach((candidate, order) => {
    const quote = fold(candidate.quote);
    const tags = candidate.tagNames.map(fold);
    const title = fold(candidate.sourceTitle);
    let score = 0;
    for (const word of words) {
      const s = wordScore(word, quote, tags, title);
      if (s === 0) return;
      score += s;
    }
    scored.push({ candidate, score, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.candidate);
}
