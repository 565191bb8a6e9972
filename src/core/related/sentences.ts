import type { PassageRange } from '../search/passages';

/**
 * A claim is usually a sentence, and a long paragraph holds several: compared whole, a paragraph
 * that makes the selection's claim among others would look little like it. So passages are
 * compared sentence by sentence, a short sentence together with the next one.
 */

/** After a full stop (and a closing quote or bracket), space, then what can start a sentence. */
const SENTENCE_BREAK = /[.!?]["'’”)\]]*\s+(?=["“‘([]?[\p{Lu}\p{N}])/gu;
/** A shorter sentence ("Not so.") is kept with the one after it. */
const MIN_SENTENCE_CHARS = 40;

/** The sentences of text[passage.start, passage.end), as ranges without their trailing space. */
export function sentenceRanges(text: string, passage: PassageRange): PassageRange[] {
  const body = text.slice(passage.start, passage.end);
  const out: PassageRange[] = [];
  let from = 0;
  for (const match of body.matchAll(SENTENCE_BREAK)) {
    const end = match.index + match[0].trimEnd().length;
    if (end - from < MIN_SENTENCE_CHARS) continue;
    out.push({ start: passage.start + from, end: passage.start + end });
    from = match.index + match[0].length;
  }
  if (from < body.length) {
    const last = out[out.length - 1];
    // A short last sentence joins the one before it.
    if (last && body.length - from < MIN_SENTENCE_CHARS) out[out.length - 1] = { start: last.start, end: passage.end };
    else out.push({ start: passage.start + from, end: passage.end });
  }
  return out;
}
