import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../../src/services/store/store-fs';

/** Every operation the store can make on the file system, each named once. */
export type ObservedStep =
  | 'open-file'
  | 'write-file'
  | 'sync-file'
  | 'close-file'
  | 'open-directory'
  | 'sync-directory'
  | 'close-directory'
  | 'rename'
  | 'remove'
  | 'read-file'
  | 'read-directory'
  | 'make-directory'
  | 'exists';

/**
 * The real file system, with `enter` called before each operation (after it, for a close, so the
 * real handle is always closed and a simulated close failure leaks no descriptor). What `enter`
 * throws is what the store sees instead of the operation's result: that is how the test file
 * systems built on this simulate a full disk, a dying drive or a permission change.
 */
export abstract class ObservedStoreFs implements StoreFs {
  readonly platform = nodeStoreFs.platform;

  protected abstract enter(step: ObservedStep, path: string): void;

  async open(path: string, flags: 'w' | 'r'): Promise<StoreFileHandle> {
    const kind = flags === 'w' ? 'file' : 'directory';
    this.enter(`open-${kind}`, path);
    const handle = await nodeStoreFs.open(path, flags);
    return {
      writeFile: async (data) => {
        this.enter('write-file', path);
        await handle.writeFile(data);
      },
      sync: async () => {
        this.enter(`sync-${kind}`, path);
        await handle.sync();
      },
      close: async () => {
        await handle.close();
        this.enter(`close-${kind}`, path);
      },
    };
  }

  async rename(from: string, to: string): Promise<void> {
    this.enter('rename', `${from} -> ${to}`);
    await nodeStoreFs.rename(from, to);
  }

  async remove(path: string): Promise<void> {
    this.enter('remove', path);
    await nodeStoreFs.remove(path);
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.enter('read-file', path);
    return nodeStoreFs.readFile(path);
  }

  async readdir(path: string): Promise<string[]> {
    this.enter('read-directory', path);
    return nodeStoreFs.readdir(path);
  }

  async makeDirectory(path: string): Promise<void> {
    this.enter('make-directory', path);
    await nodeStoreFs.makeDirectory(path);
  }

  async exists(path: string): Promise<boolean> {
    this.enter('exists', path);
    return nodeStoreFs.exists(path);
  }
}
