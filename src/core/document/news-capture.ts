import type { ParsedSource } from '../model/source';
import { assembleSource } from './assemble-source';
import type { DraftBlock } from './draft-block';
import { MONTH, NEWS_LINK_ITEM, trailerStart } from './news-trailer';

/**
 * A news page as an aggregator captured it: plain text, no markup. Every non-blank line is a
 * block; the captures either put one paragraph on each line or separate paragraphs with blank
 * lines, and where two short lines do follow each other (a rubric and its date, "Link:" and the
 * title it links) they are separate things too. Lines of only whitespace or NBSP are blank.
 */
export function parseNewsCapture(raw: string): ParsedSource {
  const lines = raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const trailerFrom = trailerStart(lines);
  return assembleSource(lines.map((line, index) => (index < trailerFrom ? articleBlock(lines, index) : trailerBlock(line))));
}

/**
 * The page title as a browser shows it, "Headline – Site Name": a site name of a few capitalised
 * words after a dash or bar, with no sentence punctuation.
 */
const PAGE_TITLE = /^\S.{0,200}\S\s[–—|-]\s\p{Lu}[\p{L}\p{N}&'.]*(?: [\p{L}\p{N}&'.]+){0,4}$/u;

/** A line that is only a date: "11.09.2023", "January 13, 2025", "13 January 2025". */
const DATE_LINE = new RegExp(`^(?:\\d{1,2}\\.\\d{1,2}\\.\\d{4}|${MONTH} \\d{1,2}, \\d{4}|\\d{1,2} ${MONTH} \\d{4})$`);

/** A headline is short and is not a sentence, so it does not end like one. */
const SHORT_LINE = /^.{1,200}$/;
const SENTENCE_END = /[.!:;,…]["”’']?$/;

/**
 * The capture's headline: either the page title on the first line, or, on a page that opens with
 * a rubric and a dateline, the line right after the date (the Institute of the Middle East's
 * analysis). Anything else stays a paragraph rather than be promoted on a guess.
 */
function isHeadline(lines: readonly string[], index: number): boolean {
  const line = lines[index]!;
  if (index === 0) return PAGE_TITLE.test(line);
  const previous = lines[index - 1]!;
  return index <= 2 && DATE_LINE.test(previous) && SHORT_LINE.test(line) && !SENTENCE_END.test(line);
}

function articleBlock(lines: readonly string[], index: number): DraftBlock {
  const text = lines[index]!;
  if (isHeadline(lines, index)) return { kind: 'heading', level: 1, text, marks: [] };
  return { kind: 'paragraph', text, marks: [] };
}

function trailerBlock(line: string): DraftBlock {
  const item = NEWS_LINK_ITEM.exec(line);
  if (item) return { kind: 'listItem', depth: 0, marker: '•', text: item[1]!, marks: [], trailer: true };
  return { kind: 'paragraph', text: line, marks: [], trailer: true };
}
