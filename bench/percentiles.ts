/** Nearest-rank summaries of timing samples: the p-th percentile is a sample actually taken. */

export interface Spread {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly count: number;
}

/** The smallest sample with at least `q` of the samples at or below it (0 < q <= 1). */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('A percentile needs at least one sample.');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

export function spread(samples: readonly number[]): Spread {
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: percentile(samples, 1), count: samples.length };
}
