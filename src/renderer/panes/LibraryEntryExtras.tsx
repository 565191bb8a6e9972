import { useCallback } from 'react';
import type { SourceSummary } from '../../shared/api-contract';
import { useApiResource } from '../app/use-api-resource';
import { percent, twinNotes } from './shared-passages';
import { sourceLabel, useWorkspace } from './workspace-context';

/**
 * Below a library entry: the sources it shares most of its text with, and how much, and a way to
 * open it to the side. The twins are asked for once per library load, by each entry alike, and
 * answered from the services' cache.
 */
export function LibraryEntryExtras({ source }: { readonly source: SourceSummary }) {
  const { sources, openToSide, api } = useWorkspace();
  const load = useCallback(() => api.call('sources.twins', {}), [api]);
  const { resource } = useApiResource(load, sources);
  const notes = resource.status === 'ready' ? (twinNotes(resource.value).get(source.id) ?? []) : [];
  return (
    <div className="entry-extras">
      {notes.map((note) => (
        <p key={note.twinId} className="entry-twin">
          <span className="twin-badge">{percent(note.share)} shared</span> {percent(note.share)} of its text is also in “{sourceLabel(sources, note.twinId)}”
        </p>
      ))}
      <button type="button" className="entry-side-button" onClick={() => openToSide(source.id)} aria-label={`Open “${sourceLabel(sources, source.id)}” to the side`}>
        Open to the side
      </button>
    </div>
  );
}
