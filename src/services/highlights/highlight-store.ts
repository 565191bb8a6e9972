import { join } from 'node:path';
import type { Highlight } from '../../core/model/highlight';
import type { HighlightId, SourceId } from '../../core/model/ids';
import type { StoreNotice } from '../../shared/api-contract';
import { DocumentCollection } from '../store/document-collection';
import { removeStrayTempFiles } from '../store/durable-file';
import type { JsonDocument } from '../store/json-document';
import { readFailed } from '../store/storage-error';
import { errorCode, type StoreFs } from '../store/store-fs';
import { BUCKET_NAMES, bucketOf } from './highlight-bucket';
import { highlightsFileKind, type HighlightsFile } from './highlights-file';
import { loadOnce } from '../store/load-once';

export const HIGHLIGHTS_FOLDER = 'highlights';
/** Source ids are slugs (the manifest checks them), so a source's folder name is its id. */
const SOURCE_FOLDER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface HighlightStoreOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly onNotice: (notice: StoreNotice) => void;
}

/** One source's bucket files: the collection that opens them, and the ones open so far. */
interface SourceFiles {
  readonly collection: DocumentCollection<HighlightsFile>;
  readonly buckets: Map<string, JsonDocument<HighlightsFile>>;
}

/**
 * Every highlight, in `highlights/<sourceId>/<bucket>.json` files. All of them are loaded on first
 * use (finding a highlight by id, counting a tag's uses and listing a source all need them), and
 * what this class hands out is always the last durable state of each file.
 */
export class HighlightStore {
  readonly #sources = new Map<SourceId, SourceFiles>();

  constructor(private readonly options: HighlightStoreOptions) {}

  /** Loads every stored highlights file once; a load that failed is tried again on the next call. */
  readonly load = loadOnce(() => this.#loadAll());

  async #loadAll(): Promise<void> {
    const root = join(this.options.dataDir, HIGHLIGHTS_FOLDER);
    let names: string[];
    try {
      names = await this.options.fs.readdir(root);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      throw readFailed('the list of sources with highlights', root, error);
    }
    // One source at a time, its buckets together: at most 64 files are open at once, however many
    // sources the notebook has.
    for (const name of names) if (SOURCE_FOLDER.test(name)) await this.#loadSource(name as SourceId);
  }

  async #loadSource(sourceId: SourceId): Promise<void> {
    const files = this.#files(sourceId);
    await removeStrayTempFiles(this.options.fs, join(this.options.dataDir, HIGHLIGHTS_FOLDER, sourceId));
    const keys = (await files.collection.storedKeys()).filter((key) => BUCKET_NAMES.has(key));
    await Promise.all(keys.map(async (bucket) => files.buckets.set(bucket, await files.collection.get(bucket))));
  }

  #files(sourceId: SourceId): SourceFiles {
    let files = this.#sources.get(sourceId);
    if (files === undefined) {
      if (!SOURCE_FOLDER.test(sourceId)) throw new Error(`"${sourceId}" is not a source id that can name a highlights folder.`);
      const { fs, dataDir, now, onNotice } = this.options;
      const collection = new DocumentCollection({ fs, dataDir, folder: join(HIGHLIGHTS_FOLDER, sourceId), kind: highlightsFileKind, now, onNotice });
      files = { collection, buckets: new Map() };
      this.#sources.set(sourceId, files);
    }
    return files;
  }

  /** The sources that have highlights files. */
  sourceIds(): SourceId[] {
    return [...this.#sources.keys()];
  }

  /** The durable highlights of one source, in no particular order. */
  of(sourceId: SourceId): Highlight[] {
    const files = this.#sources.get(sourceId);
    return files === undefined ? [] : [...files.buckets.values()].flatMap((bucket) => bucket.data.highlights);
  }

  all(): Highlight[] {
    return this.sourceIds().flatMap((id) => this.of(id));
  }

  find(id: HighlightId): Highlight | undefined {
    const bucket = bucketOf(id);
    for (const files of this.#sources.values()) {
      const found = files.buckets.get(bucket)?.data.highlights.find((h) => h.id === id);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Rewrites one bucket file durably; its highlights change only once the write succeeded. */
  async update(sourceId: SourceId, bucket: string, change: (highlights: readonly Highlight[]) => readonly Highlight[]): Promise<void> {
    const files = this.#files(sourceId);
    let file = files.buckets.get(bucket);
    if (file === undefined) {
      file = await files.collection.get(bucket);
      files.buckets.set(bucket, file);
    }
    await file.update((current) => {
      const highlights = change(current.highlights);
      return highlights === current.highlights ? current : { ...current, highlights };
    });
  }

  /** Resolves when every write queued in any loaded file has been answered. */
  async settled(): Promise<void> {
    await Promise.all([...this.#sources.values()].map((files) => files.collection.settled()));
  }
}
