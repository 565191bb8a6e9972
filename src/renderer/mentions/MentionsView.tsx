import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SourceId, TagId } from '../../core/model/ids';
import type { Mention, NotebookApi } from '../../shared/api-contract';
import { FailureNotice } from '../app/FailureNotice';
import { hashFor, hashForSource } from '../app/location-hash';
import { useApiResource } from '../app/use-api-resource';
import { useChanges, useRevision } from '../changes/use-changes';
import { highlightChanges } from '../highlights/highlight-changes';
import { useTagIndex } from '../tags/use-tag-index';
import { loadMentions, type MentionSource } from './load-mentions';
import { sentenceAround } from '../../core/document/sentence-around';

/**
 * Per group, the passages in all sources that mention it (by any alias) but carry no highlight
 * with its tag. Each is one keystroke from being highlighted and tagged: its button has focus
 * as the person moves down the list, and Enter does it; the next one then takes focus.
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
        <p className="view-intro">Passages that mention a group but carry no highlight tagged with it. Move through them with the arrow keys; Enter highlights and tags one.</p>
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

interface GroupMentionsProps {
  readonly tagId: TagId;
  readonly tagName: string;
  readonly mentions: readonly Mention[];
  readonly sources: ReadonlyMap<SourceId, MentionSource>;
}

function GroupMentions({ tagId, tagName, mentions, sources }: GroupMentionsProps) {
  const headingId = useId();
  const changes = highlightChanges(useChanges());
  const listRef = useRef<HTMLOListElement>(null);
  const [refocus, setRefocus] = useState<number | null>(null);

  // After one is tagged the list reloads without it; the one now in its place takes focus.
  useEffect(() => {
    if (refocus === null) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.mention-tag');
    buttons?.[Math.min(refocus, buttons.length - 1)]?.focus();
  }, [mentions, refocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.mention-tag')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(at + (event.key === 'ArrowDown' ? 1 : -1), buttons.length - 1))]?.focus();
  };

  return (
    <section className="mentions-list" aria-labelledby={headingId}>
      <h2 id={headingId} className="mentions-title">
        {tagName} <span className="count">{mentions.length === 1 ? '1 passage' : `${mentions.length} passages`}</span>
      </h2>
      <ol ref={listRef} onKeyDown={onKeyDown}>
        {mentions.map((mention, i) => {
          const source = sources.get(mention.sourceId);
          if (!source) return null;
          const passage = sentenceAround(source.text, source.blocks, mention.start, mention.end);
          const quoteId = `${headingId}-${i}`;
          const tag = async () => {
            setRefocus(i);
            await changes.create(mention.sourceId, passage, [{ tagId }]);
          };
          return (
            <li key={`${mention.sourceId}:${mention.start}`} className="mention">
              <p className="mention-source">{source.title}</p>
              <p id={quoteId} className="mention-passage">
                {source.text.slice(passage.start, mention.start)}
                <strong>{source.text.slice(mention.start, mention.end)}</strong>
                {source.text.slice(mention.end, passage.end)}
              </p>
              <div className="mention-actions">
                <button type="button" className="button mention-tag" aria-describedby={quoteId} onClick={() => void tag()}>
                  Highlight and tag “{tagName}”
                </button>
                <a href={hashForSource(mention.sourceId, passage)}>Open in the reader</a>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
