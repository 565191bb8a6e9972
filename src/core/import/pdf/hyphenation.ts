import { SOFT_HYPHEN } from './normalize-pdf-text';

/** Hyphen-minus and U+2010 HYPHEN; dashes (– —) at a line end are punctuation, never a word break. */
const LINE_END_HYPHEN = /([\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)*)[-\u2010]$/u;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const HYPHENATED_WORD = /[\p{L}\p{N}]+(?:[-\u2010][\p{L}\p{N}]+)+/gu;

/** Hyphenated words as a document writes them inside a line ("well-known"), lower-cased. */
export function collectHyphenatedForms(lineTexts: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const text of lineTexts) {
    for (const match of text.matchAll(HYPHENATED_WORD)) forms.add(match[0].toLowerCase().replaceAll('\u2010', '-'));
  }
  return forms;
}

/** How two lines of one block meet: how much of the first line stays, and what goes between. */
export interface LineJoint {
  readonly keep: number;
  readonly separator: '' | ' ';
}

/**
 * Where a line ends in a hyphen after a word and the next begins with a word, the hyphen is a
 * real one (kept, lines joined without a space) when
 *   - the next line's word is capitalised ("Anglo-" "Saxon", "non-" "English"),
 *   - the word before is itself hyphenated or a number ("state-of-the-" "art", "1990-" "95"), or
 *   - the document writes the hyphenated word somewhere inside a line ("well-known");
 * otherwise it is typesetting ("inter-" "national") and the word is joined without it. A soft
 * hyphen ending a line is always typesetting. Other lines join with one space.
 */
export function lineJoint(before: string, after: string, hyphenatedForms: ReadonlySet<string>): LineJoint {
  if (before.endsWith(SOFT_HYPHEN)) return { keep: before.length - 1, separator: '' };
  const broken = LINE_END_HYPHEN.exec(before);
  const next = FIRST_WORD.exec(after)?.[0];
  if (!broken || next === undefined) return { keep: before.length, separator: ' ' };
  const head = broken[1]!;
  const realHyphen =
    next[0] !== next[0]!.toLowerCase() ||
    /[-\u2010]/.test(head) ||
    /^\p{N}+$/u.test(head) ||
    hyphenatedForms.has(`${head}-${next}`.toLowerCase());
  return realHyphen ? { keep: before.length, separator: '' } : { keep: before.length - 1, separator: '' };
}
