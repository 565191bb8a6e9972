import { randomUUID } from 'node:crypto';
import type { Tag, TagFamily } from '../../core/model/highlight';
import { familyId, tagId, type FamilyId, type TagId } from '../../core/model/ids';
import type { ChangeSet } from '../../core/notebook/change-set';
import { planFamilyDelete, planTagDelete, planTagMerge } from '../../core/notebook/tag-operations';
import { groupSeeds } from '../../core/tags/seed-groups';
import type { ApiParsedInput, ChangeSummary, TagSet as TagSetResult } from '../../shared/api-contract';
import type { NotebookEditor } from '../changes/notebook-editor';
import type { HighlightStore } from '../highlights/highlight-store';
import { ConflictError, InvalidInputError, NotFoundError } from '../service-errors';
import type { TagSet } from './tag-set';

export interface TagServiceParts {
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
  readonly editor: NotebookEditor;
  readonly now: () => Date;
}

/** Colours chosen to read on both themes (see seed-groups.ts); a new tag without one gets the least used. */
const PALETTE = [...new Set(groupSeeds.map((g) => g.color))];

const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

const change = (label: string, parts: Partial<Omit<ChangeSet, 'label'>>): ChangeSet => ({ label, highlights: [], tags: [], families: [], ...parts });

/** tags.* and families.*: the tag set, every edit of it a change set that undo can take back. */
export class TagService {
  constructor(private readonly parts: TagServiceParts) {}

  /** Counts uses from the highlight store's summary, so that listing tags reads no highlights file it need not. */
  async list(): Promise<TagSetResult> {
    const { tagSet, store } = this.parts;
    const [, uses] = await Promise.all([tagSet.ready(), store.tagUsage()]);
    const usage: Record<string, number> = Object.fromEntries(tagSet.tags.map((t) => [t.id, uses.get(t.id) ?? 0]));
    return { families: tagSet.families, tags: tagSet.tags, usage };
  }

