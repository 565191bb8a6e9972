import type { AnchorStatus } from '../model/highlight';
import { charOffset } from '../model/ids';
import type { TextRange } from '../model/source';
import { CONTEXT_TIE, MARGIN, MIN_CONTEXT, SETTLED_SCORE, WINDOW_SLACK } from './anchor-policy';
import { foldedOffset } from '../text/fold-text';
import { AnchoringText } from './anchoring-text';
import { expectedPlaces, nearExpected, pointAt, type Expected } from './expected-place';
import { QuoteEvidence, type AnchorTarget, type Candidate } from './quote-evidence';

export type { AnchorTarget } from './quote-evidence';

/**
 * Re-anchoring: where is a highlight's passage in the current text of its source?
 *
 * (a) The recorded position, if it still holds the quote verbatim.
 * (b) The quote found verbatim elsewhere — or, failing that, found once spacing, quotation marks
 *     and dashes are folded (see QUOTE_FOLD in anchoring-text.ts) — chosen among copies by its context.
 * (c) For quotes long enough to be told apart from look-alikes: an approximate match with a
 *     bounded number of edits, searched near the expected position first, then, unless a strong
 *     match settles it there, in the rest of the text, since the expected position comes from
 *     neighbours that may not have moved with the passage. The quote's only copy, or a clearly
 *     stronger match elsewhere, wins over a weaker match near the expected position: a
 *     highlight's outcome does not get worse because other highlights exist.
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
/** Two candidates are one passage when they share more than half of the shorter. */
const samePassage = (a: Candidate, b: Candidate): boolean =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start) > Math.min(a.end - a.start, b.end - b.start) / 2;
const round = (n: number): number => Math.round(n * 1000) / 1000;
const distance = (c: Candidate, expected: Expected): number => Math.abs(c.start - expected.at);
const isNear = (c: Candidate, expected: Expected): boolean => nearExpected(c.start, expected);

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
 * Step (b) among copies whose context holds. When there are several copies, the one lying where
 * the passage is expected is taken if it is the only one there: in anchorAll the expected place
 * comes from neighbours that moved with the passage, better evidence than 32 units of context in
 * texts that repeat themselves (the report cites some UN letters in several entries sharing 100+
 * units of text). Otherwise the copy with the best context is chosen, and copies whose contexts
 * tie (within CONTEXT_TIE) are told apart by distance from the expected place, or left to a
 * person when equally far. A long quote's chosen copy is taken at once if its context is intact
 * and it lies where expected (or nothing is expected yet), or if it lies where its neighbours say;
 * else step (c) weighs it against edited versions of the passage ('weigh'). Choices that need the
 * expected place wait until it is known ('defer').
 */
