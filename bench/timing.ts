/** Wall-clock and CPU time of one run of some work. */
export interface Timed<T> {
  readonly value: T;
  readonly ms: number;
  /** CPU time of this process (user + system) meanwhile: what the work cost, whatever else ran. */
  readonly cpuMs: number;
}

export async function timed<T>(work: () => T | Promise<T>): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}
