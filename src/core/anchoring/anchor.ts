import type { AnchorStatus } from '../model/highlight';
import { charOffset } from '../model/ids';
import type { TextRange } from '../model/source';
import { MARGIN, MIN_CONTEXT, WINDOW_SLACK } from './anchor-policy';
import { AnchoringText } from './anchoring-text';
import { toFoldedOffset } from './normalize-text';
import { QuoteEvidence, type AnchorTarget, type Candidate } from './quote-evidence';

export type { AnchorTarget } from './quote-evidence';

/**
 * Re-anchoring: where is a highlight's passage in the current text of its source?
 *
 * (a) The recorded position, if it still holds the quote verbatim.
 * (b) The quote found verbatim elsewhere — or, failing that, found once spacing, quotation marks
 *     and dashes are folded (see normalize-text.ts) — chosen among copies by its context.
 * (c) For quotes long enough to be told apart from look-alikes: an approximate match with a
 *     bounded number of edits, searched near the expected position first, then in the whole text.
 * (d) Otherwise the highlight is an orphan: it keeps its quote, and a person places it again.
 *
 * Status: 'exact' only when the range holds the stored quote character for character, so that a
 * citation can reproduce it. A match that differs only in spacing, quote style or dashes is
 * 'fuzzy' with quote similarity 1 (and a perfect score when its context agrees): the words are
 * the same, but the stored selectors must be refreshed from the current text before they are
 * cited. The thresholds and their reasons are in anchor-policy.ts.
 */

export interface AnchorCandidate {
  readonly range: TextRange;
  readonly score: number;
}

export interface AnchorResult {
  readonly status: AnchorStatus;
  /** Where the passage now is ('exact', 'fuzzy'), or the best candidate a person should confirm ('review'). */
  readonly range?: TextRange;
  /** Confidence in [0, 1]; 0 for an orphan. */
  readonly score: number;
  /** For 'review' between two passages: the other one. */
  readonly runnerUp?: AnchorCandidate;
  /** A sentence for the person: why the highlight is where it is, or why it needs them. */
  readonly reason: string;
}

export interface AnchorOptions {
  /** Where the passage is expected to start in the current text; defaults to its recorded start. */
  readonly expectedStart?: number;
}

const rangeOf = (c: { start: number; end: number }): TextRange => ({ start: charOffset(c.start), end: charOffset(c.end) });
const overlaps = (a: Candidate, b: Candidate): boolean => a.start < b.end && b.start < a.end;
const round = (n: number): number => Math.round(n * 1000) / 1000;
const distance = (c: Candidate, expected: number): number => Math.abs(c.start - expected);

function accept(c: Candidate, reason: string): AnchorResult {
  return { status: c.kind === 'verbatim' ? 'exact' : 'fuzzy', range: rangeOf(c), score: round(c.score), reason };
}

function review(best: Candidate, runnerUp: Candidate | undefined, reason: string): AnchorResult {
  const base = { status: 'review' as const, range: rangeOf(best), score: round(best.score), reason };
  return runnerUp ? { ...base, runnerUp: { range: rangeOf(runnerUp), score: round(runnerUp.score) } } : base;
}

const ORPHAN: AnchorResult = {
  status: 'orphan',
  score: 0,
  reason: 'The passage is no longer in the text, even allowing for edits. The highlight keeps its quote; select the passage again to place it.',
};
const SHORT_ORPHAN: AnchorResult = {
  status: 'orphan',
  score: 0,
  reason: 'The quote is short and now occurs only among unrelated text, so the highlight was not moved there. Select the passage again to place it.',
};
const SHORT_MISSING: AnchorResult = {
  status: 'orphan',
  score: 0,
  reason: 'The quote is no longer in the text. It is too short to be recognised after edits without being confused with other passages; select the passage again to place it.',
};

const FOLDED_NOTE = ' once spacing, quotation marks and dashes are ignored';

/**
 * Step (b) among copies whose context agrees. The copy with the best context is taken at once
 * when no edited version of the passage could outscore it by MARGIN (or the quote is too short
 * to look for one). Copies whose contexts tie (the same number of context edits) are told apart
 * by distance from the expected place, and left to a person when equally far. Returns 'weigh'
 * when step (c) must weigh the copy against approximate matches, and 'defer' when the decision
 * needs an expected place that is not known yet.
 */
function chooseCopy(strong: Candidate[], copies: number, evidence: QuoteEvidence, expected: number | null): AnchorResult | 'weigh' | 'defer' {
  const byContext = [...strong].sort((a, b) => b.context - a.context);
  const best = byContext[0] as Candidate;
  const note = best.kind === 'folded' ? FOLDED_NOTE : '';
  const tied = byContext.filter((c) => Math.abs(c.context - best.context) < 1e-9);
  if (tied.length === 1) {
    if (!evidence.short && best.score < 1 - MARGIN) return 'weigh';
    const where = copies > 1 ? `; of its ${copies} copies, the text around this one matches best` : '';
    return accept(best, `The quote was found${note}${where}.`);
  }
  if (expected === null) return 'defer';
  const [nearest, rival] = [...tied].sort((a, b) => distance(a, expected) - distance(b, expected)) as [Candidate, Candidate];
  if (distance(nearest, expected) < distance(rival, expected)) {
    return accept(nearest, `The quote occurs ${tied.length} times with the same surrounding text${note}; the copy nearest its former place was taken.`);
  }
  return review(nearest, rival, `The quote occurs ${tied.length} times with the same surrounding text, equally far from its former place. Choose the right passage.`);
}

