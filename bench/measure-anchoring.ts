import search from 'approx-string-match';
import { anchorAll, type AnchorTarget } from '../src/core/anchoring/anchor';
import { ERROR_RATE, MAX_ERRORS } from '../src/core/anchoring/anchor-policy';
import { foldQuote } from '../src/core/anchoring/anchoring-text';
import { ApproximatePattern } from '../src/core/anchoring/approximate-search';
import type { AnchorStatus } from '../src/core/model/highlight';
import { driftText, editedQuotes, readReport, spreadTargets } from './anchoring-workload';
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

/** The fuzzy step on its own, ours and approx-string-match's, on the same edited quotes. */
export interface FuzzyRun {
  readonly quotes: number;
  readonly rounds: number;
  /** Median over the rounds of searching for every quote in the whole text, wall-clock. */
  readonly oursMs: number;
  readonly libraryMs: number;
  /** Quotes for which both report the same fewest errors and the same match ends. */
  readonly sameAnswers: number;
  /** Quotes whose best match (by both) lies on the edited passage. */
  readonly onPassage: number;
}

const FUZZY_QUOTES = 1000;

/**
 * Each of 1,000 edited quotes searched for in the whole folded report with the error bound
 * anchoring allows, by ApproximatePattern.bestMatches (src/core/anchoring/approximate-search.ts)
 * and by approx-string-match's search, in alternating rounds so that both see the same load.
 */
async function measureFuzzy(report: string): Promise<FuzzyRun> {
  const text = foldQuote(report);
  const quotes = editedQuotes(text, FUZZY_QUOTES, 13);
  const bound = (quote: string): number => Math.min(MAX_ERRORS, Math.floor(quote.length * ERROR_RATE));
  const ours = () => quotes.map(({ quote }) => new ApproximatePattern(quote).bestMatches(text, 0, text.length, bound(quote)));
  const library = () => quotes.map(({ quote }) => search(text, quote, bound(quote)));
  const oursRuns = [];
  const libraryRuns = [];
  for (let round = 0; round < ROUNDS; round++) {
    oursRuns.push(await timed(ours));
    libraryRuns.push(await timed(library));
  }
  const oursFound = oursRuns[0]?.value ?? [];
  const libraryFound = libraryRuns[0]?.value ?? [];
  let sameAnswers = 0;
  let onPassage = 0;
  quotes.forEach(({ quote, start, end }, i) => {
    const mine = oursFound[i] ?? [];
    const theirs = libraryFound[i] ?? [];
    // Ours reports one end per distinct match; the library every end, each with its start.
    const same =
      mine.length > 0 === theirs.length > 0 &&
      mine.every((m) => theirs.some((t) => t.end === m.end && t.errors === m.errors)) &&
      theirs.every((t) => mine.some((m) => m.errors === t.errors && Math.abs(m.end - t.end) * 2 < quote.length));
    if (same) sameAnswers += 1;
    if (mine.some((m) => m.end > start && m.end <= end + quote.length)) onPassage += 1;
  });
  return {
    quotes: quotes.length,
    rounds: ROUNDS,
    oursMs: median(oursRuns.map((run) => run.ms)),
    libraryMs: median(libraryRuns.map((run) => run.ms)),
    sameAnswers,
    onPassage,
  };
}

export interface AnchoringMeasurements {
  readonly unchanged: AnchoringRun;
  readonly drifted: AnchoringRun;
  readonly fuzzy: FuzzyRun;
}

/**
 * Anchoring on the report (bench/anchoring-workload.ts): 5,000 highlights on its unchanged text,
 * 1,000 after an editor's pass every ~500 characters moved and changed them, and the fuzzy step
 * alone against approx-string-match on 1,000 edited quotes.
 */
export async function measureAnchoring(): Promise<AnchoringMeasurements> {
  const report = readReport();
  const drifted = driftText(report, 500, 11);
  return {
    unchanged: await measure(report, spreadTargets(report, 5000, 3)),
    drifted: await measure(drifted.text, spreadTargets(report, 1000, 7)),
    fuzzy: await measureFuzzy(report),
  };
}
