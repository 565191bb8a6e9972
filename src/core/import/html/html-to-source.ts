import { assembleSource } from '../../document/assemble-source';
import type { DraftBlock } from '../../document/draft-block';
import { normaliseHeading } from '../../document/report-apparatus';
import type { ParsedSource } from '../../model/source';
import { BlockWriter } from './block-writer';
import type { BlockAttrs } from './block-writer';
import { planFootnotes } from './footnotes';
import type { FootnotePlan, PlannedNote } from './footnotes';
import { attrTokens, textContent } from './html-node';
import type { HtmlDocument, HtmlElement, HtmlNode } from './html-node';
import { resolveInternalHref } from './resolve-href';

export interface HtmlConversion {
  readonly parsed: ParsedSource;
  readonly warnings: readonly string[];
}

/** Elements with nothing to read: code, media, form controls, and a page's or book's navigation. */
const SKIPPED = new Set([
  'head', 'title', 'meta', 'link', 'base', 'script', 'style', 'noscript', 'template', 'nav', 'img', 'picture', 'svg', 'math',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'video', 'audio', 'canvas', 'source', 'track', 'map', 'area', 'form',
  'button', 'input', 'select', 'option', 'optgroup', 'textarea', 'hr', 'wbr', 'colgroup', 'col', 'rp',
]);
/** Block containers whose children each stand on their own. */
const CONTAINERS = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'address', 'dl', 'dt', 'dd',
  'details', 'summary', 'center', 'hgroup', 'fieldset', 'legend', 'dialog', 'search', 'p', 'figcaption', 'caption',
  'table', 'thead', 'tbody', 'tfoot',
]);
const HEADING = /^h([1-6])$/;
const LIST = new Set(['ul', 'ol', 'menu']);
const NOTES_HEADINGS = new Set(['notes', 'endnotes', 'footnotes']);
const LINKABLE = /^(?:https?:\/\/|mailto:)\S/i;
/** A back-link's arrow, with or without the variation selector that asks for text or emoji style. */
const ARROWS = /^(?:\s|[↑↩⤴⬆^]|\uFE0E|\uFE0F)*$/;
const PARAGRAPH: BlockAttrs = { kind: 'paragraph' };

/**
 * How the element being read lays out its children: `flow` gives every block child a block of its
 * own; a list item keeps its paragraphs in one block but gives nested lists their own; anything
 * else (a heading, a note, a table cell) keeps all of its text in one block.
 */
type Layout = 'flow' | 'item' | 'single';

interface Context {
  readonly out: BlockWriter;
  readonly layout: Layout;
  /** What a paragraph in this context becomes, and what to go back to after a nested block. */
  readonly attrs: BlockAttrs;
  readonly depth: number;
  readonly pre: boolean;
  readonly path: string;
  readonly note: PlannedNote | null;
  /** Line breaks inside a table cell, which must stay on its row's one line, are spaces. */
  readonly breakAs: string;
}

/**
 * Turns sanitised HTML documents (a page, a Word file, an EPUB's chapters in reading order) into
 * the Source model. Notes are taken out of the flow and put, numbered by first reference, at the
 * end under a notes heading, like the bundled report, so the reader links them both ways.
 */
export function htmlToSource(documents: readonly HtmlDocument[]): HtmlConversion {
  const plan = planFootnotes(documents);
  const reader = new TreeReader(plan);
  const body = new BlockWriter(PARAGRAPH);
  for (const { path, root } of documents) {
    reader.read(root, { out: body, layout: 'flow', attrs: PARAGRAPH, depth: 0, pre: false, path, note: null, breakAs: '\n' });
    body.flush();
  }
  const notes = plan.notes.flatMap((note) => reader.readNote(note));
  const drafts = notes.length === 0 ? body.blocks : [...withNotesHeading(body.blocks), ...notes];
  const missing = [...plan.refs.values()].filter((ref) => ref === 'missing').length;
  return { parsed: assembleSource(drafts), warnings: missing === 0 ? [] : [missingNotesWarning(missing)] };
}

function missingNotesWarning(count: number): string {
  return count === 1
    ? 'A footnote marker points at a note that is not in the file, so it was kept as plain text.'
    : `${count} footnote markers point at notes that are not in the file, so they were kept as plain text.`;
}

const isNotesHeading = (block: DraftBlock) => block.kind === 'heading' && NOTES_HEADINGS.has(normaliseHeading(block.text));

