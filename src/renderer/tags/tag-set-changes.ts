import type { FamilyId, TagId } from '../../core/model/ids';
import type { ChangeTracker } from '../changes/change-tracker';

/** What happens to the highlights carrying a tag (or family) being deleted. */
export type TaggedHighlights = 'untag' | 'delete-highlights';

/** The changes a person makes to tags and families, each through the ChangeTracker, with what to say if refused. */
export const tagSetChanges = (tracker: ChangeTracker) => ({
  createTag: (familyId: FamilyId, name: string) => tracker.save(`The tag “${name}” could not be created.`, 'tags.create', { familyId, name }),
  rename: (tagId: TagId, name: string) => tracker.save(`The tag could not be renamed to “${name}”.`, 'tags.update', { tagId, name }),
  recolor: (tagId: TagId, color: string) => tracker.save('The tag’s colour could not be changed.', 'tags.update', { tagId, color }),
  setAliases: (tagId: TagId, aliases: readonly string[]) => tracker.save('The aliases could not be saved.', 'tags.update', { tagId, aliases: [...aliases] }),
  describe: (tagId: TagId, description: string) => tracker.save('The text could not be saved.', 'tags.update', { tagId, description }),
  remove: (tagId: TagId, highlights: TaggedHighlights) => tracker.save('The tag could not be deleted.', 'tags.delete', { tagId, highlights }),
  merge: (fromTagId: TagId, intoTagId: TagId) => tracker.save('The tags could not be merged.', 'tags.merge', { fromTagId, intoTagId }),
  createFamily: (name: string) => tracker.save(`The family “${name}” could not be created.`, 'families.create', { name }),
  renameFamily: (familyId: FamilyId, name: string) => tracker.save(`The family could not be renamed to “${name}”.`, 'families.rename', { familyId, name }),
  removeFamily: (familyId: FamilyId, highlights: TaggedHighlights) => tracker.save('The family could not be deleted.', 'families.delete', { familyId, highlights }),
});

/** Aliases as typed in one field: separated by commas or semicolons, blanks and repeats dropped. */
export function parseAliases(typed: string): string[] {
  const seen = new Set<string>();
  return typed
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter((a) => a !== '' && !seen.has(a.toLowerCase()) && seen.add(a.toLowerCase()));
}
