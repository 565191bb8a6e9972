import { charOffset } from '../model/ids';
import type { Block, TextRange } from '../model/source';

/** A sentence ends at . ! or ? (perhaps followed by a closing quote or bracket) before a space. */
const SENTENCE_END = /[.!?]["'’”)\]]*(?=\s)/g;
/** Past this length a "sentence" is a list or a run-on: the passage is cut to words around the mention. */
const MAX_SENTENCE = 600;
const CONTEXT = 200;

function blockAround(blocks: readonly Block[], at: number): TextRange | null {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((blocks[mid]?.range.end ?? 0) <= at) lo = mid + 1;
    else hi = mid;
  }
  const block = blocks[lo];
  return block && block.range.start <= at ? block.range : null;
}

/**
 * The passage a mention of a group stands in, to highlight with one keystroke: the sentence that
 * holds [start, end), within its block; words around it when that sentence is very long; the
 * mention itself when it lies outside every block.
 */
export function sentenceAround(text: string, blocks: readonly Block[], start: number, end: number): TextRange {
  const block = blockAround(blocks, start);
  if (!block) return { start: charOffset(start), end: charOffset(end) };
  let from: number = block.start;
  let to: number = block.end;
  SENTENCE_END.lastIndex = 0;
  const inBlock = text.slice(block.start, block.end);
  for (let match = SENTENCE_END.exec(inBlock); match; match = SENTENCE_END.exec(inBlock)) {
    const after = block.start + match.index + match[0].length;
    if (after <= start) from = after;
    else if (after >= end) {
      to = after;
      break;
    }
  }
  if (to - from > MAX_SENTENCE) {
    const left = text.lastIndexOf(' ', Math.max(start - CONTEXT, from));
    const right = text.indexOf(' ', Math.min(end + CONTEXT, to));
    from = Math.max(from, left < 0 ? from : left);
    to = Math.min(to, right < 0 ? to : right);
  }
  while (from < start && /\s/.test(text.charAt(from))) from += 1;
  while (to > end && /\s/.test(text.charAt(to - 1))) to -= 1;
  return { start: charOffset(from), end: charOffset(to) };
}
