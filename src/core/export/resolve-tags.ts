import type { Highlight, Stance, Tag } from '../model/highlight';
import { exported, exportFailed, type ExportResult } from './export-result';

/** A highlight's tag with its stance (recommendations only). */
export interface ResolvedTag {
  readonly tag: Tag;
  readonly stance: Stance | null;
}

/** The notebook's tags by id, looked up once per export. */
export class TagDirectory {
  private readonly byId: ReadonlyMap<string, Tag>;

  constructor(tags: readonly Tag[]) {
    this.byId = new Map(tags.map((t) => [t.id, t]));
  }

  /** The highlight's tags in its own order, or a failure naming the first one that is missing. */
  resolve(highlight: Highlight): ExportResult<readonly ResolvedTag[]> {
    const resolved: ResolvedTag[] = [];
    for (const { tagId, stance } of highlight.tags) {
      const tag = this.byId.get(tagId);
      if (!tag) {
        return exportFailed('unknown-tag', `Highlight ${highlight.id} has tag ${tagId}, which is not among the notebook's tags. Remove the tag from the highlight or restore it, then export again.`);
      }
      resolved.push({ tag, stance: stance ?? null });
    }
    return exported(resolved);
  }
}
