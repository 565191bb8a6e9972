import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Relation } from '../../core/analysis/relation';
import { relationId, type HighlightId, type RelationId, type TagId } from '../../core/model/ids';
import type { HighlightStore } from '../highlights/highlight-store';
import { InvalidInputError, NotFoundError } from '../service-errors';
import { JsonDocument, type StoreNoticeListener } from '../store/json-document';
import type { StoreFs } from '../store/store-fs';
import type { TagSet } from '../tags/tag-set';
import { relationsFileKind, type RelationsFile } from './relations-file';

export const RELATIONS_FILE = 'relations.json';

export interface RelationServiceOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly onNotice: StoreNoticeListener;
  readonly tagSet: TagSet;
  readonly store: HighlightStore;
}

/** What a relation may be given or changed to; every field is checked against the notebook. */
export interface RelationInput {
  readonly fromTagId: TagId;
  readonly toTagId: TagId;
  readonly type: string;
  readonly highlightIds: readonly HighlightId[];
  readonly note: string;
}

/** relations.*: the typed relations between groups drawn on the link chart, kept in relations.json. */
export class RelationService {
  private constructor(
    private readonly options: RelationServiceOptions,
    private readonly file: JsonDocument<RelationsFile>,
  ) {}

  static async open(options: RelationServiceOptions): Promise<RelationService> {
    const file = await JsonDocument.open({ ...options, path: join(options.dataDir, RELATIONS_FILE), kind: relationsFileKind });
    return new RelationService(options, file);
  }

  settled(): Promise<void> {
    return this.file.settled();
  }

  list(): readonly Relation[] {
    return this.file.data.relations;
  }

  async create(input: RelationInput): Promise<Relation> {
    const checked = await this.#check(input);
    const stamp = this.options.now().toISOString();
    const relation: Relation = { id: relationId(randomUUID()), ...checked, created: stamp, modified: stamp };
    await this.file.update((file) => ({ ...file, relations: [...file.relations, relation] }));
    return relation;
  }

  /** Changes the fields given; the others stay. */
  async update(id: RelationId, change: { readonly [K in keyof RelationInput]?: RelationInput[K] | undefined }): Promise<Relation> {
    const before = this.#find(id);
    const checked = await this.#check({
      fromTagId: change.fromTagId ?? before.fromTagId,
      toTagId: change.toTagId ?? before.toTagId,
      type: change.type ?? before.type,
      highlightIds: change.highlightIds ?? before.highlightIds,
      note: change.note ?? before.note,
      // Passages kept from before are not checked again: one deleted since must not block changing the note.
    }, change.highlightIds !== undefined);
    const after: Relation = { ...before, ...checked, modified: this.options.now().toISOString() };
    await this.file.update((file) => ({ ...file, relations: file.relations.map((r) => (r.id === id ? after : r)) }));
    return after;
  }

  /** Removes the relation; the answer carries it whole, so that it can be drawn again. */
  async delete(id: RelationId): Promise<Relation> {
    const relation = this.#find(id);
    await this.file.update((file) => ({ ...file, relations: file.relations.filter((r) => r.id !== id) }));
    return relation;
  }

  #find(id: RelationId): Relation {
    const found = this.file.data.relations.find((r) => r.id === id);
    if (found === undefined) throw new NotFoundError(`There is no relation with id “${id}”; it may have been deleted. Reload the link chart and try again.`);
    return found;
  }

  /** The input without repeated passages, once its groups and passages are known to exist. */
  async #check(input: RelationInput, newPassages = true): Promise<RelationInput> {
    const { tagSet, store } = this.options;
    await Promise.all([tagSet.ready(), store.load()]);
    const tags = tagSet.tagsById();
    const families = tagSet.familiesById();
    for (const [field, id] of [['fromTagId', input.fromTagId], ['toTagId', input.toTagId]] as const) {
      const tag = tags.get(id);
      if (tag === undefined) throw new NotFoundError(`There is no tag with id “${id}”; it may have been deleted. Reload the tag list and choose another group.`);
      if (families.get(tag.familyId)?.kind !== 'groups') {
        const message = `“${tag.name}” is not a group: a relation on the link chart joins two tags of the groups family.`;
        throw new InvalidInputError(message, [`${field}: ${message}`]);
      }
    }
    if (input.fromTagId === input.toTagId) {
      const message = 'A relation joins two different groups; choose another group at one end.';
      throw new InvalidInputError(message, [`toTagId: ${message}`]);
    }
    const highlightIds = [...new Set(input.highlightIds)];
    const missing = newPassages ? highlightIds.filter((id) => store.find(id) === undefined) : [];
    if (missing.length > 0) {
      throw new NotFoundError(`There is no highlight with id ${missing.map((id) => `“${id}”`).join(', ')}; it may have been deleted. Choose the passages backing the relation again.`);
    }
    return { fromTagId: input.fromTagId, toTagId: input.toTagId, type: input.type, highlightIds, note: input.note };
  }
}
