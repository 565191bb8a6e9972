import { ObservedStoreFs, type ObservedStep } from './observed-store-fs';

/** Each call the store makes, named so a test can make exactly that one fail. */
export type StoreFsStep = Exclude<ObservedStep, 'close-directory' | 'exists'>;

export interface StoreFsCall {
  readonly step: StoreFsStep;
  readonly path: string;
}

/**
 * The real file system, except that chosen steps fail with a chosen errno code (as a full disk, a
 * dying drive or a permission change would), and every call is logged. Closing a directory and
 * asking whether a path exists are neither logged nor failed: they change nothing on disk.
 */
export class FaultyStoreFs extends ObservedStoreFs {
  readonly calls: StoreFsCall[] = [];
  readonly #failing = new Map<StoreFsStep, { code: string; onlyPath: RegExp | undefined }>();

  /** From now on `step` fails with `code` (on paths matching `onlyPath`, if given). */
  fail(step: StoreFsStep, code: string, onlyPath?: RegExp): this {
    this.#failing.set(step, { code, onlyPath });
    return this;
  }

  heal(): void {
    this.#failing.clear();
  }

  protected enter(step: ObservedStep, path: string): void {
    if (step === 'close-directory' || step === 'exists') return;
    this.calls.push({ step, path });
    const failure = this.#failing.get(step);
    if (failure !== undefined && (failure.onlyPath === undefined || failure.onlyPath.test(path))) {
      throw Object.assign(new Error(`${failure.code}: simulated failure, ${step} '${path}'`), { code: failure.code });
    }
  }
}
