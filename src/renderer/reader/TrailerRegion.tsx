import { useId, type ReactNode } from 'react';

const TRAILER_LABEL = 'Trailer: links the aggregator appended to the capture';

interface TrailerRegionProps {
  /** How many blocks the trailer holds, shown while it is collapsed. */
  readonly entries: number;
  readonly open: boolean;
  readonly onToggle: () => void;
  readonly children: ReactNode;
}

/**
 * The link list a news aggregator appended to its capture: kept verbatim (it is part of the
 * source's text), but set apart and collapsed, because it is not part of the article.
 */
export function TrailerRegion({ entries, open, onToggle, children }: TrailerRegionProps) {
  const labelId = useId();
  const bodyId = useId();
  return (
    <section className="trailer" aria-labelledby={labelId}>
      <h2 className="trailer-heading">
        <button type="button" className="trailer-toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span id={labelId}>{TRAILER_LABEL}</span>
          <span className="trailer-count">{open ? 'Hide' : `Show ${entries} ${entries === 1 ? 'entry' : 'entries'}`}</span>
        </button>
      </h2>
      <div id={bodyId} className="trailer-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
