import type { HighlightTarget } from '../model/highlight';
import { CONTEXT_WEIGHT, ERROR_RATE, MARGIN, MAX_ERRORS, MAX_MATCHES, MIN_CONTEXT, MIN_FUZZY_LENGTH, MIN_FUZZY_WORDS, QUOTE_WEIGHT } from './anchor-policy';
import { foldedOffset, originalRange } from '../text/fold-text';
import { foldQuote, type AnchoringText } from './anchoring-text';
import { AnchoredPattern, ApproximatePattern, type BoundaryCost } from './approximate-search';

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
   * Approximate matches of the quote in folded [from, to), as candidates in raw offsets. Matches
   * come fewest errors first; once even perfect context could not bring one within MARGIN of the
   * best so far, neither it nor any after it can win or rival, and their context is not read.
   */
  approximateIn(text: AnchoringText, from: number, to: number): Candidate[] {
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(this.folded.length * ERROR_RATE));
    const folded = text.folded;
    const { prefix, prefixLength, suffix, suffixLength } = this.context;
    const before: BoundaryCost = { at: (s) => prefix.distance(folded.text, s, -1, 2 * prefixLength), most: prefixLength };
    const after: BoundaryCost = { at: (e) => suffix.distance(folded.text, e, 1, 2 * suffixLength), most: suffixLength };
    const candidates: Candidate[] = [];
    let best = 0;
    for (const found of this.pattern.findMatchEnds(folded.text, from, to, maxErrors, MAX_MATCHES)) {
      // Refining the bounds can only add edits inside the match, so this bound holds for it too.
      if (QUOTE_WEIGHT * (1 - found.errors / this.folded.length) + CONTEXT_WEIGHT < best - MARGIN) break;
      const match = this.pattern.refine(folded.text, found, from, to, maxErrors, before, after);
      const raw = originalRange(folded, match.start, match.end);
      const candidate = this.candidate(text, raw.start, raw.end, 'approximate', Math.max(0, 1 - match.errors / this.folded.length));
      candidates.push(candidate);
      best = Math.max(best, candidate.score);
    }
    return candidates;
  }
}
