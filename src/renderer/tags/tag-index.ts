import type { Tag, TagFamily } from '../../core/model/highlight';
import type { FamilyId, TagId } from '../../core/model/ids';
import type { TagSet } from '../../shared/api-contract';

/** The tag set with the lookups every view needs. */
export interface TagIndex {
  readonly set: TagSet;
  tag(id: TagId): Tag | undefined;
  family(id: FamilyId): TagFamily | undefined;
  /** Tags of the recommendations family carry a stance on every highlight. */
  isRecommendation(id: TagId): boolean;
  /** How many highlights carry the tag. */
  usage(id: TagId): number;
  /** A family's tags, in the set's order. */
  tagsOf(id: FamilyId): readonly Tag[];
}

export function indexTags(set: TagSet): TagIndex {
  const tags = new Map(set.tags.map((t) => [t.id, t]));
  const families = new Map(set.families.map((f) => [f.id, f]));
  const members = new Map<FamilyId, Tag[]>();
  for (const tag of set.tags) {
    const list = members.get(tag.familyId);
    if (list) list.push(tag);
    else members.set(tag.familyId, [tag]);
  }
  return {
    set,
    tag: (id) => tags.get(id),
    family: (id) => families.get(id),
    isRecommendation: (id) => {
      const tag = tags.get(id);
      return tag !== undefined && families.get(tag.familyId)?.kind === 'recommendations';
    },
    usage: (id) => set.usage[id] ?? 0,
    tagsOf: (id) => members.get(id) ?? [],
  };
}