/** Step (c)'s decision among copies and approximate matches. */
function decide(candidates: Candidate[], expected: number): AnchorResult | undefined {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || distance(a, expected) - distance(b, expected));
  const best = ranked[0];
  if (!best) return undefined;
  const runnerUp = ranked.find((c) => !overlaps(c, best));
  // A copy of a long quote is the passage's own words, so it stands without context; an edited
  // match needs its surroundings to show it is the same passage rather than a look-alike.
  if (best.kind === 'approximate' && best.context < MIN_CONTEXT) {
    return review(best, runnerUp, 'A similar passage was found, but the text around it differs from the text around the highlight. Confirm that it is the same passage.');
  }
  if (runnerUp && best.score - runnerUp.score < MARGIN) {
    return review(best, runnerUp, 'Two passages resemble the quote about equally. Choose the right one.');
  }
  if (best.kind !== 'approximate') {
    return accept(best, `The quote was found${best.kind === 'folded' ? FOLDED_NOTE : ''}, though the text around it has changed.`);
  }
  const changed = Math.round((1 - best.quote) * 100);
  return accept(best, `The passage was found with edits (about ${changed}% of its characters changed); the text around it agrees.`);
}

/** Joins copies and approximate matches, keeping a copy where both cover the same passage. */
function merge(copies: Candidate[], approximate: Candidate[]): Candidate[] {
  return [...copies, ...approximate.filter((a) => !copies.some((c) => overlaps(a, c)))];
}

/**
 * Steps (a) to (d) for one target. `expected` is where the passage is expected to start, or null
 * while it is not known yet (anchorAll's first pass): decisions that need it are then deferred
 * by returning undefined.
 */
function anchorEvidence(text: AnchoringText, evidence: QuoteEvidence, expected: number | null): AnchorResult | undefined {
  const { quote, position } = evidence.target;
  const { start, end } = position;
  if (end - start === quote.exact.length && text.raw.startsWith(quote.exact, start)) {
    if (!evidence.short || evidence.contextAt(text, start, end) >= MIN_CONTEXT) {
      return { status: 'exact', range: { start, end }, score: 1, reason: 'The quote is still at its recorded place.' };
    }
  }
  const copies = evidence.copiesIn(text);
  const strong = copies.filter((c) => c.context >= MIN_CONTEXT);
  if (strong.length > 0) {
    const chosen = chooseCopy(strong, copies.length, evidence, expected);
    if (chosen === 'defer') return undefined;
    if (chosen !== 'weigh') return chosen;
  } else if (evidence.short) {
    return copies.length > 0 ? SHORT_ORPHAN : SHORT_MISSING;
  }
  if (expected === null) return undefined;

  const folded = text.folded;
  const center = toFoldedOffset(folded, expected);
  const from = Math.max(0, center - WINDOW_SLACK);
  const to = Math.min(folded.text.length, center + evidence.folded.length + WINDOW_SLACK);
  const near = decide(merge(copies, evidence.approximateIn(text, from, to)), expected);
  if (near && near.status !== 'review') return near;
  // The whole text is searched only when nothing near settles it; copies found verbatim already
  // cover the rest of the text.
  if (copies.length > 0) return near;
  return decide(evidence.approximateIn(text, 0, folded.text.length), expected) ?? ORPHAN;
}

/** Anchors one highlight's target in the current text of its source. */
export function anchorHighlight(text: string, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const expected = options.expectedStart ?? target.position.start;
  return anchorEvidence(new AnchoringText(text, false), new QuoteEvidence(target), expected) ?? ORPHAN;
}

/**
 * Anchors many targets in one text, sharing the folded text and an index of it. A first pass
 * settles every target that needs no expected place (most of them: unchanged or moved verbatim);
 * their shifts then tell where each remaining passage is expected (the shift of the nearest
 * settled neighbour), so copies are told apart and approximate search starts where the passage
 * has most likely moved.
 */
export function anchorAll(text: string, targets: readonly AnchorTarget[]): AnchorResult[] {
  const anchoring = new AnchoringText(text, true);
  const evidence = targets.map((target) => new QuoteEvidence(target));
  const settled = evidence.map((e) => anchorEvidence(anchoring, e, null));
  const shifts: { from: number; by: number }[] = [];
  settled.forEach((result, i) => {
    const target = targets[i];
    if (target && result?.range && result.status !== 'review') {
      shifts.push({ from: target.position.start, by: result.range.start - target.position.start });
    }
  });
  shifts.sort((a, b) => a.from - b.from);
  return settled.map((result, i) => {
    if (result) return result;
    const e = evidence[i] as QuoteEvidence;
    const recorded = e.target.position.start;
    const expected = Math.max(0, Math.min(text.length, recorded + nearestShift(shifts, recorded)));
    return anchorEvidence(anchoring, e, expected) ?? ORPHAN;
  });
}

function nearestShift(shifts: readonly { from: number; by: number }[], at: number): number {
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((shifts[mid]?.from ?? 0) < at) lo = mid + 1;
    else hi = mid;
  }
  const after = shifts[lo];
  const before = shifts[lo - 1];
  if (!before) return after?.by ?? 0;
  if (!after) return before.by;
  return at - before.from <= after.from - at ? before.by : after.by;
}
