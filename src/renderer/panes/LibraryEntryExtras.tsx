import type { SourceSummary } from '../../shared/api-contract';
import { percent } from './shared-passages';
import { sourceLabel, useWorkspace } from './workspace-context';

/** Below a library entry: the sources it shares most of its text with, how much, and a way to open it to the side. */
export function LibraryEntryExtras({ source }: { readonly source: SourceSummary }) {
  const { sources, twins, openToSide } = useWorkspace();
  return (
    <div className="entry-extras">
      {(twins.get(source.id) ?? []).map((note) => (
        <p key={note.twinId} className="entry-twin">
          {percent(note.share)} of its text is also in “{sourceLabel(sources, note.twinId)}”
        </p>
      ))}
      <button type="button" className="entry-side-button" onClick={() => openToSide(source.id)} aria-label={`Open “${sourceLabel(sources, source.id)}” to the side`}>
        Open to the side
      </button>
    </div>
  );
}
