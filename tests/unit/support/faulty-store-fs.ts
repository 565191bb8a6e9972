import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../../src/services/store/store-fs';

/** Each call the store makes, named so a test can make exactly that one fail. */
export type StoreFsStep =
  | 'open-file'
  | 'write-file'
  | 'sync-file'
  | 'close-file'
  | 'open-directory'
  | 'sync-directory'
  | 'rename'
  | 'remove'
  | 'read-file'
  | 'read-directory'
  | 'make-directory';

export interface StoreFsCall {
  readonly step: StoreFsStep;
  readonly path: string;
}

/**
 * The real file system, except that chosen steps fail with a chosen errno code (as a full disk, a
 * dying drive or a permission change would), and every call is logged.
 */
export class FaultyStoreFs implements StoreFs {
  readonly calls: StoreFsCall[] = [];
  readonly platform = nodeStoreFs.platform;
  readonly #failing = new Map<StoreFsStep, { code: string; onlyPath: RegExp | undefined }>();

  /** From now on `step` fails with `code` (on paths matching `onlyPath`, if given). */
  fail(step: StoreFsStep, code: string, onlyPath?: RegExp): this {
    this.#failing.set(step, { code, onlyPath });
    return this;
  }

  heal(): void {
    this.#failing.clear();
  }

  #enter(step: StoreFsStep, path: string): void {
    this.calls.push({ step, path });
    const failure = this.#failing.get(step);
    if (failure !== undefined && (failure.onlyPath === undefined || failure.onlyPath.test(path))) {
      throw Object.assign(new Error(`${failure.code}: simulated failure, ${step} '${path}'`), { code: failure.code });
    }
  }

  async open(path: string, flags: 'w' | 'r'): Promise<StoreFileHandle> {
    const kind = flags === 'w' ? 'file' : 'directory';
    this.#enter(kind === 'file' ? 'open-file' : 'open-directory', path);
    const handle = await nodeStoreFs.open(path, flags);
    return {
      writeFile: async (data) => {
        this.#enter('write-file', path);
        await handle.writeFile(data);
      },
      sync: async () => {
        this.#enter(kind === 'file' ? 'sync-file' : 'sync-directory', path);
        await handle.sync();
      },
      close: async () => {
        // The real handle is always closed, so a simulated close failure leaks no descriptor.
        await handle.close();
        if (kind === 'file') this.#enter('close-file', path);
      },
    };
  }

  async rename(from: string, to: string): Promise<void> {
    this.#enter('rename', `${from} -> ${to}`);
    await nodeStoreFs.rename(from, to);
  }

  async remove(path: string): Promise<void> {
    this.#enter('remove', path);
    await nodeStoreFs.remove(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.#enter('read-file', path);
    return nodeStoreFs.readFile(path);
  }

  async readdir(path: string): Promise<string[]> {
    this.#enter('read-directory', path);
    return nodeStoreFs.readdir(path);
  }

  async makeDirectory(path: string): Promise<void> {
    this.#enter('make-directory', path);
    await nodeStoreFs.makeDirectory(path);
  }

  exists(path: string): Promise<boolean> {
    return nodeStoreFs.exists(path);
  }
}
