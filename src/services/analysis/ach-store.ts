import { join } from 'node:path';
import type { AchBoard } from '../../core/model/ach';
import { achBoardId, type AchBoardId } from '../../core/model/ids';
import type { StoreNotice } from '../../shared/api-contract';
import { DocumentCollection } from '../store/document-collection';
import { removeStrayTempFiles } from '../store/durable-file';
import type { JsonDocument } from '../store/json-document';
import { loadOnce } from '../store/load-once';
import type { StoreFs } from '../store/store-fs';
import { ACH_FILE_VERSION, achFileKind, type AchFile } from './ach-file';

/** Under the data folder, so backups (which copy the whole folder) hold the boards too. */
export const ACH_FOLDER = 'ach';

/** Files read at once while loading, so thousands of boards never run out of file handles. */
const LOAD_BATCH = 32;

export interface AchStoreOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly onNotice: (notice: StoreNotice) => void;
}

/** A board as stored: in the board list, or deleted (and restorable) since `deleted`. */
export interface StoredBoard {
  readonly board: AchBoard;
  readonly deleted: string | null;
}

/**
 * Every competing-hypotheses board, one file each under `ach/`, as memos are kept. All are loaded
 * on first use (the list shows every question); what this hands out is the last durable state.
 */
export class AchStore {
  readonly #collection: DocumentCollection<AchFile>;
  readonly #files = new Map<AchBoardId, JsonDocument<AchFile>>();

  constructor(private readonly options: AchStoreOptions) {
    this.#collection = new DocumentCollection({ ...options, folder: ACH_FOLDER, kind: achFileKind });
  }

  /** Loads every board file once; a load that failed is tried again on the next call. */
  readonly load = loadOnce(() => this.#loadAll());

  async #loadAll(): Promise<void> {
    await removeStrayTempFiles(this.options.fs, join(this.options.dataDir, ACH_FOLDER));
    const keys = await this.#collection.storedKeys();
    for (let i = 0; i < keys.length; i += LOAD_BATCH) {
      await Promise.all(keys.slice(i, i + LOAD_BATCH).map(async (key) => this.#files.set(achBoardId(key), await this.#collection.get(key))));
    }
  }

  /** Every stored board, deleted ones included. */
  all(): StoredBoard[] {
    return [...this.#files.values()].flatMap(({ data }) => (data.board === null ? [] : [{ board: data.board, deleted: data.deleted }]));
  }

  find(id: AchBoardId): StoredBoard | undefined {
    const data = this.#files.get(id)?.data;
    return data?.board ? { board: data.board, deleted: data.deleted } : undefined;
  }

  /**
   * Writes what `change` makes of the board (undefined: none yet under this id) and answers once
   * it is durable. The change runs on the last durable state, after every write queued before it;
   * a change that throws writes nothing.
   */
  async write(id: AchBoardId, change: (current: StoredBoard | undefined) => StoredBoard): Promise<StoredBoard> {
    let file = this.#files.get(id);
    if (file === undefined) {
      file = await this.#collection.get(id);
      this.#files.set(id, file);
    }
    let written: StoredBoard | undefined;
    await file.update(({ board, deleted }) => {
      written = change(board === null ? undefined : { board, deleted });
      return { schemaVersion: ACH_FILE_VERSION, board: written.board, deleted: written.deleted };
    });
    // update() resolves only after running the change, so `written` is set.
    return written as StoredBoard;
  }

  settled(): Promise<void> {
    return this.#collection.settled();
  }
}
