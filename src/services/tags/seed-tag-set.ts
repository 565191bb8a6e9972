import type { Tag, TagFamily } from '../../core/model/highlight';
import type { TagId } from '../../core/model/ids';
import { seedTags, statedAtIn } from '../../core/tags/seed-tags';
import type { SourceLibrary } from '../sources/source-library';

/**
 * The tag set a new notebook starts with, each recommendation pointing at the passage of the
 * report that states it (found in the report's canonical text, which is what the reader shows).
 */
export async function seedTagSet(library: SourceLibrary): Promise<{ families: readonly TagFamily[]; tags: readonly Tag[] }> {
  const { families, tags, statements } = seedTags();
  const manifest = await library.manifest();
  const statedAt = new Map<TagId, Tag['statedAt']>();
  for (const file of new Set(statements.map((s) => s.file))) {
    const meta = manifest.find((m) => m.file === file);
    // A library without the stating source has no passage to point at.
    if (meta === undefined) continue;
    const { text } = await library.get(meta.id);
    for (const statement of statements) {
      if (statement.file === file) statedAt.set(statement.tagId, statedAtIn(text, meta.id, statement.quote));
    }
  }
  return { families, tags: tags.map((tag) => ({ ...tag, statedAt: statedAt.get(tag.id) ?? tag.statedAt })) };
}
