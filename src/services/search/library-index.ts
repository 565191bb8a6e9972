import type { SourceId } from '../../core/model/ids';
import type { Block } from '../../core/model/source';
import type { SourceLibrary } from '../sources/source-library';

/** What the indexes of core (search, shared text, related passages) have in common. */
export interface SourceTextIndex {
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
}

/**
 * An index kept in step with the library. It is built on first use from every source's canonical
 * text; after that, each use asks the library for its sources (parsed once and cached there) and
 * reads again only those whose text hash changed, i.e. a source replaced with sources.replace.
 * No caller has to remember to tell the index: a replaced text is simply a text it has not seen.
 */
export class LibraryIndex<I extends SourceTextIndex> {
  readonly #indexed = new Map<SourceId, string>();
  #turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly library: SourceLibrary,
    private readonly index: I,
  ) {}

  /** The index, holding the current text of every source; concurrent calls update it one at a time. */
  current(): Promise<I> {
    const run = this.#turn.then(
      () => this.#update(),
      () => this.#update(),
    );
    this.#turn = run.catch(() => undefined);
    return run;
  }

  async #update(): Promise<I> {
    const manifest = await this.library.manifest();
    const sources = await Promise.all(manifest.map((meta) => this.library.get(meta.id)));
    for (const source of sources) {
      const id = source.meta.id;
      const known = this.#indexed.get(id);
      if (known === source.textHash) continue;
      if (known === undefined) this.index.addSource(id, source.text, source.blocks);
      else this.index.replaceSource(id, source.text, source.blocks);
      this.#indexed.set(id, source.textHash);
    }
    return this.index;
  }
}
