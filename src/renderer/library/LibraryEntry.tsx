import type { ComponentType } from 'react';
import { FORMAT_LABEL } from '../../core/import/extracted-source';
import type { SourceSummary } from '../../shared/api-contract';
import { hashForSource } from '../app/location-hash';

interface LibraryEntryProps {
  readonly source: SourceSummary;
  readonly selected: boolean;
  /** Shown below the entry's link. */
  readonly extras?: ComponentType<{ readonly source: SourceSummary }> | undefined;
}

/** A source in the library: title, who published (or wrote) it, its date as given, and its kind (or, imported, its format). */
export function LibraryEntry({ source, selected, extras: Extras }: LibraryEntryProps) {
  const by = source.publisher ?? source.author;
  return (
    <li>
      <a className="library-entry" href={hashForSource(source.id)} aria-current={selected ? 'page' : undefined}>
        <span className="entry-title">{source.title}</span>
        {by && <span className="entry-by">{by}</span>}
        <span className="entry-facts">
          {source.imported ? (
            <span className="kind-badge format-badge" data-format={source.imported.format}>
              {FORMAT_LABEL[source.imported.format]}
            </span>
          ) : (
            <span className="kind-badge" data-kind={source.kind}>{source.kind}</span>
          )}
          {source.date && <time dateTime={source.isoDate ?? undefined}>{source.date}</time>}
        </span>
        {source.note && <span className="entry-note">{source.note}</span>}
      </a>
      {Extras && <Extras source={source} />}
    </li>
  );
}
