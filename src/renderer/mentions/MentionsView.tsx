import { useCallback, useId, useMemo } from 'react';
import type { TagId } from '../../core/model/ids';
import type { NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { hashFor } from '../app/location-hash';
import { useApiResource } from '../app/use-api-resource';
import { useRevision } from '../changes/use-changes';
import { useTagIndex } from '../tags/use-tag-index';
import { GroupMentions } from './GroupMentions';
import { loadMentions } from './load-mentions';

/**
 * Per group, the passages in all sources that mention it (by any alias) but carry no highlight
 * with its tag, and that nobody dismissed. Each is one keystroke from being highlighted and
 * tagged: its button has focus as the person moves down the list, and Enter does it; the next one
 * then takes focus.
 */
export function MentionsView({ api, tagId }: { readonly api: NotebookApi; readonly tagId: TagId | null }) {
  const headingId = useId();
  const tags = useTagIndex();
  const revision = useRevision();
  const load = useCallback(() => loadMentions(api), [api]);
  const { resource, retry } = useApiResource(load, revision);
  const all = resource.status === 'ready' ? resource.value.mentions : null;
  const counts = useMemo(() => {
    const byTag = new Map<TagId, number>();
    for (const m of all ?? []) byTag.set(m.tagId, (byTag.get(m.tagId) ?? 0) + 1);
    return [...byTag].sort((a, b) => b[1] - a[1]);
  }, [all]);
  const chosen = tagId ?? counts[0]?.[0] ?? null;

  return (
    <main className="view mentions-view" aria-labelledby={headingId}>
      <header className="view-header">
        <h1 id={headingId} className="view-title">
          Mentions
        </h1>
        <p className="view-intro">
          Passages that mention a group but carry no highlight tagged with it. Move through them with the arrow keys; Enter highlights and tags one, Dismiss sets one aside.
        </p>
      </header>
      {resource.status === 'loading' && (
        <p className="view-empty" role="status">
          Finding mentions in every source…
        </p>
      )}
      {resource.status === 'failed' && <FailureNotice what="The mentions could not be found." error={resource.error} onRetry={retry} />}
      {resource.status === 'ready' && counts.length === 0 && <p className="view-empty">Every mention of a group is in a passage tagged with it.</p>}
      {resource.status === 'ready' && counts.length > 0 && (
        <div className="mentions-layout">
          <nav className="mentions-groups" aria-label="Groups">
            <ul>
              {counts.map(([id, count]) => (
                <li key={id}>
                  <a href={hashFor({ view: 'mentions', tagId: id })} aria-current={id === chosen ? 'true' : undefined}>
                    <span>{tags?.tag(id)?.name ?? id}</span> <span className="count">{count}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {chosen !== null && (
            <GroupMentions
              key={chosen}
              tagId={chosen}
              tagName={tags?.tag(chosen)?.name ?? chosen}
              mentions={resource.value.mentions.filter((m) => m.tagId === chosen)}
              sources={resource.value.sources}
            />
          )}
        </div>
      )}
    </main>
  );
}
