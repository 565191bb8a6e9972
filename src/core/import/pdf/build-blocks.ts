import { blockOffset, type BlockOffset, type DraftBlock } from '../../document/draft-block';
import type { BlockKind } from '../../model/source';
import { collectHyphenatedForms, lineJoint } from './hyphenation';
import { splitListMarker } from './list-marker';
import type { TextLine } from './pdf-text';
import type { FlowLine } from './reading-order';

/** A page's lines in reading order, running heads and page numbers gone. */
export interface OrderedPage {
  readonly lines: readonly FlowLine[];
}

/** Where, inside a block's text, the text of each page it covers begins. */
export interface PageStart {
  /** 0-based page index. */
  readonly page: number;
  /** Block-relative offset; the space or hyphen-less joint before it belongs to this page too. */
  readonly at: BlockOffset;
}

export interface PdfDraft {
  readonly block: DraftBlock;
  /** The first entry is the block's own start; a paragraph running over a page break has more. */
  readonly pages: readonly PageStart[];
}

/** Larger than body text by this factor makes a heading; smaller by FOOTNOTE_SIZE at the page foot, a footnote. */
const HEADING_SIZE = 1.12;
const FOOTNOTE_SIZE = 0.9;
/** Lines further apart than this times the usual line spacing have a paragraph break between them. */
const PARAGRAPH_GAP = 1.3;
/** Moving right by this share of an em is an indent. */
const INDENT = 0.5;
/** A bold line in body size is a heading only when it is shorter than this share of its column. */
const BOLD_HEADING_WIDTH = 0.7;
const SENTENCE_END = /[.!?:…]["”’»)\]]*$/u;
const NOTE_NUMBER = /^(\d{1,3})(?!\d)\s*(\S.*)$/;

const roundSize = (size: number): number => Math.round(size * 2) / 2;

interface Style {
  readonly bodySize: number;
  /** Usual baseline-to-baseline distance, in ems. */
  readonly leading: number;
  /** Heading font sizes, largest first: level = position + 1. */
  readonly headingSizes: readonly number[];
}

function mostCommon(counts: ReadonlyMap<number, number>, fallback: number): number {
  let best = fallback;
  let most = 0;
  for (const [value, count] of counts) {
    if (count > most) [best, most] = [value, count];
  }
  return best;
}

function measureStyle(pages: readonly OrderedPage[]): Style {
  const chars = new Map<number, number>();
  const spacings = new Map<number, number>();
  for (const page of pages) {
    page.lines.forEach((current, i) => {
      const size = roundSize(current.line.fontSize);
      chars.set(size, (chars.get(size) ?? 0) + current.line.text.length);
      const previous = page.lines[i - 1];
      if (previous && previous.flow === current.flow && previous.line.fontSize === current.line.fontSize) {
        const ems = Math.round(((previous.line.y - current.line.y) / current.line.fontSize) * 20) / 20;
        if (ems > 0) spacings.set(ems, (spacings.get(ems) ?? 0) + 1);
      }
    });
  }
  const bodySize = mostCommon(chars, 10);
  const headingSizes = [...chars.keys()].filter((size) => size > bodySize * HEADING_SIZE).sort((a, b) => b - a);
  return { bodySize, leading: mostCommon(spacings, 1.2), headingSizes };
}

/** The trailing lines of a page set smaller than body text, below all of it: its footnotes. */
function splitFootnotes(page: OrderedPage, style: Style): { body: readonly FlowLine[]; notes: readonly FlowLine[] } {
  const isSmall = (line: FlowLine): boolean => line.line.fontSize < style.bodySize * FOOTNOTE_SIZE;
  let start = page.lines.length;
  while (start > 0 && isSmall(page.lines[start - 1]!)) start--;
  const body = page.lines.slice(0, start);
  const notes = page.lines.slice(start);
  const lowestBody = Math.min(...body.map((line) => line.line.y));
  const firstNote = notes[0];
  if (!firstNote || body.length === 0 || !NOTE_NUMBER.test(firstNote.line.text) || notes.some((note) => note.line.y >= lowestBody)) {
    return { body: page.lines, notes: [] };
  }
  return { body, notes };
}

/** The width of a line's first word and a space, estimated from the line's average character width. */
function firstWordWidth(line: TextLine): number {
  const word = /^\S+/.exec(line.text)?.[0] ?? '';
  return ((line.right - line.x) * (word.length + 1)) / line.text.length;
}

interface OpenBlock {
  kind: BlockKind;
  level?: number;
  marker?: string;
  depth?: number;
  text: string;
  pages: PageStart[];
  last: FlowLine;
  lastPage: number;
}

/**
 * Turns lines into blocks. A new block starts at a heading (a size larger than body text, ranked
 * into levels; or a short bold line in body size), at a list marker, at a change of font size,
 * after a vertical gap wider than the usual line spacing, at an indented first line, and after
 * a line that ends a sentence with room left for the next line's first word (so the writer broke
 * the line, not the typesetter; a fixed share of the column would misread ragged-right text).
 * Anything else continues the block, across columns and pages too: a paragraph broken by a page
 * is one block. Footnotes (smaller
 * type at the foot of a page, starting with their number) become note blocks placed after the
 * block that is open when the page ends, so they never cut a paragraph in two.
 */
export function buildBlocks(pages: readonly OrderedPage[]): PdfDraft[] {
  const style = measureStyle(pages);
  const forms = collectHyphenatedForms(pages.flatMap((page) => page.lines.map((line) => line.line.text)));
  const drafts: PdfDraft[] = [];
  let pendingNotes: PdfDraft[] = [];
  let open: OpenBlock | null = null;
  /** Marker x of the enclosing list items, outermost first. */
  const listIndents: number[] = [];

  const close = (): void => {
    if (open) {
      const { kind, level, marker, depth, text, pages: starts } = open;
      const block: DraftBlock = { kind, text, marks: [], ...(level !== undefined && { level }), ...(marker !== undefined && { marker, depth }) };
      drafts.push({ block, pages: starts });
    }
    open = null;
    drafts.push(...pendingNotes);
    pendingNotes = [];
  };

  const headingLevel = (current: FlowLine): number | null => {
    const { line } = current;
    const rank = style.headingSizes.indexOf(roundSize(line.fontSize));
    if (rank >= 0) return Math.min(6, rank + 1);
    const bodySized = Math.abs(line.fontSize - style.bodySize) < style.bodySize * (HEADING_SIZE - 1);
    const short = line.right - current.left < BOLD_HEADING_WIDTH * (current.right - current.left);
    return line.bold && bodySized && short && !/[.,;]$/.test(line.text) ? Math.min(6, style.headingSizes.length + 1) : null;
  };

  /** Whether the line cannot continue the open block as one more line of it. */
  const startsBlock = (current: FlowLine, page: number, level: number | null): boolean => {
    if (!open) return true;
    const previous = open.last;
    const { line } = current;
    const em = line.fontSize;
    const sameFlow = open.lastPage === page && previous.flow === current.flow;
    const gap = previous.line.y - line.y;
    if (sameFlow && (gap <= 0 || gap > em * style.leading * PARAGRAPH_GAP)) return true;
    // A page without text in between (a scanned insert) leaves out what joined the two.
    if (page > open.lastPage + 1) return true;
    if (open.kind === 'heading' || level !== null) return open.kind !== 'heading' || open.level !== level || !sameFlow;
    if (Math.abs(line.fontSize - previous.line.fontSize) > 0.1 * Math.max(line.fontSize, previous.line.fontSize)) return true;
    const hanging = open.kind === 'listItem' && line.x > (listIndents[listIndents.length - 1] ?? Infinity) + INDENT * em;
    const indented = line.x > current.left + INDENT * em && (!sameFlow || line.x > previous.line.x + INDENT * em);
    if (indented && !hanging) return true;
    return SENTENCE_END.test(previous.line.text) && previous.right - previous.line.right > firstWordWidth(line);
  };

  pages.forEach((page, pageIndex) => {
    const { body, notes } = splitFootnotes(page, style);
    for (const current of body) {
      const level = headingLevel(current);
      const breaks = startsBlock(current, pageIndex, level);
      const item = level === null ? splitListMarker(current.line.text) : null;
      const inList = open?.kind === 'listItem';
      if (item && (item.certain || breaks || inList)) {
        close();
        const em = current.line.fontSize;
        while (listIndents.length > 0 && listIndents[listIndents.length - 1]! > current.line.x + INDENT * em) listIndents.pop();
        if (listIndents.length === 0 || current.line.x > listIndents[listIndents.length - 1]! + INDENT * em) listIndents.push(current.line.x);
        open = { kind: 'listItem', marker: item.marker, depth: listIndents.length - 1, text: item.text, pages: [{ page: pageIndex, at: blockOffset(0) }], last: current, lastPage: pageIndex };
      } else if (breaks) {
        close();
        listIndents.length = 0;
        open = { kind: level === null ? 'paragraph' : 'heading', ...(level !== null && { level }), text: current.line.text, pages: [{ page: pageIndex, at: blockOffset(0) }], last: current, lastPage: pageIndex };
      } else {
        const block: OpenBlock = open!;
        const joint = lineJoint(block.text, current.line.text, forms);
        block.text = block.text.slice(0, joint.keep) + joint.separator + current.line.text;
        if (block.lastPage !== pageIndex) block.pages.push({ page: pageIndex, at: blockOffset(joint.keep) });
        block.last = current;
        block.lastPage = pageIndex;
      }
    }
    pendingNotes.push(...noteDrafts(notes, pageIndex, forms));
    if (!open) close();
  });
  close();
  return drafts;
}

/** A page's footnote lines as note blocks: a line starting with a number starts a note. */
function noteDrafts(lines: readonly FlowLine[], page: number, forms: ReadonlySet<string>): PdfDraft[] {
  const notes: { note: number; text: string }[] = [];
  for (const { line } of lines) {
    const numbered = NOTE_NUMBER.exec(line.text);
    const last = notes[notes.length - 1];
    if (numbered) {
      notes.push({ note: Number(numbered[1]), text: numbered[2]! });
    } else if (last) {
      const joint = lineJoint(last.text, line.text, forms);
      last.text = last.text.slice(0, joint.keep) + joint.separator + line.text;
    }
  }
  return notes.map(({ note, text }) => ({ block: { kind: 'note', note, text, marks: [] }, pages: [{ page, at: blockOffset(0) }] }));
}
