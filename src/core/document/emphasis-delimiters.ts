/**
 * CommonMark's emphasis rules (spec 0.31, "delimiter runs" and "process emphasis"), over runs of
 * `*` and `_` that the inline reader found. Kept apart from the reader because the pairing is the
 * subtle part: flanking decides who may open or close, and the rule of three keeps `**a*` sane.
 */

export interface DelimiterRun {
  readonly char: '*' | '_';
  /** Length in the source; the rule of three works on it. */
  readonly original: number;
  /** Characters not yet used by a pair; they end up as literal text. */
  remaining: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
}

export interface EmphasisPair {
  /** Index of the opening run, or -1 for the block start (see `pairOrphanStrongCloser`). */
  readonly opener: number;
  readonly closer: number;
  readonly strong: boolean;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Builds a run from the characters around it; a missing neighbour (start or end of the block)
 * counts as whitespace, as the spec says.
 */
export function delimiterRun(char: '*' | '_', length: number, before: string | undefined, after: string | undefined): DelimiterRun {
  const beforeSpace = before === undefined || WHITESPACE.test(before);
  const afterSpace = after === undefined || WHITESPACE.test(after);
  const beforePunct = before !== undefined && PUNCTUATION.test(before);
  const afterPunct = after !== undefined && PUNCTUATION.test(after);
  const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  // `_` inside a word (snake_case, file_names) never emphasises; `*` may.
  const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || beforePunct);
  const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || afterPunct);
  return { char, original: length, remaining: length, canOpen, canClose };
}

function breaksRuleOfThree(opener: DelimiterRun, closer: DelimiterRun): boolean {
  if (!(opener.canClose || closer.canOpen)) return false;
  const sum = opener.original + closer.original;
  return sum % 3 === 0 && !(opener.original % 3 === 0 && closer.original % 3 === 0);
}

/**
 * Pairs openers with closers, consuming characters from the inner ends of the runs. Returns the
 * pairs innermost first; `runs[i].remaining` is left at the count of unused characters.
 */
export function pairDelimiters(runs: readonly DelimiterRun[]): EmphasisPair[] {
  const pairs: EmphasisPair[] = [];
  const stack = runs.map((_, i) => i);
  let c = 0;
  while (c < stack.length) {
    const closerIndex = stack[c]!;
    const closer = runs[closerIndex]!;
    if (!closer.canClose) {
      c++;
      continue;
    }
    let o = c - 1;
    while (o >= 0) {
      const opener = runs[stack[o]!]!;
      if (opener.char === closer.char && opener.canOpen && !breaksRuleOfThree(opener, closer)) break;
      o--;
    }
    if (o < 0) {
      // Nothing to close: a run that cannot open is finished with.
      if (closer.canOpen) c++;
      else stack.splice(c, 1);
      continue;
    }
    const openerIndex = stack[o]!;
    const opener = runs[openerIndex]!;
    const used = opener.remaining >= 2 && closer.remaining >= 2 ? 2 : 1;
    pairs.push({ opener: openerIndex, closer: closerIndex, strong: used === 2 });
    opener.remaining -= used;
    closer.remaining -= used;
    // Runs between the pair can no longer pair with anything outside it.
    stack.splice(o + 1, c - o - 1);
    c = o + 1;
    if (opener.remaining === 0) {
      stack.splice(o, 1);
      c--;
    }
    if (closer.remaining === 0) stack.splice(c, 1);
  }
  return pairs;
}

/**
 * The report's PDF-to-Markdown conversion lost the opening `**` of its numbered recommendations
 * (`- 1. Enhanced Intelligence and Monitoring:** Accurate …`). When the first run of a block is an
 * unpaired `**` that can only close, nothing before it could have opened it, so the block start
 * is taken as its opener: the title reads bold as intended instead of showing a stray `**`.
 */
export function pairOrphanStrongCloser(runs: readonly DelimiterRun[]): EmphasisPair | null {
  const first = runs[0];
  if (!first || first.remaining < 2 || first.remaining !== first.original) return null;
  if (!first.canClose || first.canOpen) return null;
  first.remaining -= 2;
  return { opener: -1, closer: 0, strong: true };
}
