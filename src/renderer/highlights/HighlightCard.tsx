import { useContext, useId, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent } from 'react';
import { describePages, pagesOf } from '../../core/document/page-of';
import type { Reliability } from '../../core/model/grades';
import type { PageSpan, TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { hashFor } from '../app/location-hash';
import { HIGHLIGHT_DRAG_TYPE, PassageActionsContext } from '../app/passage-actions';
import { isTypingTarget } from '../changes/history-keys';
import { useChanges } from '../changes/use-changes';
import { ColorInput } from '../controls/ColorInput';
import { CorroborationEditor } from '../grading/CorroborationEditor';
import { CredibilitySelect } from '../grading/CredibilitySelect';
import { GradeChord } from '../grading/grade-keys';
import { GradeMark } from '../grading/GradeMark';
import type { TagIndex } from '../tags/tag-index';
import { CommentEditor } from './CommentEditor';
import { formatTime } from './format-time';
import { highlightChanges } from './highlight-changes';
import { highlightColor } from './highlight-color';
import { HighlightTagPicker } from './HighlightTagPicker';
import { passageText, shortQuote } from './passage-text';

interface HighlightCardProps {
  readonly anchored: AnchoredHighlight;
  readonly tags: TagIndex | null;
  /** The source's current text, when at hand. */
  readonly text: string | null;
  /** The source's pages, for a paginated source (PDF) whose text is at hand: the card names the passage's. */
  readonly pages?: readonly PageSpan[];
  /** Scrolls the reader to the passage and marks it. */
  readonly onShow?: (range: TextRange) => void;
  /** The source's reliability grade, for the card's mark ("B2"); absent or null: not graded. */
  readonly reliability?: Reliability | null | undefined;
}

const STATUS_NOTE: Record<AnchoredHighlight['status'], string | null> = {
  exact: null,
  fuzzy: 'Found again in the new version of the source, with small differences.',
  review: 'Needs review: the new version of the source may have moved or changed this passage.',
  orphan: 'Orphaned: this passage is not in the new version of the source.',
};

/**
 * One highlight: its passage, tags (with stances), grade, comment and times, and what can be done
 * with it. Draggable into a memo as a citation. Focused, G then 1–6 grades its credibility.
 */
export function HighlightCard({ anchored, tags, text, pages, onShow, reliability }: HighlightCardProps) {
  const { highlight, status, start, end } = anchored;
  const tracker = useChanges();
  const changes = highlightChanges(tracker);
  const { citeInMemo } = useContext(PassageActionsContext);
  const [editing, setEditing] = useState<'comment' | 'tags' | 'corroboration' | 'credibility' | null>(null);
  const chord = useRef(new GradeChord());
  const quoteId = useId();
  const quote = passageText(anchored, text);
  const color = highlightColor(highlight, tags);
  const range = start !== null && end !== null ? { start, end } : null;
  const onPages = range && pagesOf(pages, range);
  const note = STATUS_NOTE[status];

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || isTypingTarget(event.target instanceof HTMLElement ? event.target : null)) return;
    const pressed = chord.current.press(event, event.timeStamp);
    if (pressed === null) return;
    event.preventDefault();
    if (pressed !== 'pending') void changes.setCredibility(highlight.id, pressed);
  };

  const onDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, highlight.id);
    event.dataTransfer.setData('text/plain', quote);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <article
      className="highlight-card"
      data-status={status}
      aria-label={`Highlight “${shortQuote(quote)}”`}
      draggable
      tabIndex={0}
      onKeyDown={onKeyDown}
      onDragStart={onDragStart}
      style={{ '--highlight-color': color } as CSSProperties}
    >
      <blockquote id={quoteId} className="card-quote" onClick={range && onShow ? () => onShow(range) : undefined}>
        {quote}
      </blockquote>
      {note && <p className="card-status">{note}</p>}
      {highlight.tags.length > 0 && (
        <ul className="card-tags" aria-label="Tags">
          {highlight.tags.map(({ tagId, stance }) => {
            const tag = tags?.tag(tagId);
            return (
              <li key={tagId}>
                <a className="tag-chip" href={hashFor({ view: 'tag', tagId })} style={{ '--tag-color': tag?.color ?? '#888888' } as CSSProperties}>
                  {tag?.name ?? 'Deleted tag'}
                  {stance && <span className="chip-stance">{stance}</span>}
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <div className="card-grade">
        <GradeMark reliability={reliability} credibility={highlight.credibility} />
        {editing === 'credibility' ? (
          <CredibilitySelect
            value={highlight.credibility ?? null}
            describedBy={quoteId}
            autoFocus
            onBlur={() => setEditing(null)}
            onChange={(c) => {
              setEditing(null);
              void changes.setCredibility(highlight.id, c);
            }}
          />
        ) : (
          // A button until asked: a select on each of thousands of cards would weigh on the panel.
          <button type="button" className="link-button" aria-describedby={quoteId} onClick={() => setEditing('credibility')}>
            {highlight.credibility === undefined ? 'Grade' : 'Change grade'}
          </button>
        )}
        <button
          type="button"
          className="link-button"
          aria-expanded={editing === 'corroboration'}
          aria-describedby={quoteId}
          onClick={() => setEditing(editing === 'corroboration' ? null : 'corroboration')}
        >
          Corroborated by ({highlight.corroboratedBy?.length ?? 0})
        </button>
      </div>
      {editing === 'corroboration' && <CorroborationEditor highlight={highlight} onChange={(ids) => void changes.setCorroboratedBy(highlight.id, ids)} />}
      {editing === 'comment' ? (
        <CommentEditor
          initial={highlight.comment}
          onSave={async (comment) => (await changes.setComment(highlight.id, comment)) !== null}
          onDone={() => setEditing(null)}
        />
      ) : (
        highlight.comment !== '' && <p className="card-comment">{highlight.comment}</p>
      )}
      <p className="card-times">
        {onPages && `${describePages(onPages.first, onPages.last)} · `}
        <time dateTime={highlight.created}>{formatTime(highlight.created)}</time>
        {formatTime(highlight.modified) !== formatTime(highlight.created) && (
          <>
            {' · edited '}
            <time dateTime={highlight.modified}>{formatTime(highlight.modified)}</time>
          </>
        )}
      </p>
      <div className="card-actions">
        {range && onShow && (
          <button type="button" className="link-button" aria-describedby={quoteId} onClick={() => onShow(range)}>
            Show
          </button>
        )}
        <button type="button" className="link-button" aria-expanded={editing === 'tags'} onClick={() => setEditing(editing === 'tags' ? null : 'tags')}>
          Tags
        </button>
        <button type="button" className="link-button" onClick={() => setEditing('comment')} disabled={editing === 'comment'}>
          Comment
        </button>
        {citeInMemo && (
          <button type="button" className="link-button" onClick={() => citeInMemo(highlight.id)}>
            Cite in memo
          </button>
        )}
        <span className="card-actions-end">
          {highlight.color !== null && (
            <button type="button" className="link-button" onClick={() => void changes.setColor(highlight.id, null)}>
              Tag colour
            </button>
          )}
          <ColorInput value={color} label="Highlight colour" onCommit={(c) => void changes.setColor(highlight.id, c)} />
          <button type="button" className="link-button link-danger" onClick={() => void changes.remove(highlight.id)}>
            Delete
          </button>
        </span>
      </div>
      {editing === 'tags' && tags && (
        <HighlightTagPicker target={{ kind: 'highlight', highlight }} tags={tags} text={text} range={range} onClose={() => setEditing(null)} />
      )}
    </article>
  );
}
