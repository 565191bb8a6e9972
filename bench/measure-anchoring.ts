import { anchorAll, type AnchorTarget } from '../src/core/anchoring/anchor';
import type { AnchorStatus } from '../src/core/model/highlight';
import { driftText, readReport, spreadTargets } from './anchoring-workload';
import { bestMatchAnywhere } from './edit-distance-baseline';
import { median } from './percentiles';
import { timed } from './timing';

export interface AnchoringRun {
  readonly highlights: number;
  readonly rounds: number;
  /** Median over the rounds, wall-clock and CPU. */
  readonly ms: number;
  readonly cpuMs: number;
  readonly statuses: Readonly<Record<AnchorStatus, number>>;
  readonly baseline: NaiveAnchoring;
}

/**
 * The naive anchorer: each quote looked up verbatim (indexOf), and where that fails, the best
 * match anywhere by the full edit-distance table (bestMatchAnywhere). The table costs tens of
 * milliseconds per quote, so it is timed on an even sample of the quotes needing it and the
 * total extrapolated from their mean.
 */
export interface NaiveAnchoring {
  readonly estimatedMs: number;
  readonly verbatimMs: number;
  readonly needingSearch: number;
  readonly sampled: number;
  readonly meanSearchMs: number;
}

const ROUNDS = 7;
const BASELINE_SAMPLE = 12;

function countStatuses(statuses: readonly AnchorStatus[]): Record<AnchorStatus, number> {
  const counts: Record<AnchorStatus, number> = { exact: 0, fuzzy: 0, review: 0, orphan: 0 };
  for (const status of statuses) counts[status] += 1;
  return counts;
}

async function naiveAnchoring(text: string, targets: readonly AnchorTarget[]): Promise<NaiveAnchoring> {
  const verbatim = await timed(() => targets.filter((t) => text.indexOf(t.quote.exact) < 0));
  const missed = verbatim.value;
  const sample = missed.filter((_, i) => i % Math.max(1, Math.floor(missed.length / BASELINE_SAMPLE)) === 0).slice(0, BASELINE_SAMPLE);
  const searches: number[] = [];
  for (const target of sample) searches.push((await timed(() => bestMatchAnywhere(target.quote.exact, text))).ms);
  const meanSearchMs = searches.length === 0 ? 0 : searches.reduce((a, b) => a + b, 0) / searches.length;
  return { estimatedMs: verbatim.ms + meanSearchMs * missed.length, verbatimMs: verbatim.ms, needingSearch: missed.length, sampled: sample.length, meanSearchMs };
}

async function measure(text: string, targets: readonly AnchorTarget[]): Promise<AnchoringRun> {
  anchorAll(text, targets);
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) runs.push(await timed(() => anchorAll(text, targets)));
  const statuses = countStatuses((runs[0]?.value ?? []).map((result) => result.status));
  return {
    highlights: targets.length,
    rounds: runs.length,
    ms: median(runs.map((run) => run.ms)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    statuses,
    baseline: await naiveAnchoring(text, targets),
  };
}

/**
 * Anchoring on the report (bench/anchoring-workload.ts): 5,000 highlights on its unchanged text,
 * and 1,000 after an editor's pass every ~500 characters moved and changed them.
 */
export async function measureAnchoring(): Promise<{ readonly unchanged: AnchoringRun; readonly drifted: AnchoringRun }> {
  const report = readReport();
  const drifted = driftText(report, 500, 11);
  return {
    unchanged: await measure(report, spreadTargets(report, 5000, 3)),
    drifted: await measure(drifted.text, spreadTargets(report, 1000, 7)),
  };
}
