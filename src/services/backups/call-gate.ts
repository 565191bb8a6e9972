/**
 * Lets calls run side by side, except an exclusive one (a restore, a backup), which starts once the
 * calls already running have finished and holds back new ones until it is done. A restore thus
 * never swaps the store under a call halfway through, and a backup never copies half a change.
 */
export class CallGate {
  #running = 0;
  #exclusive: Promise<void> | null = null;
  #whenIdle: (() => void)[] = [];

  async shared<T>(call: () => Promise<T>): Promise<T> {
    while (this.#exclusive !== null) await this.#exclusive;
    this.#running++;
    try {
      return await call();
    } finally {
      this.#running--;
      if (this.#running === 0) for (const resume of this.#whenIdle.splice(0)) resume();
    }
  }

  /** Resolves at a moment when no call is running or waiting to run exclusively. */
  async quiet(): Promise<void> {
    for (;;) {
      if (this.#exclusive !== null) await this.#exclusive;
      else if (this.#running > 0) await new Promise<void>((resume) => this.#whenIdle.push(resume));
      else return;
    }
  }

  async exclusive<T>(call: () => Promise<T>): Promise<T> {
    while (this.#exclusive !== null) await this.#exclusive;
    let done = (): void => undefined;
    this.#exclusive = new Promise<void>((resolve) => {
      done = resolve;
    });
    try {
      if (this.#running > 0) await new Promise<void>((resume) => this.#whenIdle.push(resume));
      return await call();
    } finally {
      this.#exclusive = null;
      done();
    }
  }
}
