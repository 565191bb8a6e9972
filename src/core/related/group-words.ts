import type { Mention } from '../tags/find-mentions';

/** Words of a stretch of text, in text order: folded term, and where each is written. */
export interface Words {
  readonly terms: string[];
  readonly starts: number[];
  readonly ends: number[];
}

export const emptyWords = (): Words => ({ terms: [], starts: [], ends: [] });

/**
 * The sources name one group many ways ("IS-Khorasan", "ISKP", "ISIS-K"). To compare what they
 * say, the words of each mention of a group tag (found by the tags' own matcher, which knows
 * acronyms from words: "IS" is a group, "is" is not) become one word standing for the tag.
 * Rewrites `words` in place; mentions are in text order and do not overlap.
 */
export function groupMentions(words: Words, mentions: readonly Mention[]): void {
  const { terms, starts, ends } = words;
  if (mentions.length === 0 || terms.length === 0) return;
  // Mentions ending before the first word are of earlier text.
  let m = firstEndingAfter(mentions, starts[0] ?? 0);
  let kept = 0;
  for (let i = 0; i < terms.length; ) {
    const start = starts[i] ?? 0;
    while (m < mentions.length && (mentions[m]?.end ?? 0) <= start) m++;
    const mention = mentions[m];
    if (mention === undefined || mention.start >= (ends[i] ?? 0)) {
      terms[kept] = terms[i] ?? '';
      starts[kept] = start;
      ends[kept] = ends[i] ?? 0;
      kept++;
      i++;
      continue;
    }
    // The group word spans the mention's words within this stretch.
    let end = start;
    for (; i < terms.length && (starts[i] ?? 0) < mention.end; i++) end = Math.max(end, ends[i] ?? 0);
    terms[kept] = `tag:${mention.tagId}`;
    starts[kept] = start;
    ends[kept] = end;
    kept++;
    m++;
  }
  terms.length = kept;
  starts.length = kept;
  ends.length = kept;
}

function firstEndingAfter(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((mentions[mid]?.end ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
