import { useEffect, useRef, useState } from 'react';
import type { Highlight, HighlightTag, Stance } from '../../core/model/highlight';
import type { HighlightId, SourceId, TagId } from '../../core/model/ids';
import type { TextRange } from '../../core/model/source';
import { useChanges } from '../changes/use-changes';
import type { TagIndex } from '../tags/tag-index';
import { highlightChanges } from './highlight-changes';

/** What is being tagged: a highlight, or a selected passage that becomes one with its first tag. */
export type TaggingTarget =
  | { readonly kind: 'highlight'; readonly highlight: Highlight }
  | { readonly kind: 'passage'; readonly sourceId: SourceId; readonly range: TextRange };

export interface Tagging {
  readonly chosen: readonly HighlightTag[];
  toggle(tagId: TagId): void;
  setStance(tagId: TagId, stance: Stance): void;
}

/**
 * A passage's tags as the person chooses them. Each choice is saved at once (a passage is
 * highlighted with its first tag); the choices show straight away, and one the notebook refuses
 * is taken back (the status bar says why). A recommendation tag always carries a stance, "context"
 * until the person says otherwise.
 */
export function useHighlightTagging(target: TaggingTarget, tags: TagIndex | null): Tagging {
  const tracker = useChanges();
  const initial = target.kind === 'highlight' ? target.highlight.tags : [];
  const [chosen, setChosen] = useState<readonly HighlightTag[]>(initial);
  // The latest choice, read by choices made before React renders the previous one.
  const latest = useRef<readonly HighlightTag[]>(initial);
  const acknowledged = useRef<readonly HighlightTag[]>(initial);
  const pending = useRef(0);
  const highlightId = useRef<Promise<HighlightId | null> | null>(target.kind === 'highlight' ? Promise.resolve(target.highlight.id) : null);

  // Tags changed elsewhere (undo, a tag merged) show here unless the person is mid-change.
  const outside = target.kind === 'highlight' ? target.highlight.tags : null;
  useEffect(() => {
    if (outside && pending.current === 0) {
      acknowledged.current = outside;
      latest.current = outside;
      setChosen(outside);
    }
  }, [outside]);

  const save = async (next: readonly HighlightTag[]): Promise<boolean> => {
    const changes = highlightChanges(tracker);
    const existing = highlightId.current;
    if (existing) {
      const id = await existing;
      if (id) return (await changes.setTags(id, next)) !== null;
    }
    if (target.kind !== 'passage') return false;
    const created = changes.create(target.sourceId, target.range, next);
    highlightId.current = created.then((result) => result?.highlight.id ?? null);
    return (await created) !== null;
  };

  const commit = (next: readonly HighlightTag[]) => {
    latest.current = next;
    setChosen(next);
    pending.current += 1;
    void save(next).then((ok) => {
      pending.current -= 1;
      if (ok) acknowledged.current = next;
      else if (latest.current === next) {
        latest.current = acknowledged.current;
        setChosen(acknowledged.current);
      }
    });
  };

  return {
    chosen,
    toggle(tagId) {
      const now = latest.current;
      const stance: Stance | undefined = tags?.isRecommendation(tagId) ? 'context' : undefined;
      commit(now.some((c) => c.tagId === tagId) ? now.filter((c) => c.tagId !== tagId) : [...now, stance ? { tagId, stance } : { tagId }]);
    },
    setStance(tagId, stance) {
      commit(latest.current.map((c) => (c.tagId === tagId ? { tagId, stance } : c)));
    },
  };
}