function chooseCopy(strong: Candidate[], copies: number, evidence: QuoteEvidence, expected: Expected | null): AnchorResult | 'weigh' | 'defer' {
  const byContext = [...strong].sort((a, b) => b.context - a.context);
  const best = byContext[0] as Candidate;
  let chosen = best;
  let why = '';
  if (copies > 1) {
    if (expected === null) return 'defer';
    const near = strong.filter((c) => isNear(c, expected));
    const tied = byContext.filter((c) => best.context - c.context < CONTEXT_TIE).sort((a, b) => distance(a, expected) - distance(b, expected));
    const [nearest, rival] = tied;
    if (near.length === 1 && near[0]) {
      [chosen, why] = [near[0], `; of its ${copies} copies, this one is where it was expected`];
    } else if (!rival || !nearest) {
      why = `; of its ${copies} copies, the text around this one matches best`;
    } else if (distance(nearest, expected) < distance(rival, expected)) {
      [chosen, why] = [nearest, `; it occurs ${tied.length} times with much the same surrounding text, and the copy nearest its former place was taken`];
    } else {
      return review(nearest, rival, `The quote occurs ${tied.length} times with much the same surrounding text, equally far from its former place. Choose the right passage.`);
    }
  }
  const found = accept(chosen, `The quote was found${chosen.kind === 'folded' ? FOLDED_NOTE : ''}${why}.`);
  if (evidence.short) {
    // A short quote has only its neighbours to tell it from the same words elsewhere (a table of
    // contents entry and the heading it names share the words after them): its place must be
    // confirmed twice, by the text on both sides, or by one side and the expected place; and,
    // unless it occurs nowhere else, it is not taken far from where neighbouring highlights say it
    // is. Its only copy, confirmed on both sides, is taken wherever it lies, as it would be with
    // no neighbours: they may have stayed while its passage moved.
    const confirmed = chosen.weakerSide >= MIN_CONTEXT;
    if (confirmed && copies === 1) return found;
    if (expected?.firm && !isNear(chosen, expected)) return SHORT_ORPHAN;
    if (confirmed) return found;
    if (expected === null) return 'defer';
    return isNear(chosen, expected) ? found : SHORT_ORPHAN;
  }
  // Intact context, or the place the neighbours point to, leaves nothing for step (c) to weigh.
  const intact = chosen.context === 1 && (expected === null || isNear(chosen, expected));
  return intact || (expected?.firm && isNear(chosen, expected)) ? found : 'weigh';
}

/**
 * Step (c)'s decision among copies and approximate matches, wherever they lie. Rivals within
 * MARGIN of the best are told apart by place: the one lying where the passage is expected is
 * taken when it is the only one there; otherwise a person chooses. The one exception is the
 * quote's only copy scoring best: an edited look-alike that scores no better is weaker evidence
 * than the passage's own words, however near it lies (a heading left where a paragraph moved
 * from can echo the paragraph's first sentence).
 */
function decide(candidates: Candidate[], expected: Expected): AnchorResult | undefined {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || distance(a, expected) - distance(b, expected));
  const top = ranked[0];
  if (!top) return undefined;
  const rivals = ranked.filter((c, i) => i === 0 || (top.score - c.score < MARGIN && !ranked.slice(0, i).some((d) => samePassage(c, d))));
  const copies = candidates.filter((c) => c.kind !== 'approximate');
  let best = top;
  if (rivals.length > 1 && !(copies.length === 1 && copies[0] === top)) {
    const near = rivals.filter((c) => isNear(c, expected));
    if (near.length !== 1 || !near[0]) return review(top, rivals[1], 'Two passages resemble the quote about equally. Choose the right one.');
    best = near[0];
  }
  const other = ranked.find((c) => c !== best && !samePassage(c, best));
  // A copy of a long quote is the passage's own words, so it stands without context; an edited
  // match needs its surroundings to show it is the same passage rather than a look-alike.
  if (best.kind === 'approximate' && best.context < MIN_CONTEXT) {
    return review(best, other, 'A similar passage was found, but the text around it differs from the text around the highlight. Confirm that it is the same passage.');
  }
  if (best.kind !== 'approximate') {
    return accept(best, `The quote was found${best.kind === 'folded' ? FOLDED_NOTE : ''}, though the text around it has changed.`);
  }
  const changed = Math.round((1 - best.quote) * 100);
  return accept(best, `The passage was found with edits (about ${changed}% of its characters changed); the text around it agrees.`);
}

/** Joins copies and approximate matches, keeping a copy where both cover the same passage. */
function merge(copies: Candidate[], approximate: Candidate[]): Candidate[] {
  return [...copies, ...approximate.filter((a) => !copies.some((c) => samePassage(a, c)))];
}

/**
 * Steps (a) to (d) for one target. `expected` is where the passage is expected to start, or null
 * while it is not known yet (anchorAll's first pass): decisions that need it are then deferred
 * by returning undefined.
 */
