import type { ImportRow } from './import-queue';

interface ImportRegionProps {
  readonly rows: readonly ImportRow[];
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onClear: () => void;
}

/** One row per file given to "Add sources": its name, a progress bar while it is read, then its outcome in words. */
export function ImportRegion({ rows, busy, onCancel, onClear }: ImportRegionProps) {
  if (rows.length === 0) return null;
  return (
    <section className="import-region" role="region" aria-label="Import">
      <div className="import-region-head">
        <h3 className="import-region-title">{busy ? 'Adding sources…' : 'Added sources'}</h3>
        {busy ? (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      <ul className="import-rows">
        {rows.map((row) => (
          <li key={row.key} className="import-row" data-status={row.status}>
            <span className="import-file" title={row.fileName}>
              {row.fileName}
            </span>
            {row.status === 'running' && <progress className="import-progress" aria-label={`Importing ${row.fileName}`} />}
            <span className="import-outcome" role={row.status === 'failed' ? 'alert' : undefined}>
              {row.message}
            </span>
            {row.warnings.length > 0 && (
              <ul className="import-warnings">
                {row.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