/**
 * The body, ready for the notes to follow. When its last section is headed "Notes" (an EPUB's
 * endnotes document, read last), they go there. Otherwise they get a heading of their own: that of
 * a "Notes" section left empty once its notes were taken out (dropped where it was), else "Notes".
 */
function withNotesHeading(body: readonly DraftBlock[]): DraftBlock[] {
  const last = body.filter((block) => block.kind === 'heading').at(-1);
  if (last && isNotesHeading(last)) return [...body];
  let heading: DraftBlock = { kind: 'heading', level: 2, text: 'Notes', marks: [] };
  let found = false;
  const kept = body.filter((block, i) => {
    if (!isNotesHeading(block)) return true;
    const next = body[i + 1];
    if (next !== undefined && !(next.kind === 'heading' && (next.level ?? 1) <= (block.level ?? 1))) return true;
    if (!found) heading = block;
    found = true;
    return false;
  });
  return [...kept, heading];
}

class TreeReader {
  constructor(private readonly plan: FootnotePlan) {}

  readNote(note: PlannedNote): DraftBlock[] {
    const out = new BlockWriter({ kind: 'note', note: note.number });
    const context: Context = { out, layout: 'single', attrs: out.attrs, depth: 0, pre: false, path: note.path, note, breakAs: '\n' };
    this.readChildren(note.element, context);
    out.flush();
    return out.blocks;
  }

  read(node: HtmlNode, context: Context): void {
    if (node.kind === 'text') {
      context.out.appendText(context.note && context.out.isEmpty ? withoutLabel(node.text, context.note) : node.text, context.pre);
      return;
    }
    if (this.skips(node, context)) return;
    const heading = HEADING.exec(node.tag);
    if (node.tag === 'a') this.readLink(node, context);
    else if (node.tag === 'br') this.readLineBreak(context);
    else if (node.tag === 'b' || node.tag === 'strong') this.readMarked(node, context, { kind: 'bold' });
    else if (node.tag === 'i' || node.tag === 'em' || node.tag === 'cite') this.readMarked(node, context, { kind: 'italic' });
    else if (node.tag === 'tr') this.readRow(node, context);
    else if (LIST.has(node.tag)) this.readList(node, context);
    else if (node.tag === 'li') this.readListItem(node, context, '•');
    else if (heading) this.readBlock(node, context, { kind: 'heading', level: Number(heading[1]) });
    else if (node.tag === 'blockquote') this.readBlock(node, context, { ...context.attrs, kind: context.attrs.kind === 'paragraph' ? 'quote' : context.attrs.kind });
    else if (node.tag === 'pre') this.readBlock(node, { ...context, pre: true }, context.attrs);
    else if (CONTAINERS.has(node.tag)) this.readBlock(node, context, context.attrs);
    else this.readChildren(node, context);
  }

  private skips(element: HtmlElement, context: Context): boolean {
    if (SKIPPED.has(element.tag) || element.attrs.hidden !== undefined || isPageBreak(element)) return true;
    if (this.plan.noteElements.has(element)) return true;
    return context.note !== null && context.out.isEmpty && isLabel(element, context.note);
  }

  private readLineBreak(context: Context): void {
    if (context.breakAs === '\n') context.out.lineBreak();
    else context.out.softBreak(context.breakAs);
  }

  private readChildren(element: HtmlElement, context: Context): void {
    for (const child of element.children) this.read(child, context);
  }

  /** A block element: its own block (or blocks) in a flow; a line of the enclosing block otherwise. */
  private readBlock(element: HtmlElement, context: Context, attrs: BlockAttrs): void {
    const { out } = context;
    if (context.layout !== 'flow') {
      out.softBreak(context.breakAs);
      this.readChildren(element, context);
      out.softBreak(context.breakAs);
      return;
    }
    out.flush();
    out.attrs = attrs;
    const layout: Layout = attrs.kind === 'heading' || context.pre ? 'single' : 'flow';
    this.readChildren(element, { ...context, layout, attrs });
    out.flush();
    out.attrs = context.attrs;
  }

