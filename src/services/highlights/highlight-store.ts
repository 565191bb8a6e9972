import { join } from 'node:path';
import type { Highlight } from '../../core/model/highlight';
import type { HighlightId, SourceId, TagId } from '../../core/model/ids';
import type { StoreNotice } from '../../shared/api-contract';
import { DocumentCollection } from '../store/document-collection';
import { removeStrayTempFiles } from '../store/durable-file';
import type { JsonDocument } from '../store/json-document';
import { readFailed } from '../store/storage-error';
import { errorCode, type StoreFs } from '../store/store-fs';
import { BUCKET_NAMES, bucketOf } from './highlight-bucket';
import { highlightsFileKind, type HighlightsFile } from './highlights-file';
import { loadOnce } from '../store/load-once';
import { TagUsageSummary, type TagUses } from './tag-usage-summary';

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
  /** Loads the source's stored bucket files once (see loadSource). */
  readonly load: () => Promise<void>;
  /** Set once `load` has succeeded: `buckets` then holds every bucket file the source has. */
  loaded: boolean;
  /**
   * The tag uses of each bucket as first read: what the tag-use summary counted, when it names the
   * source, since nothing but this store writes the files.
   */
  readonly firstRead: Map<string, TagUses>;
}

/** Tag uses of each bucket's highlights; a bucket's array is replaced, never changed, on a write. */
const bucketUsage = new WeakMap<readonly Highlight[], TagUses>();

function usageOf(highlights: readonly Highlight[]): TagUses {
  let usage = bucketUsage.get(highlights);
  if (usage === undefined) {
    const counts = new Map<string, number>();
    for (const highlight of highlights) for (const { tagId } of highlight.tags) counts.set(tagId, (counts.get(tagId) ?? 0) + 1);
    usage = counts;
    bucketUsage.set(highlights, usage);
  }
  return usage;
}

/**
 * Every highlight, in `highlights/<sourceId>/<bucket>.json` files. One source's files are loaded
 * when that source is first needed (listing the highlights of the source being read), and all of
 * them only when something needs every highlight (finding one by id, planning a tag's deletion),
 * so opening a notebook of 50,000 highlights reads none of them. Counting tag uses reads a derived
 * summary instead (tag-usage-summary.ts). What this class hands out is always the last durable
 * state of each file.
 */
