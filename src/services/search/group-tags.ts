import type { Tag } from '../../core/model/highlight';
import type { TagSet } from '../tags/tag-set';

/** The tags of the groups families, as the person has them now (names and aliases are editable). */
export async function groupTags(tagSet: TagSet): Promise<Tag[]> {
  await tagSet.ready();
  const families = tagSet.familiesById();
  return tagSet.tags.filter((tag) => families.get(tag.familyId)?.kind === 'groups');
}
