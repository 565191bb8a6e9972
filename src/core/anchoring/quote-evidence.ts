import type { HighlightTarget } from '../model/highlight';
import { CONTEXT_WEIGHT, ERROR_RATE, MARGIN, MAX_ERRORS, MAX_MATCHES, MIN_CONTEXT, MIN_FUZZY_LENGTH, MIN_FUZZY_WORDS, QUOTE_WEIGHT } from './anchor-policy';
import { foldedOffset, originalRange } from '../text/fold-text';
import { foldQuote, type AnchoringText } from './anchoring-text';
import { AnchoredPattern, ApproximatePattern, type BoundaryCost, type Part } from './approximate-search';

/** What anchoring needs of a highlight's target. */
export type AnchorTarget = Pick<HighlightTarget, 'quote' | 'position'>;

/** How a candidate matches the quote: character for character, once folded, or with edits. */
export type CandidateKind = 'verbatim' | 'folded' | 'approximate';

/** A place in the current text (raw offsets) that may hold the highlight's passage. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly kind: CandidateKind;
  /** Similarity of the folded quote and the folded match, in [0, 1]. */
  readonly quote: number;
  /** Agreement of the text around the candidate with the recorded prefix and suffix, in [0, 1]. */
  readonly context: number;
  /** The lower of the prefix's and the suffix's own agreements (sides with nothing recorded count as 1). */
  readonly weakerSide: number;
  readonly score: number;
}

/** How the text beside a place agrees with the recorded context: overall, and on its weaker side. */
export interface ContextAgreement {
  readonly context: number;
  readonly weakerSide: number;
}

