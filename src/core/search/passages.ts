import type { Block } from '../model/source';

/**
 * A source is searched, ranked and quoted passage by passage, so that a hit comes back with the
 * paragraph around it rather than a whole source. Passages are the source's blocks when it has
 * been parsed, otherwise its lines; either way a passage longer than MAX_PASSAGE_CHARS is cut,
 * preferably after a sentence, so that ranking and snippets stay local. Passages never overlap.
 */

export interface PassageRange {
  readonly start: number;
  readonly end: number;
}

export const MAX_PASSAGE_CHARS = 2000;

const WHITESPACE = /\s/;
const SENTENCE_END = /[.!?]["'’”)\]]?$/;

const isWhitespace = (text: string, i: number): boolean => WHITESPACE.test(text.charAt(i));

/** Where to cut text[start, end) so the first piece is at most MAX_PASSAGE_CHARS long. */
function cutPoint(text: string, start: number, end: number): number {
  const limit = start + MAX_PASSAGE_CHARS;
  const earliest = start + Math.floor(MAX_PASSAGE_CHARS / 2);
  let lastSpace = -1;
  for (let i = limit; i > earliest; i--) {
    if (!isWhitespace(text, i)) continue;
    if (lastSpace < 0) lastSpace = i;
    if (SENTENCE_END.test(text.slice(Math.max(start, i - 3), i))) return i;
  }
  if (lastSpace >= 0) return lastSpace;
  // No space in the second half of the window: one very long word; cut after it.
  for (let i = limit; i < end; i++) if (isWhitespace(text, i)) return i;
  return end;
}

/** Pushes text[start, end) as passages of at most MAX_PASSAGE_CHARS, without surrounding spaces. */
function pushWindows(text: string, start: number, end: number, out: PassageRange[]): void {
  let from = start;
  let to = end;
  while (to > from && isWhitespace(text, to - 1)) to--;
  for (;;) {
    while (from < to && isWhitespace(text, from)) from++;
    if (to - from <= MAX_PASSAGE_CHARS) break;
    const cut = cutPoint(text, from, to);
    let pieceEnd = cut;
    while (pieceEnd > from && isWhitespace(text, pieceEnd - 1)) pieceEnd--;
    out.push({ start: from, end: pieceEnd });
    from = cut;
  }
  if (to > from) out.push({ start: from, end: to });
}

function pushLines(text: string, start: number, end: number, out: PassageRange[]): void {
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 0x0a) continue;
    if (!/^\s*$/.test(text.slice(lineStart, i))) pushWindows(text, lineStart, i, out);
    lineStart = i + 1;
  }
}

/** The passages of a source: its blocks (and any text between them), or its lines. */
export function passageRanges(text: string, blocks?: readonly Block[]): PassageRange[] {
  const out: PassageRange[] = [];
  if (!blocks || blocks.length === 0) {
    pushLines(text, 0, text.length, out);
    return out;
  }
  const sorted = [...blocks].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  let covered = 0;
  for (const block of sorted) {
    const start = Math.max(covered, Math.min(block.range.start, text.length));
    const end = Math.min(Math.max(block.range.end, start), text.length);
    // Text outside every block is still searchable, so nothing the source says is lost.
    if (start > covered) pushLines(text, covered, start, out);
    if (end > start) pushWindows(text, start, end, out);
    covered = Math.max(covered, end);
  }
  if (covered < text.length) pushLines(text, covered, text.length, out);
  return out;
}
