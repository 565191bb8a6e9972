import { blockOffset, joinDraftTexts } from '../../document/draft-block';
import type { DraftBlock, DraftMark, DraftText } from '../../document/draft-block';
import type { BlockKind } from '../../model/source';

/** What a block is, apart from its text: set by the element that opens it. */
export interface BlockAttrs {
  readonly kind: BlockKind;
  readonly level?: number;
  readonly depth?: number;
  readonly marker?: string;
  readonly note?: number;
}

type SpanMark = { readonly kind: 'bold' | 'italic' } | { readonly kind: 'link'; readonly href: string };

interface OpenMark {
  readonly mark: SpanMark;
  start: number;
}

/** Whitespace a browser collapses; NBSP joins it so that "10&nbsp;km" is found by a search for "10 km". */
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/g;
const SOFT_HYPHEN = /\u00ad/g;
const BLANK_LINES = /\n(?:[ \t]*\n)+/g;
const MARK_ORDER: Readonly<Record<DraftMark['kind'], number>> = { link: 0, bold: 1, italic: 2, footnoteRef: 3 };

/**
 * Collects the text of the block being read, the way a browser lays it out: collapsible
 * whitespace becomes one space, dropped at line and block edges; `<pre>` text is kept as written.
 * A block's text never holds a blank line, so paragraphs split there (old pages separate
 * paragraphs with `<br><br>`) and other blocks keep a single line break.
 */
export class BlockWriter {
  readonly blocks: DraftBlock[] = [];
  attrs: BlockAttrs;
  private text = '';
  private marks: DraftMark[] = [];
  private readonly open: OpenMark[] = [];
  private pendingSpace = false;

  constructor(attrs: BlockAttrs) {
    this.attrs = attrs;
  }

  get isEmpty(): boolean {
    return this.text.trim() === '';
  }

  appendText(raw: string, pre: boolean): void {
    const cleaned = raw.replace(SOFT_HYPHEN, '');
    if (pre) {
      this.put(cleaned.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' '));
      return;
    }
    const collapsed = cleaned.replace(COLLAPSIBLE, ' ');
    const content = collapsed.trim();
    if (content === '') {
      if (collapsed !== '') this.pendingSpace = true;
      return;
    }
    if (collapsed.startsWith(' ')) this.pendingSpace = true;
    this.put(content);
    this.pendingSpace = collapsed.endsWith(' ');
  }

  /** A `<br>`: always a line break, so that two of them make a paragraph break. */
  lineBreak(): void {
    this.pendingSpace = false;
    this.text += '\n';
  }

  /** The edge of a block element inside a block that keeps one text (a list item's paragraphs). */
  softBreak(separator: string): void {
    this.pendingSpace = false;
    if (this.text !== '' && !this.text.endsWith('\n') && !this.text.endsWith(separator)) this.text += separator;
  }

  appendDraft(draft: DraftText): void {
    const start = this.put(draft.text);
    this.marks.push(...draft.marks.map((mark) => ({ ...mark, start: blockOffset(mark.start + start), end: blockOffset(mark.end + start) })));
  }

  appendFootnoteRef(note: number): void {
    const start = this.put(String(note));
    this.marks.push({ kind: 'footnoteRef', note, start: blockOffset(start), end: blockOffset(this.text.length) });
  }

  openMark(mark: SpanMark): OpenMark {
    const open = { mark, start: this.text.length };
    this.open.push(open);
    return open;
  }

  closeMark(open: OpenMark): void {
    const index = this.open.lastIndexOf(open);
    if (index >= 0) this.open.splice(index, 1);
    this.pushMark(open, this.text.length);
  }

  /** Ends the current block; marks still open carry over to the next one. */
  flush(): void {
    for (const open of this.open) {
      this.pushMark(open, this.text.length);
      open.start = 0;
    }
    const parts = splitAtBlankLines({ text: this.text, marks: this.marks });
    this.text = '';
    this.marks = [];
    this.pendingSpace = false;
    if (parts.length === 0) return;
    const { kind } = this.attrs;
    const drafts = kind === 'paragraph' || kind === 'quote' ? parts : [joinDraftTexts(parts, '\n')];
    for (const draft of drafts) {
      const content = kind === 'heading' ? withoutWholeBold(draft) : draft;
      this.blocks.push({ ...this.attrs, text: content.text, marks: [...content.marks].sort(compareMarks) });
    }
  }

  /** The text gathered so far as one draft (a table cell), leaving the writer empty. */
  take(): DraftText {
    this.flush();
    return joinDraftTexts(this.blocks.splice(0), ' ');
  }

  private put(content: string): number {
    if (this.pendingSpace && this.text !== '' && !this.text.endsWith('\n')) this.text += ' ';
    this.pendingSpace = false;
    const start = this.text.length;
    this.text += content;
    return start;
  }

  private pushMark(open: OpenMark, end: number): void {
    if (end > open.start) this.marks.push({ ...open.mark, start: blockOffset(open.start), end: blockOffset(end) });
  }
}

function splitAtBlankLines(draft: DraftText): DraftText[] {
  const parts: DraftText[] = [];
  let from = 0;
  for (const match of draft.text.matchAll(BLANK_LINES)) {
    parts.push(cut(draft, from, match.index));
    from = match.index + match[0].length;
  }
  parts.push(cut(draft, from, draft.text.length));
  return parts.filter((part) => part.text !== '');
}

/** The trimmed text of [start, end), with marks clipped to it and kept off its edge whitespace. */
function cut(draft: DraftText, start: number, end: number): DraftText {
  while (start < end && /\s/.test(draft.text[start]!)) start += 1;
  while (end > start && /\s/.test(draft.text[end - 1]!)) end -= 1;
  const text = draft.text.slice(start, end);
  const marks: DraftMark[] = [];
  for (const mark of draft.marks) {
    let from = Math.max(mark.start, start) - start;
    let to = Math.min(mark.end, end) - start;
    while (from < to && /\s/.test(text[from]!)) from += 1;
    while (to > from && /\s/.test(text[to - 1]!)) to -= 1;
    if (to > from) marks.push({ ...mark, start: blockOffset(from), end: blockOffset(to) });
  }
  return { text, marks };
}

/** A heading is bold already: bold over all of it says nothing (as in parse-markdown). */
function withoutWholeBold(draft: DraftText): DraftText {
  return { text: draft.text, marks: draft.marks.filter((mark) => !(mark.kind === 'bold' && mark.start === 0 && mark.end === draft.text.length)) };
}

function compareMarks(a: DraftMark, b: DraftMark): number {
  return a.start - b.start || b.end - a.end || MARK_ORDER[a.kind] - MARK_ORDER[b.kind];
}
