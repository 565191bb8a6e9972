import { highlightId, sourceId } from '../model/ids';
import { CITATION_NODE, type CitationAttrs, type MemoDoc, type MemoNode } from '../model/memo';

/**
 * The node and mark types a memo may hold: the editor's (TipTap StarterKit, less underline and
 * strike, which Markdown cannot carry) plus citations. Memos arrive over the API and from disk,
 * so they are checked against this before they are stored or exported.
 */
export const MEMO_BLOCK_NODES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'codeBlock', 'horizontalRule'] as const;
export const MEMO_INLINE_NODES = ['text', 'hardBreak', CITATION_NODE] as const;
export const MEMO_MARKS = ['bold', 'italic', 'code', 'link'] as const;

export type MemoMark = (typeof MEMO_MARKS)[number];

/** At most this many problems are listed: past that, one more adds nothing a person can act on. */
const MAX_PROBLEMS = 20;
const MAX_DEPTH = 64;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** The attributes of a citation node, or null when they are not those of a citation. */
export function readCitationAttrs(attrs: unknown): CitationAttrs | null {
  if (!isRecord(attrs)) return null;
  const { highlightId: id, display, quote, sourceId: source } = attrs;
  if (!nonEmptyString(id) || (display !== 'inline' && display !== 'block') || typeof quote !== 'string' || !nonEmptyString(source)) return null;
  return { highlightId: highlightId(id), display, quote, sourceId: sourceId(source) };
}

/** `value` as a memo node when it has a node's shape (a type, and well-formed attrs, content, marks and text). */
function asNode(value: unknown): MemoNode | null {
  if (!isRecord(value) || typeof value['type'] !== 'string') return null;
  const { attrs, content, marks, text } = value;
  if (attrs !== undefined && !isRecord(attrs)) return null;
  if (content !== undefined && !Array.isArray(content)) return null;
  if (text !== undefined && typeof text !== 'string') return null;
  if (marks !== undefined && !(Array.isArray(marks) && marks.every((m) => isRecord(m) && typeof m['type'] === 'string' && (m['attrs'] === undefined || isRecord(m['attrs']))))) {
    return null;
  }
  // Checked field by field above.
  return value as unknown as MemoNode;
}

class DocChecker {
  readonly problems: string[] = [];

  problem(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${path}: ${message}`);
  }

  blocks(nodes: readonly unknown[] | undefined, path: string, depth: number): void {
    if (depth > MAX_DEPTH) return this.problem(path, `nests deeper than ${MAX_DEPTH} levels`);
    (nodes ?? []).forEach((value, i) => {
      const node = asNode(value);
      if (node === null) this.problem(`${path}.content[${i}]`, NOT_A_NODE);
      else this.block(node, `${path}.content[${i}]`, depth + 1);
    });
  }

  private block(node: MemoNode, path: string, depth: number): void {
    switch (node.type) {
      case 'paragraph':
        return this.inlines(node, path);
      case 'heading': {
        const level = node.attrs?.['level'];
        if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) this.problem(path, 'a heading needs a level from 1 to 6');
        return this.inlines(node, path);
      }
      case 'blockquote':
        return this.blocks(node.content, path, depth);
      case 'bulletList':
      case 'orderedList':
        return this.list(node, path, depth);
      case 'codeBlock':
        return this.codeBlock(node, path);
      case 'horizontalRule':
        if (node.content !== undefined && node.content.length > 0) this.problem(path, 'a horizontal rule holds no content');
        return;
      default:
        this.problem(path, `“${node.type}” cannot stand as a block of a memo (expected one of ${MEMO_BLOCK_NODES.join(', ')})`);
    }
  }

  private list(node: MemoNode, path: string, depth: number): void {
    const start = node.attrs?.['start'];
    if (node.type === 'orderedList' && start !== undefined && (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start > 999_999_999)) {
      this.problem(path, 'an ordered list starts at a whole number from 0 to 999999999');
    }
    (node.content ?? []).forEach((value, i) => {
      const itemPath = `${path}.content[${i}]`;
      const item = asNode(value);
      if (item === null) this.problem(itemPath, NOT_A_NODE);
      else if (item.type !== 'listItem') this.problem(itemPath, `a list holds list items, not “${item.type}”`);
      else this.blocks(item.content, itemPath, depth + 1);
    });
  }

  private codeBlock(node: MemoNode, path: string): void {
    const language = node.attrs?.['language'];
    if (language !== undefined && language !== null && typeof language !== 'string') this.problem(path, 'a code block’s language must be text');
    (node.content ?? []).forEach((value, i) => {
      const child = asNode(value);
      if (child?.type !== 'text' || typeof child.text !== 'string' || (child.marks ?? []).length > 0) {
        this.problem(`${path}.content[${i}]`, 'a code block holds plain text only');
      }
    });
  }

  private inlines(parent: MemoNode, path: string): void {
    (parent.content ?? []).forEach((value, i) => {
      const node = asNode(value);
      if (node === null) this.problem(`${path}.content[${i}]`, NOT_A_NODE);
      else this.inline(node, `${path}.content[${i}]`);
    });
  }

  private inline(node: MemoNode, path: string): void {
    switch (node.type) {
      case 'text':
        if (!nonEmptyString(node.text)) this.problem(path, 'a text node needs its text');
        return this.marks(node, path);
      case 'hardBreak':
        return;
      case CITATION_NODE:
        if (readCitationAttrs(node.attrs) === null) {
          this.problem(path, 'a citation needs a highlightId, a display of "inline" or "block", the quote and the sourceId');
        }
        return;
      default:
        this.problem(path, `“${node.type}” cannot stand inside a paragraph or heading (expected one of ${MEMO_INLINE_NODES.join(', ')})`);
    }
  }

  private marks(node: MemoNode, path: string): void {
    for (const mark of node.marks ?? []) {
      if (!(MEMO_MARKS as readonly string[]).includes(mark.type)) {
        this.problem(path, `the mark “${mark.type}” is not one a memo can hold (expected one of ${MEMO_MARKS.join(', ')})`);
      } else if (mark.type === 'link' && !nonEmptyString(mark.attrs?.['href'])) {
        this.problem(path, 'a link needs its href');
      }
    }
  }
}

const NOT_A_NODE = 'not a node (an object with a "type", and "attrs", "content", "marks" and "text" of the right kinds)';

/**
 * Every way `doc` (any JSON value: memos come over the API and from disk) departs from what a
 * memo may hold, each naming where ("doc.content[2]: …"); empty when it is a sound MemoDoc.
 */
export function checkMemoDoc(doc: unknown): readonly string[] {
  const checker = new DocChecker();
  const root = asNode(doc);
  if (root === null || root.type !== 'doc') checker.problem('doc', 'a memo’s body is an object of type "doc"');
  else checker.blocks(root.content, 'doc', 0);
  return checker.problems;
}

/** The citations of a memo in document order. */
export function memoCitations(doc: MemoDoc): CitationAttrs[] {
  const found: CitationAttrs[] = [];
  const visit = (node: MemoNode): void => {
    if (node.type === CITATION_NODE) {
      const attrs = readCitationAttrs(node.attrs);
      if (attrs !== null) found.push(attrs);
    }
    node.content?.forEach(visit);
  };
  visit(doc);
  return found;
}
