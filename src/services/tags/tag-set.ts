import type { Tag, TagFamily } from '../../core/model/highlight';
import type { FamilyId, TagId } from '../../core/model/ids';
import type { JsonDocument } from '../store/json-document';
import type { TagsFile } from './tags-file';

interface Indexed {
  readonly file: TagsFile;
  readonly tags: ReadonlyMap<TagId, Tag>;
  readonly families: ReadonlyMap<FamilyId, TagFamily>;
}

/**
 * The tag families and tags of tags.json. A notebook without that file (a new one, or one whose
 * file was damaged and moved aside) is seeded once; a file that exists is never seeded again, so
 * a tag the person deleted or renamed stays as they left it.
 */
export class TagSet {
  #ready: Promise<void> | null = null;
  #indexed: Indexed | null = null;

  constructor(
    private readonly document: JsonDocument<TagsFile>,
    private readonly seed: () => Promise<Pick<TagsFile, 'families' | 'tags'>>,
  ) {}

  /** Resolves once the tag set is usable (seeded and durable, if it had to be seeded). */
  ready(): Promise<void> {
    if (this.#ready === null) {
      const seeding = this.document.startedEmpty ? this.#seedOnce() : Promise.resolve();
      this.#ready = seeding;
      seeding.catch(() => {
        if (this.#ready === seeding) this.#ready = null;
      });
    }
    return this.#ready;
  }

  async #seedOnce(): Promise<void> {
    const { families, tags } = await this.seed();
    await this.document.update((file) => ({ ...file, families, tags }));
  }

  get families(): readonly TagFamily[] {
    return this.document.data.families;
  }

  get tags(): readonly Tag[] {
    return this.document.data.tags;
  }

  tagsById(): ReadonlyMap<TagId, Tag> {
    return this.#index().tags;
  }

  familiesById(): ReadonlyMap<FamilyId, TagFamily> {
    return this.#index().families;
  }

  #index(): Indexed {
    const file = this.document.data;
    if (this.#indexed?.file !== file) {
      this.#indexed = { file, tags: new Map(file.tags.map((t) => [t.id, t])), families: new Map(file.families.map((f) => [f.id, f])) };
    }
    return this.#indexed;
  }
}
