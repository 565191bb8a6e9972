import { join } from 'node:path';
import { memoId, type MemoId } from '../../core/model/ids';
import type { Memo } from '../../core/model/memo';
import type { StoreNotice } from '../../shared/api-contract';
import { DocumentCollection } from '../store/document-collection';
import { removeStrayTempFiles } from '../store/durable-file';
import type { JsonDocument } from '../store/json-document';
import type { StoreFs } from '../store/store-fs';
import { MEMO_FILE_VERSION, memoFileKind, type MemoFile } from './memo-file';
import { loadOnce } from '../store/load-once';

export const MEMOS_FOLDER = 'memos';

/** Files read at once while loading, so a notebook of thousands of memos never runs out of file handles. */
const LOAD_BATCH = 32;

export interface MemoStoreOptions {
  readonly fs: StoreFs;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly onNotice: (notice: StoreNotice) => void;
}

/** A memo as stored: in the memo list, or deleted (and restorable) since `deleted`. */
export interface StoredMemo {
  readonly memo: Memo;
  readonly deleted: string | null;
}

/**
 * Every memo, one file each under `memos/`. All are loaded on first use (the memo list shows every
 * title), and what this class hands out is always the last durable state of each file.
 */
export class MemoStore {
  readonly #collection: DocumentCollection<MemoFile>;
  readonly #files = new Map<MemoId, JsonDocument<MemoFile>>();

  constructor(private readonly options: MemoStoreOptions) {
    this.#collection = new DocumentCollection({ ...options, folder: MEMOS_FOLDER, kind: memoFileKind });
  }

  /** Loads every memo file once; a load that failed is tried again on the next call. */
  readonly load = loadOnce(() => this.#loadAll());

  async #loadAll(): Promise<void> {
    await removeStrayTempFiles(this.options.fs, join(this.options.dataDir, MEMOS_FOLDER));
    const keys = await this.#collection.storedKeys();
    for (let i = 0; i < keys.length; i += LOAD_BATCH) {
      await Promise.all(keys.slice(i, i + LOAD_BATCH).map(async (key) => this.#files.set(memoId(key), await this.#collection.get(key))));
    }
  }

  /** Every stored memo, deleted ones included. */
  all(): StoredMemo[] {
    return [...this.#files.values()].flatMap(({ data }) => (data.memo === null ? [] : [{ memo: data.memo, deleted: data.deleted }]));
  }

  find(id: MemoId): StoredMemo | undefined {
    const data = this.#files.get(id)?.data;
    return data?.memo ? { memo: data.memo, deleted: data.deleted } : undefined;
  }

  /**
   * Writes what `change` makes of the memo (undefined: none yet under this id) and answers once it
   * is durable. The change runs on the last durable state, after every write queued before it; a
   * change that throws writes nothing.
   */
  async write(id: MemoId, change: (current: StoredMemo | undefined) => StoredMemo): Promise<StoredMemo> {
    let file = this.#files.get(id);
    if (file === undefined) {
      file = await this.#collection.get(id);
      this.#files.set(id, file);
    }
    let written: StoredMemo | undefined;
    await file.update(({ memo, deleted }) => {
      written = change(memo === null ? undefined : { memo, deleted });
      return { schemaVersion: MEMO_FILE_VERSION, memo: written.memo, deleted: written.deleted };
    });
    // update() resolves only after running the change, so `written` is set.
    return written as StoredMemo;
  }

  settled(): Promise<void> {
    return this.#collection.settled();
  }
}