function anchorEvidence(text: AnchoringText, evidence: QuoteEvidence, expected: Expected | null): AnchorResult | undefined {
  const { quote, position } = evidence.target;
  const { start, end } = position;
  if (end - start === quote.exact.length && text.raw.startsWith(quote.exact, start)) {
    if (!evidence.short || evidence.contextHolds(evidence.contextAt(text, start, end))) {
      return { status: 'exact', range: { start, end }, score: 1, reason: 'The quote is still at its recorded place.' };
    }
  }
  const copies = evidence.copiesIn(text);
  const strong = copies.filter((c) => evidence.contextHolds(c));
  if (strong.length > 0) {
    const chosen = chooseCopy(strong, copies.length, evidence, expected);
    if (chosen === 'defer') return undefined;
    if (chosen !== 'weigh') return chosen;
  } else if (evidence.short) {
    return copies.length > 0 ? SHORT_ORPHAN : SHORT_MISSING;
  }
  if (expected === null) return undefined;

  const folded = text.folded;
  const from = Math.max(0, foldedOffset(folded, expected.low) - WINDOW_SLACK);
  const to = Math.min(folded.text.length, foldedOffset(folded, expected.high) + evidence.folded.length + WINDOW_SLACK);
  const nearby = evidence.approximateIn(text, [{ from, to }]);
  const near = decide(merge(copies, nearby), expected);
  if (near && near.status !== 'review' && near.score >= SETTLED_SCORE) return near;
  // Nothing near settles it, so the rest of the text is searched: the expected place may be wrong
  // (a section moved without the highlights around it), and a weak match near it must not beat
  // the passage itself further away. A match elsewhere changes the outcome only if it beats the
  // near choice by MARGIN (within MARGIN the near one wins) with words at least as close to the
  // quote (a place's neighbours are evidence too, outweighed only by better evidence of the same
  // kind), so only such matches are sought, which keeps this search cheap.
  const rest = [{ from: 0, to: from }, { from: to, to: folded.text.length }].filter((part) => part.to > part.from);
  const chosen = near?.status === 'review' ? undefined : merge(copies, nearby).find((c) => c.start === near?.range?.start && c.end === near.range.end);
  const bar = chosen ? { score: chosen.score + MARGIN, quote: chosen.quote } : undefined;
  const elsewhere = evidence.approximateIn(text, rest, bar);
  if (bar && !elsewhere.some((c) => c.score >= bar.score)) return near ?? ORPHAN;
  return decide(merge(copies, merge(nearby, elsewhere)), expected) ?? ORPHAN;
}

/** Anchors one highlight's target in the current text of its source. */
export function anchorHighlight(text: string, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const expected = pointAt(options.expectedStart ?? target.position.start);
  return anchorEvidence(new AnchoringText(text, false), new QuoteEvidence(target), expected) ?? ORPHAN;
}

/**
 * Anchors many targets in one text, sharing the folded text and an index of it. A first pass
 * settles every target that needs no expected place (most of them: unchanged, or moved verbatim
 * with their context). Where they were found then tells where each passage is expected (see
 * expected-place.ts). The second pass anchors the rest there, and anchors again any first-pass
 * result lying elsewhere than its neighbours say, since a verbatim copy with intact context can
 * be a twin of a passage that was edited in place.
 */
export function anchorAll(text: string, targets: readonly AnchorTarget[]): AnchorResult[] {
  const anchoring = new AnchoringText(text, true);
  const evidence = targets.map((target) => new QuoteEvidence(target));
  const settled = evidence.map((e) => anchorEvidence(anchoring, e, null));
  const found = settled.map((result) => (result?.range && result.status !== 'review' ? result.range.start : null));
  const expected = expectedPlaces(targets.map((t) => t.position.start), found, text.length);
  return settled.map((result, i) => {
    const place = expected[i] as Expected;
    const at = found[i];
    if (result && (at === null || at === undefined || nearExpected(at, place))) return result;
    return anchorEvidence(anchoring, evidence[i] as QuoteEvidence, place) ?? ORPHAN;
  });
}
