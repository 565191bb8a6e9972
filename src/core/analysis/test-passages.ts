import type { Credibility, Reliability } from '../model/grades';
import type { HighlightTag, Stance, Tag } from '../model/highlight';
import { charOffset, familyId, highlightId, sourceId, tagId } from '../model/ids';
import type { AnalysisPassage } from './analysis-passage';

/** A tag of the analyses' hand-made fixtures. */
export function tag(id: string, name: string, family = 'family:groups'): Tag {
  return { id: tagId(id), familyId: familyId(family), name, color: '#336699', aliases: [], description: '', statedAt: null };
}

interface PassageSpec {
  readonly source?: string;
  readonly tags: readonly (string | readonly [string, Stance])[];
  /** [start, end) in the source; omitted: an orphan. */
  readonly at?: readonly [number, number];
  readonly blocks?: readonly number[];
  readonly reliability?: Reliability;
  readonly credibility?: Credibility;
}

/** A passage of the fixtures: `tags` as ids, or [id, stance] pairs. */
export function passage(id: string, spec: PassageSpec): AnalysisPassage {
  const tags: HighlightTag[] = spec.tags.map((t) => (typeof t === 'string' ? { tagId: tagId(t) } : { tagId: tagId(t[0]), stance: t[1] }));
  return {
    highlightId: highlightId(id),
    sourceId: sourceId(spec.source ?? 's1'),
    tags,
    start: spec.at === undefined ? null : charOffset(spec.at[0]),
    end: spec.at === undefined ? null : charOffset(spec.at[1]),
    blocks: spec.blocks ?? [],
    reliability: spec.reliability ?? null,
    credibility: spec.credibility ?? null,
  };
}
