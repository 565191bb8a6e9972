import { foldString, foldText, type FoldedText, type FoldOptions } from '../text/fold-text';

/**
 * How anchoring compares a stored quote with the current text. A re-typeset source (spaces
 * re-flowed, paragraphs re-wrapped, ’ replaced by ') still holds the same words, so these
 * differences must not count as edits. Case and letters are kept: changing them changes what the
 * analyst cited.
 */
const QUOTE_FOLD: FoldOptions = { case: false, diacritics: false, collapseSpaces: true };

/** Folds a short string (a quote, a prefix, a suffix) as anchoring folds the text. */
export const foldQuote = (s: string): string => foldString(s, QUOTE_FOLD);

/** Length of the q-grams indexed; a quote shorter than this is searched with indexOf. */
const GRAM = 8;
const BUCKET_BITS = 16;

/**
 * Every start of every GRAM-unit substring, bucketed by a hash, so that the occurrences of a
 * quote are found by checking the few places that start like it rather than scanning the text.
 * Worth building when many quotes are looked up in one text (anchorAll).
 */
class GramIndex {
  private readonly head = new Int32Array(1 << BUCKET_BITS).fill(-1);
  private readonly next: Int32Array;

  constructor(private readonly text: string) {
    this.next = new Int32Array(Math.max(0, text.length - GRAM + 1));
    // Filled from the end so that each bucket lists its starts in ascending order.
    for (let i = text.length - GRAM; i >= 0; i--) {
      const bucket = gramHash(text, i);
      this.next[i] = this.head[bucket] ?? -1;
      this.head[bucket] = i;
    }
  }

  occurrences(needle: string): number[] {
    const found: number[] = [];
    for (let at = this.head[gramHash(needle, 0)] ?? -1; at >= 0; at = this.next[at] ?? -1) {
      if (this.text.startsWith(needle, at)) found.push(at);
    }
    return found;
  }
}

function gramHash(s: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + GRAM; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h ^ (h >>> BUCKET_BITS)) & ((1 << BUCKET_BITS) - 1);
}

function scanOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * The current text of a source as anchoring reads it: raw, folded (computed once, when first
 * needed), and optionally indexed for many lookups.
 */
export class AnchoringText {
  private foldedText: FoldedText | undefined;
  private rawIndex: GramIndex | undefined;
  private foldedIndex: GramIndex | undefined;

  constructor(
    readonly raw: string,
    private readonly indexed: boolean,
  ) {}

  get folded(): FoldedText {
    this.foldedText ??= foldText(this.raw, QUOTE_FOLD);
    return this.foldedText;
  }

  /** Starts of every occurrence of `needle` in the raw text, ascending. */
  occurrences(needle: string): number[] {
    if (!this.indexed || needle.length < GRAM) return scanOccurrences(this.raw, needle);
    this.rawIndex ??= new GramIndex(this.raw);
    return this.rawIndex.occurrences(needle);
  }

  /** Starts of every occurrence of an already folded `needle` in the folded text, ascending. */
  foldedOccurrences(needle: string): number[] {
    const folded = this.folded.text;
    if (!this.indexed || needle.length < GRAM) return scanOccurrences(folded, needle);
    this.foldedIndex ??= new GramIndex(folded);
    return this.foldedIndex.occurrences(needle);
  }
}
