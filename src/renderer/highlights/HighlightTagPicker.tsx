import { useMemo } from 'react';
import type { TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import { createMentionMatcher } from '../../core/tags/find-mentions';
import { useChanges } from '../changes/use-changes';
import { TagPicker } from '../tags/TagPicker';
import { tagSetChanges } from '../tags/tag-set-changes';
import type { TagIndex } from '../tags/tag-index';
import { useHighlightTagging, type TaggingTarget } from './use-highlight-tagging';

interface HighlightTagPickerProps {
  readonly target: TaggingTarget;
  readonly tags: TagIndex;
  /** The source's canonical text and the passage's place in it, to find the groups it mentions. */
  readonly text: string | null;
  readonly range: TextRange | null;
  readonly onClose: () => void;
}

/** The tag picker for one passage or highlight, offering first the groups the passage mentions. */
export function HighlightTagPicker({ target, tags, text, range, onClose }: HighlightTagPickerProps) {
  const tracker = useChanges();
  const tagging = useHighlightTagging(target, tags);
  // Recommendation names ("R2 · Strategic Engagement") are not what sources say; group names and aliases are.
  const matcher = useMemo(() => createMentionMatcher(tags.set.tags.filter((t) => !tags.isRecommendation(t.id))), [tags]);
  const start = range?.start ?? null;
  const end = range?.end ?? null;
  const mentioned = useMemo<readonly TagId[]>(
    () => (text === null || start === null || end === null ? [] : matcher.mentionsInRange(text, start, end)),
    [matcher, text, start, end],
  );

  return (
    <TagPicker
      tags={tags}
      mentioned={mentioned}
      chosen={tagging.chosen}
      label={target.kind === 'passage' ? 'Tags for the selected passage' : 'Tags for the highlight'}
      onToggle={tagging.toggle}
      onStance={tagging.setStance}
      onCreate={(name, familyId) => {
        void tagSetChanges(tracker).createTag(familyId, name).then((tag) => {
          if (tag) tagging.toggle(tag.id);
        });
      }}
      onClose={onClose}
    />
  );
}
