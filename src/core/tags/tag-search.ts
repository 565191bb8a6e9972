import type { Tag } from '../model/highlight';
import type { TagId } from '../model/ids';
import { foldString } from '../text/fold-text';

/** A tag the picker offers for a query. */
export interface TagMatch {
  readonly tag: Tag;
  /** The selection mentions it (by name or alias): offered first. */
  readonly mentioned: boolean;
  /** The alias the query matched when it did not match the name, to show why the tag is offered. */
  readonly via: string | null;
}

/** Case, accents, dashes, apostrophes and runs of spaces do not matter when looking for a tag. */
const fold = (s: string): string => foldString(s, { case: true, diacritics: true, collapseSpaces: true }).trim();

const WORD_START = /[\s\-·(/]/;

/**
 * How well `query` matches `name` (both folded), 0 for not at all: the whole name, then a prefix,
 * the start of a later word, anywhere, and last its letters in order with gaps ("isk" for
 * "IS-Khorasan"), the fewer gaps the better.
 */
export function matchScore(name: string, query: string): number {
  if (query === '') return 1;
  if (name === query) return 1000;
  if (name.startsWith(query)) return 900 - Math.min(name.length - query.length, 99);
  let at = name.indexOf(query);
  while (at > 0 && !WORD_START.test(name.charAt(at - 1))) at = name.indexOf(query, at + 1);
  if (at > 0) return 800 - Math.min(at, 99);
  const inside = name.indexOf(query);
  if (inside >= 0) return 700 - Math.min(inside, 99);
  if (query.length < 2) return 0;
  let gaps = 0;
  let from = 0;
  for (const ch of query) {
    const found = name.indexOf(ch, from);
    if (found < 0) return 0;
    if (found > from) gaps += 1;
    from = found + 1;
  }
  return Math.max(500 - gaps * 25, 1);
}

/**
 * The tags to offer for `query`, best first: those the selection mentions (in the order it
 * mentions them), then the rest by how well their name or an alias matches; with no query, every
 * tag, the mentioned ones first and the rest in the set's order.
 */
export function searchTags(tags: readonly Tag[], query: string, mentioned: readonly TagId[]): TagMatch[] {
  const q = fold(query);
  const mentionRank = new Map(mentioned.map((id, i) => [id, i]));
  const scored = tags.flatMap((tag, order) => {
    let best = matchScore(fold(tag.name), q);
    let via: string | null = null;
    for (const alias of tag.aliases) {
      const score = matchScore(fold(alias), q);
      if (score > best) {
        best = score;
        via = alias;
      }
    }
    return best > 0 ? [{ tag, via, score: best, order, mention: mentionRank.get(tag.id) ?? Infinity }] : [];
  });
  scored.sort((a, b) => a.mention - b.mention || b.score - a.score || a.order - b.order);
  return scored.map(({ tag, via, mention }) => ({ tag, mentioned: mention !== Infinity, via }));
}
