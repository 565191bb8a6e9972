import type { SourceId } from '../../core/model/ids';
import type { Block } from '../../core/model/source';
import type { SourceLibrary } from '../sources/source-library';

/** What the indexes of core (search, shared text, related passages) have in common. */
export interface SourceTextIndex {
  addSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  replaceSource(sourceId: SourceId, text: string, blocks?: readonly Block[]): void;
  removeSource(sourceId: SourceId): boolean;
}

/**
 * An index kept in step with the library. It is built on first use from every source's canonical
 * text; after that, each use asks the library which text each source has (its bundled file, or
 * the version that replaced it) and reads again only the sources whose text changed, i.e. those
 * replaced with sources.replace, or added by an import. No caller has to remember to tell the
 * index: a replaced or imported text is simply a text it has not seen, and a removed source one it
 * no longer lists.
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
    // The summaries say which text each source has, without handing out every text.
    const summaries = await this.library.list();
    const listed = new Set<SourceId>(summaries.map((summary) => summary.id));
    // A source removed from the library leaves the index with it (it may come back, as a new text).
    for (const sourceId of [...this.#indexed.keys()]) {
      if (listed.has(sourceId)) continue;
      this.index.removeSource(sourceId);
      this.#indexed.delete(sourceId);
    }
    for (const summary of summaries) {
      const version = summary.replaced?.versionHash ?? summary.sha256;
      const known = this.#indexed.get(summary.id);
      if (known === version) continue;
      const source = await this.library.get(summary.id);
      if (known === undefined) this.index.addSource(summary.id, source.text, source.blocks);
      else this.index.replaceSource(summary.id, source.text, source.blocks);
      this.#indexed.set(summary.id, version);
    }
    return this.index;
  }
}