/** Number of whitespace-separated words of a folded string (single spaces only). */
function countWords(folded: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < folded.length; i++) {
    const space = folded.charCodeAt(i) === 0x20;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

function isShortFolded(folded: string): boolean {
  const length = folded.trim().length;
  return length < MIN_FUZZY_LENGTH || (countWords(folded) < MIN_FUZZY_WORDS && length < 2 * MIN_FUZZY_LENGTH);
}

/** Whether a quote is too short to be matched approximately or moved without agreeing context (anchor-policy.ts). */
export const isShortQuote = (exact: string): boolean => isShortFolded(foldQuote(exact));

/** What a candidate must reach to matter: a score, and a quote similarity. */
export interface Bar {
  readonly score: number;
  readonly quote: number;
}

const NO_BAR: Bar = { score: 0, quote: 0 };

/**
 * Shortest piece of a quote worth looking up to rule text out before an approximate search: the
 * text's index holds 8-unit grams, and shorter pieces occur so often that the text around them
 * covers most of it.
 */
const PIECE_LENGTH = 8;

/** One target's quote and context, folded once, and the evidence for places that may hold it. */
export class QuoteEvidence {
  readonly folded: string;
  /** Too short to be matched approximately or moved without agreeing context (anchor-policy.ts). */
  readonly short: boolean;
  private contextCache: { prefix: AnchoredPattern; prefixLength: number; suffix: AnchoredPattern; suffixLength: number } | undefined;
  private patternCache: ApproximatePattern | undefined;
  private copiesCache: Candidate[] | undefined;

  constructor(readonly target: AnchorTarget) {
    this.folded = foldQuote(target.quote.exact);
    this.short = isShortFolded(this.folded);
  }

  /** The recorded context, folded: the prefix reversed, as it is read leftwards from a candidate. */
  private get context(): { prefix: AnchoredPattern; prefixLength: number; suffix: AnchoredPattern; suffixLength: number } {
    if (!this.contextCache) {
      const prefix = foldQuote(this.target.quote.prefix);
      const suffix = foldQuote(this.target.quote.suffix);
      this.contextCache = {
        prefix: new AnchoredPattern(prefix.split('').reverse().join('')),
        prefixLength: prefix.length,
        suffix: new AnchoredPattern(suffix),
        suffixLength: suffix.length,
      };
    }
    return this.contextCache;
  }

  private get pattern(): ApproximatePattern {
    this.patternCache ??= new ApproximatePattern(this.folded);
    return this.patternCache;
  }

  /**
   * How well the folded text around raw [start, end) agrees with the recorded prefix and suffix,
   * in [0, 1], each side weighted by its length. Up to twice each side's length is read beside
   * the candidate, with the far end free (AnchoredPattern), so that words inserted into the
   * recorded context cost their own length only, not again for the recorded units they push
   * further out.
   */
  contextAt(text: AnchoringText, start: number, end: number): ContextAgreement {
    const { prefix, prefixLength: lp, suffix, suffixLength: ls } = this.context;
    if (lp + ls === 0) return { context: 1, weakerSide: 1 };
    const folded = text.folded;
    const before = lp === 0 ? 0 : prefix.distance(folded.text, foldedOffset(folded, start), -1, 2 * lp);
    const after = ls === 0 ? 0 : suffix.distance(folded.text, foldedOffset(folded, end), 1, 2 * ls);
    const side = (distance: number, length: number): number => (length === 0 ? 1 : 1 - distance / length);
    return { context: 1 - (before + after) / (lp + ls), weakerSide: Math.min(side(before, lp), side(after, ls)) };
  }

  /** Whether the text beside a place agrees enough with the recorded context (MIN_CONTEXT). */
  contextHolds(agreement: ContextAgreement): boolean {
    return agreement.context >= MIN_CONTEXT;
  }

  private candidate(text: AnchoringText, start: number, end: number, kind: CandidateKind, quoteSimilarity: number): Candidate {
    const { context, weakerSide } = this.contextAt(text, start, end);
    return { start, end, kind, quote: quoteSimilarity, context, weakerSide, score: QUOTE_WEIGHT * quoteSimilarity + CONTEXT_WEIGHT * context };
  }

  /** Every occurrence of the quote, verbatim or else once folded (computed once per text). */
  copiesIn(text: AnchoringText): Candidate[] {
    this.copiesCache ??= this.findCopies(text);
    return this.copiesCache;
  }

  private findCopies(text: AnchoringText): Candidate[] {
    const exact = this.target.quote.exact;
    const verbatim = text.occurrences(exact).map((at) => this.candidate(text, at, at + exact.length, 'verbatim', 1));
    if (verbatim.length > 0 || this.folded.trim() === '') return verbatim;
    return text.foldedOccurrences(this.folded).map((at) => {
      const raw = originalRange(text.folded, at, at + this.folded.length);
      return this.candidate(text, raw.start, raw.end, 'folded', 1);
    });
  }

  /**
   * Approximate matches of the quote in the given parts of the folded text, as candidates in raw
   * offsets, outside the quote's copies (which are candidates already, and would hide every
   * match with more errors). Only candidates that clear `bar`, or come within MARGIN of the best
   * found, can change a decision: matches come fewest errors first, and the search asks only for
   * those with few enough errors to do so even with perfect context, so that the rest are neither
   * found nor have their context read.
   */
  approximateIn(text: AnchoringText, parts: readonly Part[], bar: Bar = NO_BAR): Candidate[] {
    const m = this.folded.length;
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(m * ERROR_RATE));
    const folded = text.folded;
    const { prefix, prefixLength, suffix, suffixLength } = this.context;
    const before: BoundaryCost = { at: (s) => prefix.distance(folded.text, s, -1, 2 * prefixLength), most: prefixLength };
    const after: BoundaryCost = { at: (e) => suffix.distance(folded.text, e, 1, 2 * suffixLength), most: suffixLength };
    // The most errors with which a match could still score `least` and clear the bar's quote similarity.
    const bound = (least: number): number =>
      Math.min(maxErrors, Math.floor(m * (1 - bar.quote) + 1e-9), Math.floor(m * (1 - (least - CONTEXT_WEIGHT) / QUOTE_WEIGHT) + 1e-9));
    const first = bound(bar.score);
    const searched = this.whereMatchesCanBe(text, parts.flatMap((p) => this.outsideCopies(text, p)), first);
    const matches = this.pattern.matchesIn(folded.text, searched, maxErrors);
    // A match's bounds may be placed across the gaps between the parts (copies, an area searched before).
    const hull = { from: Math.min(...parts.map((p) => p.from)), to: Math.max(...parts.map((p) => p.to)) };
    const candidates: Candidate[] = [];
    let best = 0;
    for (let found = matches.next(first); found && candidates.length < MAX_MATCHES; found = matches.next(bound(Math.max(bar.score, best - MARGIN)))) {
      const match = this.pattern.refine(folded.text, found, hull.from, hull.to, maxErrors, before, after);
      const raw = originalRange(folded, match.start, match.end);
      const candidate = this.candidate(text, raw.start, raw.end, 'approximate', Math.max(0, 1 - match.errors / m));
      candidates.push(candidate);
      best = Math.max(best, candidate.score);
    }
    return candidates;
  }

  /**
   * The stretches of the parts that can hold a match within `errors` edits. Such a match holds at
   * least one of errors + 1 disjoint pieces of the quote verbatim (pigeonhole), so when the pieces
   * are long enough to be rare (PIECE_LENGTH), only the text around their occurrences, looked up
   * in the text's index, needs the bit-parallel search; else the parts are searched whole.
   */
  private whereMatchesCanBe(text: AnchoringText, parts: readonly Part[], errors: number): Part[] {
    const m = this.folded.length;
    const length = Math.floor(m / (errors + 1));
    if (length < PIECE_LENGTH) return [...parts];
    const around: Part[] = [];
    for (let i = 0; i <= errors; i++) {
      for (const at of text.foldedOccurrences(this.folded.slice(i * length, (i + 1) * length))) {
        // The match starts within `errors` of where this piece puts the quote's start.
        const start = at - i * length;
        around.push({ from: start - errors, to: start + m + 2 * errors });
      }
    }
    around.sort((a, b) => a.from - b.from);
    const merged: Part[] = [];
    for (const region of around) {
      const last = merged[merged.length - 1];
      if (last && region.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, region.to) };
      else merged.push(region);
    }
    return parts.flatMap((part) =>
      merged.filter((r) => r.to > part.from && r.from < part.to).map((r) => ({ from: Math.max(part.from, r.from), to: Math.min(part.to, r.to) })),
    );
  }

  /** A part of the folded text without the quote's copies: the parts left between them. */
  private outsideCopies(text: AnchoringText, { from, to }: Part): Part[] {
    const parts: Part[] = [];
    let start = from;
    for (const copy of this.copiesIn(text)) {
      const copyStart = foldedOffset(text.folded, copy.start);
      const copyEnd = foldedOffset(text.folded, copy.end);
      if (copyEnd <= start || copyStart >= to) continue;
      parts.push({ from: start, to: Math.max(start, copyStart) });
      start = copyEnd;
    }
    parts.push({ from: start, to: Math.max(start, to) });
    return parts;
  }
}
