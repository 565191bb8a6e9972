import type { Reliability } from '../../core/model/grades';
import type { PageSpan } from '../../core/model/source';
import { useState } from 'react';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import type { TagIndex } from '../tags/tag-index';
import { HighlightCard } from './HighlightCard';

interface HighlightsInTextOrderProps {
  readonly highlights: readonly AnchoredHighlight[];
  readonly tags: TagIndex | null;
  readonly text: string | null;
  readonly pages?: readonly PageSpan[] | undefined;
  /** The source's reliability grade, for the cards' marks. */
  readonly reliability?: Reliability | null | undefined;
  readonly onShow: (range: TextRange) => void;
}

/**
 * Cards mounted at first and added by each "Show more". Mounting all of a heavily highlighted
 * source's cards at once (5,000 on the report) held the page for seconds, and the painter with it;
 * this many fill the panel and render well within a frame.
 */
export const CARDS_PER_STEP = 50;

/** The placed highlights' cards in text order, the first ones at once and more on request. */
export function HighlightsInTextOrder({ highlights, tags, text, pages, reliability, onShow }: HighlightsInTextOrderProps) {
  const [shown, setShown] = useState(CARDS_PER_STEP);
  const hidden = highlights.length - shown;
  return (
    <>
      <ol className="card-list" aria-label="Highlights in text order">
        {highlights.slice(0, shown).map((anchored) => (
          <li key={anchored.highlight.id}>
            <HighlightCard anchored={anchored} tags={tags} text={text} pages={pages} reliability={reliability} onShow={onShow} />
          </li>
        ))}
      </ol>
      {hidden > 0 && (
        <button type="button" className="button annotations-more" onClick={() => setShown((n) => n + CARDS_PER_STEP)}>
          Show {Math.min(hidden, CARDS_PER_STEP)} more ({hidden} not shown)
        </button>
      )}
    </>
  );
}
