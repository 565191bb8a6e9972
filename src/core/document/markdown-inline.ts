import { blockOffset, shiftMark } from './draft-block';
import type { DraftMark, DraftText } from './draft-block';
import { delimiterRun, pairDelimiters, pairOrphanStrongCloser } from './emphasis-delimiters';
import type { DelimiterRun, EmphasisPair } from './emphasis-delimiters';
import { readEntity } from './html-entities';

/**
 * Reads the inline Markdown of one block into its displayed text and marks: emphasis, links,
 * autolinks, backslash escapes, entities, hard and soft line breaks, and the few HTML tags the
 * report uses (`<sup>`, `<b>`). Anything else is shown as written; no HTML ever reaches the
 * reader, which renders the text as text.
 */

interface InlineOptions {
  /** Off inside link texts that are bare URLs: underscores there are part of the address. */
  readonly emphasis: boolean;
  /** Only for a whole block, where "the start of the block" means something (see pairOrphanStrongCloser). */
  readonly repairOrphanCloser: boolean;
}

type Node =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'run'; readonly run: DelimiterRun; readonly index: number }
  | { readonly type: 'atom'; readonly content: DraftText; readonly mark: WrapMark | null };

/** A mark that covers a whole atom, e.g. a link around its text. */
type WrapMark = { readonly kind: 'bold' | 'italic' } | { readonly kind: 'link'; readonly href: string } | { readonly kind: 'footnoteRef'; readonly note: number };

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\*_<[&\n]/g;
const AUTOLINK = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/;
const HTML_OPEN = /^<(sup|b|strong|i|em)>/i;
const FOOTNOTE_NUMBER = /^\s*(\d{1,4})\s*$/;
const URL_LIKE = /^(?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/\S+$/;

export function parseInline(src: string): DraftText {
  return readInline(src.replace(/^[ \t\n]+|[ \t\n]+$/g, ''), { emphasis: true, repairOrphanCloser: true });
}

function readInline(src: string, options: InlineOptions): DraftText {
  const nodes: Node[] = [];
  const runs: DelimiterRun[] = [];
  let buffer = '';
  const flush = (): void => {
    if (buffer) nodes.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < src.length) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(src);
    const at = found ? found.index : src.length;
    buffer += src.slice(i, at);
    if (!found) break;
    i = at;
    const ch = src[i]!;
    if (ch === '\\') {
      const next = src[i + 1];
      if (next === '\n') {
        buffer += '\n';
        i = skipSpaces(src, i + 2);
      } else if (next !== undefined && ASCII_PUNCTUATION.test(next)) {
        buffer += next;
        i += 2;
      } else {
        buffer += ch;
        i += 1;
      }
    } else if (ch === '\n') {
      // Two or more spaces before a line end make a hard break; otherwise the lines were only wrapped.
      const hard = / {2,}$/.test(buffer);
      buffer = buffer.replace(/[ \t]+$/, '') + (hard ? '\n' : ' ');
      i = skipSpaces(src, i + 1);
    } else if (ch === '*' || ch === '_') {
      let end = i;
      while (src[end] === ch) end++;
      if (options.emphasis) {
        flush();
        const run = delimiterRun(ch, end - i, src[i - 1], src[end]);
        nodes.push({ type: 'run', run, index: runs.length });
        runs.push(run);
      } else {
        buffer += src.slice(i, end);
      }
      i = end;
    } else if (ch === '&') {
      const entity = readEntity(src.slice(i, i + 40));
      buffer += entity ? entity.text : ch;
      i += entity ? entity.length : 1;
    } else {
      const atom = ch === '<' ? readAngle(src, i, options) : readLink(src, i, options);
      if (atom) {
        flush();
        nodes.push(atom.node);
        i = atom.end;
      } else {
        buffer += ch;
        i += 1;
      }
    }
  }
  flush();
  const pairs = pairDelimiters(runs);
  const orphan = options.repairOrphanCloser ? pairOrphanStrongCloser(runs) : null;
  return linearize(nodes, orphan ? [...pairs, orphan] : pairs);
}

function skipSpaces(src: string, from: number): number {
  let i = from;
  while (src[i] === ' ' || src[i] === '\t') i++;
  return i;
}

interface ReadAtom {
  readonly node: Node;
  readonly end: number;
}

