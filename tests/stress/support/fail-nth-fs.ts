import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../../src/services/store/store-fs';

export interface FailurePlan {
  /** The 1-based number of the operation that fails. */
  readonly at: number;
  /** The errno code it fails with: ENOSPC, EIO, EACCES... */
  readonly code: string;
  /** Whether every later operation fails too (a disk that stays full), until heal(). */
  readonly persistent?: boolean;
}

/**
 * The real file system, except that the N-th operation of the store (counting every call and every
 * step on an open file) fails with an errno code, once or from then on, as a full disk, a dying
 * drive or a permission change would. Counting every operation lets a test fail each one in turn.
 */
export class FailNthFs implements StoreFs {
  readonly platform = nodeStoreFs.platform;
  /** Operations attempted so far, failed ones included. */
  operations = 0;
  /** Each operation, as "<n> <step> <path>", for messages when a test fails. */
  readonly log: string[] = [];
  /** Operations that were made to fail. */
  readonly failed: string[] = [];
  #plan: FailurePlan | null;

  constructor(plan: FailurePlan | null = null) {
    this.#plan = plan;
  }

  heal(): void {
    this.#plan = null;
  }

  #enter(step: string, path: string): void {
    const n = ++this.operations;
    const entry = `${n} ${step} ${path}`;
    this.log.push(entry);
    const plan = this.#plan;
    if (plan !== null && (n === plan.at || (plan.persistent === true && n > plan.at))) {
      this.failed.push(entry);
      throw Object.assign(new Error(`${plan.code}: simulated failure, ${step} '${path}'`), { code: plan.code });
    }
  }

  async open(path: string, flags: 'w' | 'r'): Promise<StoreFileHandle> {
    this.#enter(`open-${flags}`, path);
    const handle = await nodeStoreFs.open(path, flags);
    return {
      writeFile: async (data) => {
        this.#enter('write', path);
        await handle.writeFile(data);
      },
      sync: async () => {
        this.#enter('sync', path);
        await handle.sync();
      },
      close: async () => {
        // The real handle is always closed, so a simulated close failure leaks no descriptor.
        await handle.close();
        this.#enter('close', path);
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
    this.#enter('read', path);
    return nodeStoreFs.readFile(path);
  }

  async readdir(path: string): Promise<string[]> {
    this.#enter('readdir', path);
    return nodeStoreFs.readdir(path);
  }

  async makeDirectory(path: string): Promise<void> {
    this.#enter('mkdir', path);
    await nodeStoreFs.makeDirectory(path);
  }

  async exists(path: string): Promise<boolean> {
    this.#enter('exists', path);
    return nodeStoreFs.exists(path);
  }
}
