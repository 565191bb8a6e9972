import type { ReactNode } from 'react';
import { FORMAT_LABEL } from '../../core/import/extracted-source';
import type { SourceSummary } from '../../shared/api-contract';
import { formatTime } from '../highlights/format-time';
import { externalHref } from './external-link';

interface SourceHeaderProps {
  readonly summary: SourceSummary;
  /** Id of the title heading, which names the reader's article. */
  readonly titleId: string;
  /** What can be done with the source (a menu), shown beside its kind. */
  readonly actions?: ReactNode;
}

/** What the manifest says of the source: title, who wrote or published it, when, and where it came from. */
export function SourceHeader({ summary, titleId, actions }: SourceHeaderProps) {
  const byline = [summary.author, summary.publisher].filter((part): part is string => Boolean(part));
  const link = summary.link === null ? null : externalHref(summary.link);
  return (
    <header className="source-header">
      <div className="source-header-top">
        <p className="source-kind">
          {summary.imported ? (
            <>
              <span className="kind-badge format-badge" data-format={summary.imported.format}>
                {FORMAT_LABEL[summary.imported.format]}
              </span>
              <span className="imported-note" title={`Imported on ${formatTime(summary.imported.addedAt)}`}>
                {summary.imported.fileName}
                {summary.pageCount ? ` · ${summary.pageCount} ${summary.pageCount === 1 ? 'page' : 'pages'}` : ''}
              </span>
            </>
          ) : (
            <span className="kind-badge" data-kind={summary.kind}>{summary.kind}</span>
          )}
          {summary.replaced && (
            <span className="replaced-note">
              new version of <time dateTime={summary.replaced.replacedAt}>{formatTime(summary.replaced.replacedAt)}</time>
            </span>
          )}
        </p>
        {actions}
      </div>
      <h1 id={titleId} className="source-title">
        {summary.title}
      </h1>
      <p className="source-byline">
        {byline.length > 0 && <span>{byline.join(' · ')}</span>}
        {summary.date && <time dateTime={summary.isoDate ?? undefined}>{summary.date}</time>}
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer" title={link}>
            Original
          </a>
        )}
      </p>
      {summary.note && <p className="source-note-line">{summary.note}</p>}
    </header>
  );
}