export class HighlightStore {
  readonly #sources = new Map<SourceId, SourceFiles>();
  #summary: TagUsageSummary | null = null;
  /** Writes asked for and not yet answered. */
  readonly #updating = new Set<Promise<void>>();
  /** Opens the tag-use summary once, before the first count or write needs it. */
  readonly #openSummary = loadOnce(async () => {
    this.#summary = await TagUsageSummary.open({ fs: this.options.fs, dataDir: this.options.dataDir, known: (except) => this.#knownUsage(except) });
  });
  /** The sources with a highlights folder when first asked; later ones are written through #files. */
  #stored: SourceId[] = [];
  readonly #listStored = loadOnce(async () => {
    this.#stored = await this.#storedSourceIds();
  });

  constructor(private readonly options: HighlightStoreOptions) {}

  /** Loads every stored highlights file once; a load that failed is tried again on the next call. */
  readonly load = loadOnce(() => this.#loadAll());

  /**
   * Loads the stored highlights files of one source once, so that `of(sourceId)` holds all its
   * highlights; a load that failed is tried again on the next call.
   */
  async loadSource(sourceId: SourceId): Promise<void> {
    await this.#files(sourceId).load();
  }

  async #loadAll(): Promise<void> {
    // One source at a time, its buckets together: at most 64 files are open at once, however many
    // sources the notebook has.
    for (const id of await this.#storedSourceIds()) await this.loadSource(id);
  }

  async #storedSourceIds(): Promise<SourceId[]> {
    const root = join(this.options.dataDir, HIGHLIGHTS_FOLDER);
    try {
      return (await this.options.fs.readdir(root)).filter((name) => SOURCE_FOLDER.test(name)) as SourceId[];
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw readFailed('the list of sources with highlights', root, error);
    }
  }

  async #loadSource(sourceId: SourceId, files: SourceFiles): Promise<void> {
    await removeStrayTempFiles(this.options.fs, join(this.options.dataDir, HIGHLIGHTS_FOLDER, sourceId));
    const keys = (await files.collection.storedKeys()).filter((key) => BUCKET_NAMES.has(key));
    await Promise.all(keys.map(async (bucket) => this.#keepBucket(files, bucket, await files.collection.get(bucket))));
    files.loaded = true;
  }

  #keepBucket(files: SourceFiles, bucket: string, file: JsonDocument<HighlightsFile>): void {
    if (files.buckets.has(bucket)) return;
    files.buckets.set(bucket, file);
    files.firstRead.set(bucket, usageOf(file.data.highlights));
  }

  #files(sourceId: SourceId): SourceFiles {
    let files = this.#sources.get(sourceId);
    if (files === undefined) {
      if (!SOURCE_FOLDER.test(sourceId)) throw new Error(`"${sourceId}" is not a source id that can name a highlights folder.`);
      const { fs, dataDir, now, onNotice } = this.options;
      const collection = new DocumentCollection({ fs, dataDir, folder: join(HIGHLIGHTS_FOLDER, sourceId), kind: highlightsFileKind, now, onNotice });
      const buckets = new Map<string, JsonDocument<HighlightsFile>>();
      const created: SourceFiles = { collection, buckets, loaded: false, firstRead: new Map(), load: loadOnce(() => this.#loadSource(sourceId, created)) };
      files = created;
      this.#sources.set(sourceId, files);
    }
    return files;
  }

  /** The sources whose highlights files were loaded or written (after load(): every source that has some). */
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

  /**
   * How many highlights use each tag id (a highlight listing a tag twice counts twice), over every
   * source. Sources the tag-use summary names are counted from it and from their loaded files;
   * only the others (new since the summary was written, or after a crash) are read.
   */
  async tagUsage(): Promise<Map<TagId, number>> {
    await Promise.all([this.#openSummary(), this.#listStored()]);
    const ids = new Set([...this.#stored, ...this.#sources.keys()]);
    let counted = false;
    for (const id of ids) {
      if (this.#usageOf(id) !== undefined) continue;
      // One source at a time, as load() does.
      await this.loadSource(id);
      counted = true;
    }
    const total = new Map<TagId, number>();
    for (const id of ids) {
      for (const [tag, n] of this.#usageOf(id) ?? []) total.set(tag as TagId, (total.get(tag as TagId) ?? 0) + n);
    }
    if (counted) this.#summary?.scheduleSave();
    return total;
  }

  /** A source's tag uses, when known without reading more files. */
  #usageOf(sourceId: SourceId): TagUses | undefined {
    const files = this.#sources.get(sourceId);
    const stored = files?.loaded === true ? new Map<string, number>() : this.#summary?.stored(sourceId);
    if (stored === undefined) return undefined;
    // The stored count holds for the buckets not read since; each bucket read swaps what the
    // summary counted in it for what it holds now.
    const usage = new Map(stored);
    const add = (uses: TagUses | undefined, sign: 1 | -1): void => {
      for (const [tag, n] of uses ?? []) usage.set(tag, (usage.get(tag) ?? 0) + sign * n);
    };
    for (const [bucket, file] of files?.buckets ?? []) {
      if (files?.loaded !== true) add(files?.firstRead.get(bucket), -1);
      add(usageOf(file.data.highlights), 1);
    }
    for (const [tag, n] of usage) if (n <= 0) usage.delete(tag);
    return usage;
  }

  #knownUsage(except: ReadonlySet<SourceId>): Map<SourceId, TagUses> {
    const known = new Map<SourceId, TagUses>();
    for (const id of new Set([...this.#stored, ...this.#sources.keys()])) {
      const usage = except.has(id) ? undefined : this.#usageOf(id);
      if (usage !== undefined) known.set(id, usage);
    }
    return known;
  }

  /** Rewrites one bucket file durably; its highlights change only once the write succeeded. */
  update(sourceId: SourceId, bucket: string, change: (highlights: readonly Highlight[]) => readonly Highlight[]): Promise<void> {
    // Counted from the call, not from when its file's queue takes it (after the summary's own
    // write), so that settled() never answers before a write already asked for.
    const running = this.#update(sourceId, bucket, change);
    this.#updating.add(running);
    const forget = (): void => void this.#updating.delete(running);
    running.then(forget, forget);
    return running;
  }

  async #update(sourceId: SourceId, bucket: string, change: (highlights: readonly Highlight[]) => readonly Highlight[]): Promise<void> {
    const files = this.#files(sourceId);
    // So that the summary saved after this write names every source with highlights, not only the
    // ones this session touched; a list that cannot be read costs only a slower count next time.
    await Promise.all([this.#openSummary(), this.#listStored().catch(() => undefined)]);
    const summary = this.#summary;
    await summary?.beforeWrite(sourceId);
    try {
      let file = files.buckets.get(bucket);
      if (file === undefined) {
        file = await files.collection.get(bucket);
        this.#keepBucket(files, bucket, file);
        file = files.buckets.get(bucket) ?? file;
      }
      await file.update((current) => {
        const highlights = change(current.highlights);
        return highlights === current.highlights ? current : { ...current, highlights };
      });
    } finally {
      summary?.afterWrite(sourceId);
    }
  }

  /** Resolves when every write queued in any loaded file, and the tag-use summary, has been answered. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.#updating]);
    await Promise.all([...this.#sources.values()].map((files) => files.collection.settled()));
    await this.#summary?.settled();
  }
}
