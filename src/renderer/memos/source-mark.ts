import type { SourceMeta } from '../../core/model/source';

type Named = Pick<SourceMeta, 'author' | 'publisher' | 'title' | 'isoDate'>;

/**
 * A source named in a few words, as a citation's compact mark shows it: the author's family name,
 * else the publisher (its English name when it gives one in parentheses), else the start of the
 * title; then the year when known. "Mehran 2025", "Institute of the Middle East 2023".
 */
export function compactSourceName({ author, publisher, title, isoDate }: Named): string {
  const year = isoDate?.slice(0, 4) ?? null;
  const name = author?.trim().split(/\s+/).at(-1) ?? englishName(publisher) ?? shortTitle(title);
  return year === null ? name : `${name} ${year}`;
}

function englishName(publisher: string | null): string | null {
  if (publisher === null) return null;
  return /\(([^()]+)\)\s*$/.exec(publisher)?.[1] ?? publisher;
}

function shortTitle(title: string): string {
  const bare = title.replace(/^\[|\]$/g, '').trim();
  if (bare.length <= 32) return bare;
  const cut = bare.lastIndexOf(' ', 32);
  return `${bare.slice(0, cut > 16 ? cut : 32)}…`;
}
