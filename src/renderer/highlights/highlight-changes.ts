import type { Credibility } from '../../core/model/grades';
import type { HighlightTag } from '../../core/model/highlight';
import type { HighlightId, SourceId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import type { AnchoredHighlight } from '../../shared/api-contract';
import type { ChangeTracker } from '../changes/change-tracker';

/**
 * The changes a person makes to highlights, each through the ChangeTracker (one at a time,
 * acknowledged once durable), with the sentence the status bar shows if the notebook refuses it.
 */
export const highlightChanges = (tracker: ChangeTracker) => ({
  create: (sourceId: SourceId, range: TextRange, tags: readonly HighlightTag[] = []): Promise<AnchoredHighlight | null> =>
    tracker.save(tags.length > 0 ? 'The passage could not be highlighted and tagged.' : 'The passage could not be highlighted.', 'highlights.create', {
      sourceId,
      start: range.start,
      end: range.end,
      ...(tags.length > 0 ? { tags: [...tags] } : {}),
    }),
  setTags: (highlightId: HighlightId, tags: readonly HighlightTag[]) =>
    tracker.save('The highlight’s tags could not be changed.', 'highlights.update', { highlightId, tags: [...tags] }),
  setComment: (highlightId: HighlightId, comment: string) => tracker.save('The comment could not be saved.', 'highlights.update', { highlightId, comment }),
  /** Null returns the highlight to its first tag's colour. */
  setColor: (highlightId: HighlightId, color: string | null) => tracker.save('The highlight’s colour could not be changed.', 'highlights.update', { highlightId, color }),
  /** Null: no longer graded. */
  setCredibility: (highlightId: HighlightId, credibility: Credibility | null) =>
    tracker.save('The highlight’s credibility could not be changed.', 'highlights.update', { highlightId, credibility }),
  setCorroboratedBy: (highlightId: HighlightId, corroboratedBy: readonly HighlightId[]) =>
    tracker.save('The corroborating highlights could not be changed.', 'highlights.update', { highlightId, corroboratedBy: [...corroboratedBy] }),
  remove: (highlightId: HighlightId) => tracker.save('The highlight could not be deleted.', 'highlights.delete', { highlightId }),
  place: (highlightId: HighlightId, range: TextRange) =>
    tracker.save('The highlight could not be placed there.', 'highlights.place', { highlightId, start: range.start, end: range.end }),
});
