import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { BlockRole } from '../../core/document/block-role';
import { sentenceAround } from '../../core/document/sentence-around';
import type { SourceId, TagId } from '../../core/model/ids';
import type { Mention } from '../../shared/api-contract';
import { hashForSource } from '../app/location-hash';
import { useChanges } from '../changes/use-changes';
import { highlightChanges } from '../highlights/highlight-changes';
import type { MentionSource } from './load-mentions';

/** What a mention outside the prose stands in, said beside it. */
const ROLE_LABELS: Readonly<Record<Exclude<BlockRole, 'body'>, string>> = {
  heading: 'Heading',
  contents: 'Contents line',
  reference: 'Note or reference',
  trailer: 'Link after the article',
};

const ALL_SOURCES = '';

interface GroupMentionsProps {
  readonly tagId: TagId;
  readonly tagName: string;
  readonly mentions: readonly Mention[];
  readonly sources: ReadonlyMap<SourceId, MentionSource>;
}

/**
 * One group's mentions: those in the sources' prose first, then, set apart and folded, those in
 * headings, contents lines, notes and references, which name the group without saying anything
 * of it. The list can keep to one source; a mention can be highlighted and tagged, or dismissed
 * (undoable like any change).
 */
export function GroupMentions({ tagId, tagName, mentions, sources }: GroupMentionsProps) {
  const headingId = useId();
  const filterId = useId();
  const tracker = useChanges();
  const changes = highlightChanges(tracker);
  const sectionRef = useRef<HTMLElement>(null);
  const [refocus, setRefocus] = useState<number | null>(null);
  const [sourceId, setSourceId] = useState<string>(ALL_SOURCES);

  const bySource = useMemo(() => {
    const counts = new Map<SourceId, number>();
    for (const m of mentions) counts.set(m.sourceId, (counts.get(m.sourceId) ?? 0) + 1);
    return [...counts];
  }, [mentions]);
  // A source whose last mention was just tagged or dismissed leaves the choice.
  const chosen = bySource.some(([id]) => id === sourceId) ? sourceId : ALL_SOURCES;
  const shown = chosen === ALL_SOURCES ? mentions : mentions.filter((m) => m.sourceId === chosen);
  const body = shown.filter((m) => m.role === 'body');
  const apparatus = shown.filter((m) => m.role !== 'body');

  // After one is tagged or dismissed the list reloads without it; the one now in its place takes focus.
  useEffect(() => {
    if (refocus === null) return;
    const buttons = sectionRef.current?.querySelectorAll<HTMLButtonElement>('button.mention-tag');
    buttons?.[Math.min(refocus, buttons.length - 1)]?.focus();
  }, [mentions, refocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.mention-tag')].filter((b) => b.checkVisibility());
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(at + (event.key === 'ArrowDown' ? 1 : -1), buttons.length - 1))]?.focus();
  };

  const item = (mention: Mention, i: number) => {
    const source = sources.get(mention.sourceId);
    if (!source) return null;
    const passage = sentenceAround(source.text, source.blocks, mention.start, mention.end);
    const quoteId = `${headingId}-${i}`;
    const tag = async () => {
      setRefocus(i);
      await changes.create(mention.sourceId, passage, [{ tagId }]);
    };
    const dismiss = async () => {
      setRefocus(i);
      const { sourceId, start, end } = mention;
      await tracker.save('The mention could not be dismissed.', 'mentions.dismiss', { tagId, sourceId, start, end });
    };
    return (
      <li key={`${mention.sourceId}:${mention.start}`} className="mention">
        <p className="mention-source">
          {source.title}
          {mention.role !== 'body' && <span className="mention-role"> · {ROLE_LABELS[mention.role]}</span>}
        </p>
        <p id={quoteId} className="mention-passage">
          {source.text.slice(passage.start, mention.start)}
          <strong>{source.text.slice(mention.start, mention.end)}</strong>
          {source.text.slice(mention.end, passage.end)}
        </p>
        <div className="mention-actions">
          <button type="button" className="button mention-tag" aria-describedby={quoteId} onClick={() => void tag()}>
            Highlight and tag “{tagName}”
          </button>
          <button type="button" className="button" aria-describedby={quoteId} onClick={() => void dismiss()}>
            Dismiss
          </button>
          <a href={hashForSource(mention.sourceId, passage)}>Open in the reader</a>
        </div>
      </li>
    );
  };

  return (
    <section ref={sectionRef} className="mentions-list" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="mentions-list-header">
        <h2 id={headingId} className="mentions-title">
          {tagName} <span className="count">{shown.length === 1 ? '1 passage' : `${shown.length} passages`}</span>
        </h2>
        {bySource.length > 1 && (
          <p className="mentions-filter">
            <label htmlFor={filterId}>Source</label>
            <select id={filterId} value={chosen} onChange={(event) => setSourceId(event.target.value)}>
              <option value={ALL_SOURCES}>All sources ({mentions.length})</option>
              {bySource.map(([id, count]) => (
                <option key={id} value={id}>
                  {sources.get(id)?.title ?? id} ({count})
                </option>
              ))}
            </select>
          </p>
        )}
      </div>
      {body.length > 0 ? (
        <ol aria-label="In the text">{body.map((m, i) => item(m, i))}</ol>
      ) : (
        <p className="view-empty">No mention in the running text{chosen === ALL_SOURCES ? '' : ' of this source'}.</p>
      )}
      {apparatus.length > 0 && (
        <details className="mentions-apparatus">
          <summary>
            {apparatus.length === 1 ? '1 more' : `${apparatus.length} more`} in headings, contents lines and references
          </summary>
          <ol aria-label="In headings, contents lines and references">{apparatus.map((m, i) => item(m, body.length + i))}</ol>
        </details>
      )}
    </section>
  );
}
