import { join } from 'node:path';
import { z } from 'zod';
import type { SourceId } from '../../core/model/ids';
import { DERIVED_FOLDER } from '../sources/source-catalogue';
import { makeDurableDirectory } from '../store/durable-directory';
import { DurableFile } from '../store/durable-file';
import type { StoreFs } from '../store/store-fs';

export const TAG_USAGE_FILE = 'tag-usage.json';
/** Raised whenever what is counted (or how) changes, so that older summaries are counted again. */
const USAGE_VERSION = 1;
/** How long after a highlight write the summary waits for more before it is written again. */
const SAVE_DELAY_MS = 2000;

/** Uses of each tag id, in one bucket file or over a source's files. */
export type TagUses = ReadonlyMap<string, number>;

const usageSchema = z
  .object({
    schemaVersion: z.literal(USAGE_VERSION),
    sources: z.record(z.string().min(1), z.record(z.string().min(1), z.number().int().min(1))),
  })
  .strict();

export interface TagUsageSummaryOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  /** The counts of every source whose counts are known now, skipping those in `except`. */
  readonly known: (except: ReadonlySet<SourceId>) => Map<SourceId, TagUses>;
}

/**
 * `derived/tag-usage.json`: how often each tag is used in each source's highlights, so
 * that tags.list answers without reading every highlights file. It is never the source of truth:
 * a source the file does not name is counted from its highlights files, and a missing or damaged
 * file means counting every source once.
 *
 * A source the file names ("claims") must have exactly those counts on disk, even after a crash.
 * So before a highlights file of a claimed source is written, the summary is rewritten without
 * that source and the highlight write waits for it; the source is claimed again by a later save,
 * once none of its writes is under way. A crash between the two leaves the source unclaimed,
 * never miscounted. Saves wait a little so that a run of edits rewrites the summary once.
 */
export class TagUsageSummary {
  readonly #file: DurableFile;
  readonly #folder: string;
  /** The counts the file held when the notebook was opened. */
  readonly #stored: Map<SourceId, TagUses>;
  /** Sources the file on disk, or the write of it under way, may name. */
  #claimed: Set<SourceId>;
  /** Highlight writes under way, per source: those sources may not be claimed. */
  readonly #writing = new Map<SourceId, number>();
  #saving: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly options: TagUsageSummaryOptions,
    stored: Map<SourceId, TagUses>,
  ) {
    this.#folder = join(options.dataDir, DERIVED_FOLDER);
    this.#file = new DurableFile(join(this.#folder, TAG_USAGE_FILE), 'the summary of tag uses', options.fs);
    this.#stored = stored;
    this.#claimed = new Set(stored.keys());
  }

  static async open(options: TagUsageSummaryOptions): Promise<TagUsageSummary> {
    return new TagUsageSummary(options, await readSummary(options.fs, join(options.dataDir, DERIVED_FOLDER, TAG_USAGE_FILE)));
  }

  /** The counts stored for a source when the notebook was opened, if the file named it. */
  stored(sourceId: SourceId): TagUses | undefined {
    return this.#stored.get(sourceId);
  }

  /** Call (and wait for) before writing a highlights file of `sourceId`; afterWrite must follow. */
  async beforeWrite(sourceId: SourceId): Promise<void> {
    this.#writing.set(sourceId, (this.#writing.get(sourceId) ?? 0) + 1);
    if (!this.#claimed.has(sourceId)) return;
    this.#cancelTimer();
    await this.#enqueueSave();
  }

  /** Call once a highlights write of `sourceId` has been answered, whether it succeeded or not. */
  afterWrite(sourceId: SourceId): void {
    const left = (this.#writing.get(sourceId) ?? 1) - 1;
    if (left === 0) this.#writing.delete(sourceId);
    else this.#writing.set(sourceId, left);
    this.scheduleSave();
  }

  /** Claims the sources counted since the last save, a little later. */
  scheduleSave(): void {
    if (this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#enqueueSave();
    }, SAVE_DELAY_MS);
    // A pending save must not keep a closing process alive; settled() writes it at close.
    this.#timer.unref();
  }

  /** Writes a pending save now, and resolves once every save asked for so far is answered. */
  async settled(): Promise<void> {
    if (this.#timer !== null) {
      this.#cancelTimer();
      await this.#enqueueSave();
    }
    await this.#saving;
  }

  #cancelTimer(): void {
    if (this.#timer === null) return;
    clearTimeout(this.#timer);
    this.#timer = null;
  }

  #enqueueSave(): Promise<void> {
    this.#saving = this.#saving.then(() => this.#save());
    return this.#saving;
  }

  async #save(): Promise<void> {
    const counts = this.options.known(new Set(this.#writing.keys()));
    const json = JSON.stringify({
      schemaVersion: USAGE_VERSION,
      sources: Object.fromEntries([...counts].map(([id, uses]) => [id, Object.fromEntries(uses)])),
    });
    // Until this write is answered the file may hold either version: count both as claimed.
    this.#claimed = new Set([...this.#claimed, ...counts.keys()]);
    try {
      await makeDurableDirectory(this.options.fs, this.#folder);
      await this.#file.write(json);
      this.#claimed = new Set(counts.keys());
    } catch {
      // The old file may still claim a source about to be written: remove it, so that the next
      // start counts every source from its files. If even that fails the disk is failing, and the
      // highlight write that follows will report it.
      try {
        await this.options.fs.remove(this.#file.path);
        this.#claimed = new Set();
      } catch {
        // Nothing more a cache can do; see above.
      }
    }
  }
}

async function readSummary(fs: StoreFs, path: string): Promise<Map<SourceId, TagUses>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(await fs.readFile(path)));
  } catch {
    // Missing (first start, or removed by a restore) or unreadable: every source is counted again.
    return new Map();
  }
  const checked = usageSchema.safeParse(json);
  if (!checked.success) return new Map();
  return new Map(Object.entries(checked.data.sources).map(([id, uses]) => [id as SourceId, new Map(Object.entries(uses))]));
}
