import { join } from 'node:path';
import type { StoreNotice } from '../../shared/api-contract';
import { makeDurableDirectory } from './durable-directory';
import { JsonDocument, type StoreFileKind } from './json-document';
import { readFailed } from './storage-error';
import { errorCode, type StoreFs } from './store-fs';

/** Keys become file names, so they are limited to characters that are safe on every OS. */
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const isSafeKey = (key: string): boolean => SAFE_KEY.test(key) && !key.endsWith('.');

export interface DocumentCollectionOptions<T> {
  readonly fs: StoreFs;
  readonly dataDir: string;
  /** Folder under dataDir holding one `<key>.json` per key, e.g. "highlights". */
  readonly folder: string;
  readonly kind: StoreFileKind<T>;
  readonly now: () => Date;
  readonly onNotice: (notice: StoreNotice) => void;
}

/**
 * One durable JSON file per key (`<dataDir>/<folder>/<key>.json`), each loaded on first use and
 * kept open. A save rewrites only its own key's file, so its cost does not grow with the others.
 */
export class DocumentCollection<T> {
  readonly #open = new Map<string, Promise<JsonDocument<T>>>();

  constructor(private readonly options: DocumentCollectionOptions<T>) {}

  get(key: string): Promise<JsonDocument<T>> {
    const known = this.#open.get(key);
    if (known !== undefined) return known;
    if (!isSafeKey(key)) {
      return Promise.reject(new Error(`"${key}" cannot name a ${this.options.kind.label} file: use letters, digits, ".", "_" and "-" only.`));
    }
    const { fs, dataDir, folder, kind, now, onNotice } = this.options;
    const dir = join(dataDir, folder);
    const opening = makeDurableDirectory(fs, dir).then(() => JsonDocument.open({ fs, dataDir, path: join(dir, `${key}.json`), kind, now, onNotice }));
    this.#open.set(key, opening);
    // A load that failed (e.g. permission denied) is retried on the next use, not remembered.
    opening.catch(() => this.#open.delete(key));
    return opening;
  }

  /** The keys that have a file in the folder (none if the folder does not exist yet). */
  async storedKeys(): Promise<string[]> {
    let names: string[];
    try {
      names = await this.options.fs.readdir(join(this.options.dataDir, this.options.folder));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw readFailed(`the list of ${this.options.kind.label} files`, join(this.options.dataDir, this.options.folder), error);
    }
    return names.flatMap((name) => (name.endsWith('.json') && isSafeKey(name.slice(0, -5)) ? [name.slice(0, -5)] : []));
  }

  /** Resolves when every write queued in any loaded file has been answered. */
  async settled(): Promise<void> {
    const documents = await Promise.allSettled(this.#open.values());
    await Promise.all(documents.map((d) => (d.status === 'fulfilled' ? d.value.settled() : undefined)));
  }
}