  async create(input: ApiParsedInput<'tags.create'>): Promise<Tag> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const family = this.#family(input.familyId);
      this.#checkNameFree(family, input.name);
      const tag: Tag = {
        id: tagId(`tag:${randomUUID()}`),
        familyId: family.id,
        name: input.name,
        color: input.color ?? this.#leastUsedColour(family.id),
        aliases: input.aliases ?? [],
        description: input.description ?? '',
        statedAt: null,
      };
      return { change: change(`New tag “${tag.name}”`, { tags: [{ before: null, after: tag }] }), value: tag };
    });
    return value;
  }

  /** Rename, recolour, or edit aliases / description. */
  async update(input: ApiParsedInput<'tags.update'>): Promise<Tag> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const before = this.#tag(input.tagId);
      if (input.name !== undefined && input.name !== before.name) this.#checkNameFree(this.#family(before.familyId), input.name, before.id);
      const after: Tag = {
        ...before,
        name: input.name ?? before.name,
        color: input.color ?? before.color,
        aliases: input.aliases ?? before.aliases,
        description: input.description ?? before.description,
      };
      const renamed = after.name !== before.name;
      const recoloured = after.color !== before.color;
      const edited = after.description !== before.description || after.aliases.join('\n') !== before.aliases.join('\n');
      if (!renamed && !recoloured && !edited) return { change: change('Edit tag', {}), value: before };
      const label =
        renamed && !recoloured && !edited ? `Rename tag “${before.name}” to “${after.name}”` : recoloured && !renamed && !edited ? `Recolour tag “${before.name}”` : `Edit tag “${before.name}”`;
      return { change: change(label, { tags: [{ before, after }] }), value: after };
    });
    return value;
  }

  async delete({ tagId: id, highlights }: ApiParsedInput<'tags.delete'>): Promise<ChangeSummary> {
    const { summary } = await this.parts.editor.perform(async () => {
      await this.#ready();
      return { change: planTagDelete(this.#tag(id), this.parts.store.all(), highlights, this.#now()), value: null };
    });
    return summary;
  }

  async merge({ fromTagId, intoTagId }: ApiParsedInput<'tags.merge'>): Promise<ChangeSummary> {
    const { summary } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const from = this.#tag(fromTagId, 'to merge');
      if (fromTagId === intoTagId) {
        throw new InvalidInputError(`A tag cannot be merged into itself. Choose another tag to merge “${from.name}” into.`, ['intoTagId: must differ from fromTagId']);
      }
      const into = this.#tag(intoTagId, `to merge “${from.name}” into`);
      const fromKind = this.#family(from.familyId).kind;
      const intoKind = this.#family(into.familyId).kind;
      if (fromKind !== intoKind) {
        throw new InvalidInputError(
          `“${from.name}” cannot be merged into “${into.name}”: one is ${describeKind(fromKind)} and the other ${describeKind(intoKind)}, and a highlight's stance only fits recommendations. Merge tags of the same kind.`,
          ['intoTagId: must be a tag of the same kind as fromTagId'],
        );
      }
      return { change: planTagMerge(from, into, this.parts.store.all(), this.#now()), value: null };
    });
    return summary;
  }

  async createFamily({ name }: ApiParsedInput<'families.create'>): Promise<TagFamily> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      this.#checkFamilyNameFree(name);
      const family: TagFamily = { id: familyId(`family:${randomUUID()}`), name, kind: 'custom' };
      return { change: change(`New family “${name}”`, { families: [{ before: null, after: family }] }), value: family };
    });
    return value;
  }

  /** Renames a family; its kind (the seeded Groups and Recommendations included) stays. */
  async renameFamily({ familyId: id, name }: ApiParsedInput<'families.rename'>): Promise<TagFamily> {
    const { value } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const before = this.#family(id);
      if (before.name === name) return { change: change('Rename family', {}), value: before };
      this.#checkFamilyNameFree(name, before.id);
      const after: TagFamily = { ...before, name };
      return { change: change(`Rename family “${before.name}” to “${name}”`, { families: [{ before, after }] }), value: after };
    });
    return value;
  }

  async deleteFamily({ familyId: id, highlights }: ApiParsedInput<'families.delete'>): Promise<ChangeSummary> {
    const { summary } = await this.parts.editor.perform(async () => {
      await this.#ready();
      const { tagSet, store } = this.parts;
      return { change: planFamilyDelete(this.#family(id), tagSet.tags, store.all(), highlights, this.#now()), value: null };
    });
    return summary;
  }

  async #ready(): Promise<void> {
    await Promise.all([this.parts.tagSet.ready(), this.parts.store.load()]);
  }

  #now(): string {
    return this.parts.now().toISOString();
  }

  #tag(id: TagId, purpose?: string): Tag {
    const tag = this.parts.tagSet.tagsById().get(id);
    if (tag === undefined) throw new NotFoundError(`There is no tag with id “${id}”${purpose === undefined ? '' : ` ${purpose}`}; it may have been deleted. Reload the tag list and try again.`);
    return tag;
  }

  #family(id: FamilyId): TagFamily {
    const family = this.parts.tagSet.familiesById().get(id);
    if (family === undefined) throw new NotFoundError(`There is no tag family with id “${id}”; it may have been deleted. Reload the tag list and try again.`);
    return family;
  }

  #checkNameFree(family: TagFamily, name: string, except?: TagId): void {
    const clash = this.parts.tagSet.tags.find((t) => t.familyId === family.id && t.id !== except && sameName(t.name, name));
    if (clash !== undefined) {
      throw new ConflictError(`The family “${family.name}” already has a tag named “${clash.name}”. Choose another name, or merge the two tags.`);
    }
  }

  #checkFamilyNameFree(name: string, except?: FamilyId): void {
    const clash = this.parts.tagSet.families.find((f) => f.id !== except && sameName(f.name, name));
    if (clash !== undefined) throw new ConflictError(`There is already a tag family named “${clash.name}”. Choose another name.`);
  }

  #leastUsedColour(family: FamilyId): string {
    const uses = new Map(PALETTE.map((c) => [c, 0]));
    for (const t of this.parts.tagSet.tags) if (t.familyId === family && uses.has(t.color)) uses.set(t.color, (uses.get(t.color) ?? 0) + 1);
    return [...uses].reduce((least, entry) => (entry[1] < least[1] ? entry : least))[0];
  }
}

function describeKind(kind: TagFamily['kind']): string {
  return kind === 'groups' ? 'a group' : kind === 'recommendations' ? 'a recommendation' : 'a custom tag';
}
