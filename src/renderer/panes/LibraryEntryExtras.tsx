import type { SourceSummary } from '../../shared/api-contract';
import { percent } from './shared-passages';
import { labelBeside, sourceLabel, useWorkspace } from './workspace-context';

/**
 * Below a library entry: the sources it shares most of its text with, how much, and a way to open
 * it to the side. The button stays out of the Tab order, which moves from entry to entry; from the
 * keyboard, Shift+Enter on an entry opens it to the side (see PanedWorkspace).
 */
export function LibraryEntryExtras({ source }: { readonly source: SourceSummary }) {
  const { sources, twins, openToSide } = useWorkspace();
  return (
    <div className="entry-extras">
      {(twins.get(source.id) ?? []).map((note) => (
        <p key={note.twinId} className="entry-twin">
          {percent(note.share)} of its text is also in {labelBeside(sources, note.twinId, source.id)}
        </p>
      ))}
      <button
        type="button"
        className="entry-side-button"
        tabIndex={-1}
        title="Open to the side (Shift+Enter on the entry)"
        onClick={() => openToSide(source.id)}
        aria-label={`Open to the side: “${sourceLabel(sources, source.id)}”`}
      >
        Open to the side
      </button>
    </div>
  );
}