  private readList(list: HtmlElement, context: Context): void {
    if (context.layout === 'single') {
      this.readBlock(list, context, context.attrs);
      return;
    }
    const { out } = context;
    out.flush();
    const ordered = list.tag === 'ol';
    let counter = Number.parseInt(list.attrs.start ?? '1', 10);
    if (Number.isNaN(counter)) counter = 1;
    const depth = context.layout === 'item' ? context.depth + 1 : context.depth;
    const inList: Context = { ...context, layout: 'flow', depth };
    for (const child of list.children) {
      if (child.kind === 'element' && child.tag === 'li') {
        if (this.skips(child, inList)) continue;
        const value = Number.parseInt(child.attrs.value ?? '', 10);
        if (!Number.isNaN(value)) counter = value;
        this.readListItem(child, inList, ordered ? `${counter}.` : '•');
        counter += 1;
      } else {
        this.read(child, inList);
      }
    }
    out.flush();
    out.attrs = context.attrs;
  }

  private readListItem(item: HtmlElement, context: Context, marker: string): void {
    if (context.layout === 'single') {
      this.readBlock(item, context, context.attrs);
      return;
    }
    const { out } = context;
    out.flush();
    const attrs: BlockAttrs = { kind: 'listItem', depth: context.depth, marker };
    // Text after a nested list continues the item: same depth, no second marker.
    const continued: BlockAttrs = { ...attrs, marker: '' };
    out.attrs = attrs;
    for (const child of item.children) this.read(child, { ...context, layout: 'item', attrs: continued });
    out.flush();
    out.attrs = context.attrs;
  }

  /** A table row is one paragraph, its cells joined by " | "; empty cells are left out. */
  private readRow(row: HtmlElement, context: Context): void {
    const cells = row.children.flatMap((cell) => {
      if (cell.kind !== 'element') return [];
      const out = new BlockWriter(PARAGRAPH);
      this.readChildren(cell, { ...context, out, layout: 'single', attrs: PARAGRAPH, breakAs: ' ' });
      const text = out.take();
      return text.text === '' ? [] : [text];
    });
    if (cells.length === 0) return;
    const { out } = context;
    if (context.layout === 'flow') out.flush();
    else out.softBreak(context.breakAs);
    cells.forEach((cell, i) => {
      if (i > 0) out.appendText(' | ', false);
      out.appendDraft(cell);
    });
    if (context.layout === 'flow') out.flush();
    else out.softBreak(context.breakAs);
  }

  private readMarked(element: HtmlElement, context: Context, mark: { kind: 'bold' | 'italic' } | { kind: 'link'; href: string }): void {
    const open = context.out.openMark(mark);
    this.readChildren(element, context);
    context.out.closeMark(open);
  }

  private readLink(link: HtmlElement, context: Context): void {
    const ref = this.plan.refs.get(link);
    if (typeof ref === 'number') {
      context.out.appendFootnoteRef(ref);
      return;
    }
    if (context.note && ref === undefined && this.isBackLink(link, context.path)) return;
    const href = (link.attrs.href ?? '').trim();
    if (ref === undefined && LINKABLE.test(href)) this.readMarked(link, context, { kind: 'link', href });
    else this.readChildren(link, context);
  }

  private isBackLink(link: HtmlElement, path: string): boolean {
    if (attrTokens(link, 'role').includes('doc-backlink') || attrTokens(link, 'epub:type').includes('backlink')) return true;
    if (ARROWS.test(textContent(link))) return true;
    const target = resolveInternalHref(path, link.attrs.href ?? '');
    return target !== null && this.plan.refKeys.has(`${target.path}#${target.fragment}`);
  }
}

function isPageBreak(element: HtmlElement): boolean {
  return attrTokens(element, 'epub:type').includes('pagebreak') || attrTokens(element, 'role').includes('doc-pagebreak');
}

const LABEL_TEXT = /^\s*[[(]?(\d{1,4})[\])]?[.:)]?\s*$/;

/** An element at a note's start that holds only its printed number ("<sup>1</sup>", "<a>[1]</a>"). */
function isLabel(element: HtmlElement, note: PlannedNote): boolean {
  if (!['a', 'sup', 'span', 'b', 'strong', 'small', 'em', 'i'].includes(element.tag)) return false;
  const label = LABEL_TEXT.exec(textContent(element))?.[1];
  return label !== undefined && (note.labels.has(label) || Number(label) === note.number);
}

/** A note's text starting with its printed number ("1. The text"): the number is its marker, not its text. */
function withoutLabel(text: string, note: PlannedNote): string {
  const match = /^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])[.:]?(?=\s|$)/.exec(text);
  const label = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
  return match && label !== undefined && (note.labels.has(label) || Number(label) === note.number) ? text.slice(match[0].length) : text;
}
