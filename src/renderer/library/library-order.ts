import { FORMAT_LABEL } from '../../core/import/extracted-source';
import { foldString } from '../../core/text/fold-text';
import type { SourceSummary } from '../../shared/api-contract';

const foldForSearch = (text: string): string => foldString(text, { case: true, diacritics: true, collapseSpaces: true });

export type LibrarySort = 'library' | 'title' | 'added' | 'date';

export const SORT_LABELS: Readonly<Record<LibrarySort, string>> = {
  library: 'Library order',
  title: 'Title',
  added: 'Date added',
  date: 'Date of the source',
};

/** The words a filter matches in: title, author, publisher, date, file name and format. */
function haystack(source: SourceSummary): string {
  const parts = [source.title, source.author, source.publisher, source.date, source.imported?.fileName, source.imported ? FORMAT_LABEL[source.imported.format] : source.kind];
  return foldForSearch(parts.filter((part): part is string => Boolean(part)).join(' '));
}

const byTitle = (a: SourceSummary, b: SourceSummary): number => a.title.localeCompare(b.title, undefined, { sensitivity: 'base', numeric: true });

/**
 * The library as the person asked to see it: sources whose details hold every word of `filter`
 * (case and accents folded), sorted. Newest first for both dates; sources without the date go last,
 * in title order, so a sort never hides a source.
 */
export function orderLibrary(sources: readonly SourceSummary[], filter: string, sort: LibrarySort): SourceSummary[] {
  const words = foldForSearch(filter).split(/\s+/).filter(Boolean);
  const shown = sources.filter((source) => {
    if (words.length === 0) return true;
    const text = haystack(source);
    return words.every((word) => text.includes(word));
  });
  const newestFirst = (key: (s: SourceSummary) => string | null | undefined) => (a: SourceSummary, b: SourceSummary): number => {
    const [x, y] = [key(a) ?? null, key(b) ?? null];
    if (x === y) return byTitle(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    return y.localeCompare(x);
  };
  switch (sort) {
    case 'library':
      return shown;
    case 'title':
      return [...shown].sort(byTitle);
    case 'added':
      return [...shown].sort(newestFirst((s) => s.imported?.addedAt));
    case 'date':
      return [...shown].sort(newestFirst((s) => s.isoDate));
  }
}