function readAngle(src: string, at: number, options: InlineOptions): ReadAtom | null {
  const rest = src.slice(at);
  const autolink = AUTOLINK.exec(rest);
  if (autolink) {
    const url = autolink[1]!;
    return { node: { type: 'atom', content: { text: url, marks: [] }, mark: { kind: 'link', href: url } }, end: at + autolink[0].length };
  }
  const open = HTML_OPEN.exec(rest);
  if (!open) return null;
  const tag = open[1]!.toLowerCase();
  const contentStart = at + open[0].length;
  const closing = new RegExp(`</${tag}>`, 'ig');
  closing.lastIndex = contentStart;
  const found = closing.exec(src);
  if (!found) return null;
  const close = found.index;
  const inner = src.slice(contentStart, close);
  const end = close + tag.length + 3;
  if (tag === 'sup') {
    const number = FOOTNOTE_NUMBER.exec(inner);
    if (number) {
      const digits = number[1]!;
      return { node: { type: 'atom', content: { text: digits, marks: [] }, mark: { kind: 'footnoteRef', note: Number(digits) } }, end };
    }
    // A superscript that is not a note number (the "th" of "29th"): keep its text, drop the tags.
    return { node: { type: 'atom', content: readInline(inner, nested(options)), mark: null }, end };
  }
  const kind = tag === 'b' || tag === 'strong' ? 'bold' : 'italic';
  return { node: { type: 'atom', content: readInline(inner, nested(options)), mark: { kind } }, end };
}

const nested = (options: InlineOptions): InlineOptions => ({ ...options, repairOrphanCloser: false });

/** `[text](destination "title")`; anything else starting with `[` is literal text. */
function readLink(src: string, at: number, options: InlineOptions): ReadAtom | null {
  const textEnd = matchingBracket(src, at);
  if (textEnd < 0 || src[textEnd + 1] !== '(') return null;
  const destination = readDestination(src, textEnd + 2);
  if (!destination) return null;
  const label = src.slice(at + 1, textEnd);
  const content = readInline(label, { emphasis: options.emphasis && !URL_LIKE.test(label), repairOrphanCloser: false });
  return { node: { type: 'atom', content, mark: { kind: 'link', href: destination.href } }, end: destination.end };
}

function matchingBracket(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function readDestination(src: string, from: number): { readonly href: string; readonly end: number } | null {
  let i = skipSpaces(src, from);
  let href: string;
  if (src[i] === '<') {
    const close = src.indexOf('>', i + 1);
    if (close < 0 || /[<\n]/.test(src.slice(i + 1, close))) return null;
    href = src.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    let parens = 0;
    for (; i < src.length; i++) {
      const ch = src[i]!;
      if (ch === '\\' && i + 1 < src.length) i++;
      else if (/\s/.test(ch)) break;
      else if (ch === '(') parens++;
      else if (ch === ')' && parens-- === 0) break;
    }
    href = src.slice(start, i);
  }
  i = skipSpaces(src, i);
  const quote = src[i];
  if (quote === '"' || quote === "'") {
    const close = src.indexOf(quote, i + 1);
    if (close < 0) return null;
    i = skipSpaces(src, close + 1);
  }
  if (src[i] !== ')') return null;
  return { href: unescape(href), end: i + 1 };
}

function linearize(nodes: readonly Node[], pairs: readonly EmphasisPair[]): DraftText {
  let text = '';
  const marks: DraftMark[] = [];
  const openAt = new Map<number, number>([[-1, 0]]);
  const closeAt = new Map<number, number>();
  for (const node of nodes) {
    if (node.type === 'text') {
      text += node.text;
    } else if (node.type === 'run') {
      // Pairs use a run's inner characters, so what is left of it is literal text between the
      // place where emphasis closes and the place where it opens.
      closeAt.set(node.index, text.length);
      text += node.run.char.repeat(node.run.remaining);
      openAt.set(node.index, text.length);
    } else {
      const start = text.length;
      text += node.content.text;
      marks.push(...node.content.marks.map((mark) => shiftMark(mark, start)));
      if (node.mark && text.length > start) {
        marks.push({ ...node.mark, start: blockOffset(start), end: blockOffset(text.length) });
      }
    }
  }
  for (const pair of pairs) {
    const start = openAt.get(pair.opener);
    const end = closeAt.get(pair.closer);
    if (start !== undefined && end !== undefined && end > start) {
      marks.push({ kind: pair.strong ? 'bold' : 'italic', start: blockOffset(start), end: blockOffset(end) });
    }
  }
  return { text, marks: marks.sort(compareMarks) };
}

const MARK_ORDER: Readonly<Record<DraftMark['kind'], number>> = { link: 0, bold: 1, italic: 2, footnoteRef: 3 };

/** Document order, outer marks first, so that equal inputs always give equal (golden) outputs. */
function compareMarks(a: DraftMark, b: DraftMark): number {
  return a.start - b.start || b.end - a.end || MARK_ORDER[a.kind] - MARK_ORDER[b.kind];
}
