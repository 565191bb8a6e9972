import { Low, type Adapter } from 'lowdb';
import { relative, sep } from 'node:path';
import type { StoreNotice } from '../../shared/api-contract';
import { CommitQueue, type Change } from './commit-queue';
import { decodeStoreFile, type StoreFileFormat } from './decode-store-file';
import { DurableFile } from './durable-file';
import { quarantineFile, type QuarantineReason } from './quarantine';
import { describeFsError, StorageError } from './storage-error';
import { errorCode, type StoreFs } from './store-fs';

/** A kind of store file: its format plus the words used about it in messages. */
export interface StoreFileKind<T> extends StoreFileFormat<T> {
  /** What the file holds: "reading positions", "highlights". */
  readonly label: string;
  /** What the notebook has when the file is absent: "an empty reading history". */
  readonly emptyMeaning: string;
  readonly empty: () => T;
}

export interface JsonDocumentOptions<T> {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly path: string;
  readonly kind: StoreFileKind<T>;
  readonly now: () => Date;
  /** Told when the file had to be moved aside, so the person hears of it. */
  readonly onNotice: StoreNoticeListener;
}

/** What was moved aside, so that a listener can look for a readable copy of it (in a backup). */
export interface MovedStoreFile {
  /** Path inside the data directory, '/'-separated, e.g. "highlights/report.json". */
  readonly file: string;
  /** Whether `bytes` would load as this file. */
  readonly usable: (bytes: Uint8Array) => boolean;
}

/**
 * `moved` is given for a quarantined store file. Layers between openNotebook and JsonDocument pass
 * the listener through unchanged, which is how it reaches the backups (see backups/notice-offers.ts).
 */
export type StoreNoticeListener = (notice: StoreNotice, moved?: MovedStoreFile) => void;

/** Thrown by the adapter for bytes that cannot be used; `problem` is the first clause of the notice. */
class UnusableStoreFile extends Error {
  constructor(
    readonly problem: string,
    readonly reason: QuarantineReason,
  ) {
    super(problem);
  }
}

/** lowdb's storage, made durable: reads decode, migrate and validate; writes fsync. */
class DurableJsonAdapter<T> implements Adapter<T> {
  /** Whether the last read found a usable file (lowdb keeps its default data when it did not). */
  foundFile = false;

  constructor(
    private readonly file: DurableFile,
    private readonly kind: StoreFileKind<T>,
    private readonly name: string,
  ) {}

  async read(): Promise<T | null> {
    const bytes = await this.file.read();
    if (bytes === null) return null;
    const decoded = decodeStoreFile(bytes, this.kind);
    if (decoded.ok) {
      this.foundFile = true;
      return decoded.data;
    }
    if (decoded.reason === 'newer') {
      throw new UnusableStoreFile(
        `${this.name} was written by a newer Notebook (schemaVersion ${decoded.version}; this one reads up to ${this.kind.version})`,
        'newer',
      );
    }
    throw new UnusableStoreFile(`${this.name} could not be read (${decoded.detail})`, 'damaged');
  }

  async write(data: T): Promise<void> {
    await this.file.write(JSON.stringify(data));
  }
}

/**
 * One store file as a lowdb database whose `data` is always the last durable state. Changes go
 * through `update`, which answers only once they are on disk.
 */
export class JsonDocument<T> {
  private constructor(
    private readonly db: Low<T>,
    private readonly queue: CommitQueue<T>,
    /** True when there was no usable file (none yet, or it was moved aside): `data` began as `kind.empty()`. */
    readonly startedEmpty: boolean,
  ) {}

  /**
   * Loads the file, or starts from `kind.empty()` if there is none. A damaged file, or one from a
   * newer Notebook, is moved to the quarantine folder and reported through `onNotice`.
   */
  static async open<T>({ fs, dataDir, path, kind, now, onNotice }: JsonDocumentOptions<T>): Promise<JsonDocument<T>> {
    const name = relative(dataDir, path).split(sep).join('/');
    const adapter = new DurableJsonAdapter(new DurableFile(path, kind.label, fs), kind, name);
    const db = new Low<T>(adapter, kind.empty());
    let startedEmpty = true;
    try {
      await db.read();
      startedEmpty = !adapter.foundFile;
    } catch (error) {
      if (!(error instanceof UnusableStoreFile)) throw error;
      const kept = await moveAside(error, { fs, dataDir, path, now });
      const advice = error.reason === 'newer' ? '; open this data folder with the newer Notebook to see it' : '';
      const keptWhere = error.reason === 'newer' ? `It was moved, unchanged, to ${kept}` : `Its bytes were kept at ${kept}`;
      onNotice(
        { kind: 'quarantined', message: `${error.problem}. ${keptWhere}. Notebook started with ${kind.emptyMeaning}${advice}.`, path: kept },
        { file: name, usable: (bytes) => decodeStoreFile(bytes, kind).ok },
      );
    }
    const queue = new CommitQueue<T>(db.data, async (state) => {
      await adapter.write(state);
      db.data = state;
    });
    return new JsonDocument(db, queue, startedEmpty);
  }

  /** The last durable state. */
  get data(): T {
    return this.db.data;
  }

  update(change: Change<T>): Promise<T> {
    return this.queue.update(change);
  }

  settled(): Promise<void> {
    return this.queue.settled();
  }
}

async function moveAside(
  unusable: UnusableStoreFile,
  { fs, dataDir, path, now }: Pick<JsonDocumentOptions<unknown>, 'fs' | 'dataDir' | 'path' | 'now'>,
): Promise<string> {
  try {
    return await quarantineFile({ fs, dataDir, path, reason: unusable.reason, now: now() });
  } catch (error) {
    // Starting empty without the file moved aside would overwrite it at the first save.
    throw new StorageError(
      `${unusable.problem}, and moving it to the quarantine folder failed: ${describeFsError(error)}. Notebook did not open this data folder, so that nothing in it is overwritten.`,
      path,
      errorCode(error),
    );
  }
}
