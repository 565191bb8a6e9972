import { ObservedStoreFs, type ObservedStep } from '../../unit/support/observed-store-fs';

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
export class FailNthFs extends ObservedStoreFs {
  /** Operations attempted so far, failed ones included. */
  operations = 0;
  /** Each operation, as "<n> <step> <path>", for messages when a test fails. */
  readonly log: string[] = [];
  /** Operations that were made to fail. */
  readonly failed: string[] = [];
  #plan: FailurePlan | null;

  constructor(plan: FailurePlan | null = null) {
    super();
    this.#plan = plan;
  }

  heal(): void {
    this.#plan = null;
  }

  protected enter(step: ObservedStep, path: string): void {
    const n = ++this.operations;
    const entry = `${n} ${step} ${path}`;
    this.log.push(entry);
    const plan = this.#plan;
    if (plan !== null && (n === plan.at || (plan.persistent === true && n > plan.at))) {
      this.failed.push(entry);
      throw Object.assign(new Error(`${plan.code}: simulated failure, ${step} '${path}'`), { code: plan.code });
    }
  }
}
