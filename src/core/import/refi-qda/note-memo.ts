import { CITATION_NODE, type CitationAttrs, type MemoDoc, type MemoNode } from '../../model/memo';

/** A run of a note's text: words, and the citations found in them. */
type Parts = (string | CitationAttrs)[];

type NoteBlock =
  | { readonly kind: 'paragraph'; parts: Parts }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly start: number; readonly items: { parts: Parts }[] };

const BULLET = /^• /;
const NUMBER = /^(\d{1,9})\. /;

/**
 * A block of text as a list when it is written as one ("• item", "1. item", continuation lines
 * indented under the item's text, as Notebook's own export and many tools write lists), else as
 * a paragraph whose single line breaks are kept.
 */
function readBlock(block: string): NoteBlock {
  const lines = block.split('\n');
  const number = NUMBER.exec(lines[0] ?? '');
  const marker = BULLET.test(lines[0] ?? '') ? BULLET : number !== null ? NUMBER : null;
  if (marker === null) return { kind: 'paragraph', parts: [block] };
  const items: { lines: string[]; indent: string }[] = [];
  for (const line of lines) {
    const item = marker.exec(line);
    const last = items.at(-1);
    if (item !== null) items.push({ lines: [line.slice(item[0].length)], indent: ' '.repeat(item[0].length) });
    else if (last !== undefined && line.startsWith(last.indent)) last.lines.push(line.slice(last.indent.length));
    else return { kind: 'paragraph', parts: [block] };
  }
  return { kind: 'list', ordered: marker === NUMBER, start: number === null ? 1 : Number(number[1]), items: items.map((item) => ({ parts: [item.lines.join('\n')] })) };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `parts` with every quotation of the citation's quote (perhaps followed by its source in brackets) made the citation. */
function cite(parts: Parts, citation: CitationAttrs): { parts: Parts; found: boolean } {
  const words = citation.quote.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  if (words === '') return { parts, found: false };
  const quoted = new RegExp(`“${words}”(?: \\[[^\\]\\n]*\\])?`, 'g');
  let found = false;
  const cited = parts.flatMap((part): Parts => {
    if (typeof part !== 'string') return [part];
    const pieces: Parts = [];
    let at = 0;
    for (const match of part.matchAll(quoted)) {
      found = true;
      pieces.push(part.slice(at, match.index), { ...citation, display: 'inline' });
      at = match.index + match[0].length;
    }
    pieces.push(part.slice(at));
    return pieces.filter((piece) => piece !== '');
  });
  return { parts: cited, found };
}

/** A run of text as inline nodes: line breaks as hard breaks. */
function inlineNodes(parts: Parts): MemoNode[] {
  return parts.flatMap((part): MemoNode[] => {
    if (typeof part !== 'string') return [{ type: CITATION_NODE, attrs: { ...part } }];
    return part.split('\n').flatMap((line, i): MemoNode[] => [...(i === 0 ? [] : [{ type: 'hardBreak' }]), ...(line === '' ? [] : [{ type: 'text', text: line }])]);
  });
}

function memoBlock(block: NoteBlock): MemoNode {
  if (block.kind === 'paragraph') return { type: 'paragraph', content: inlineNodes(block.parts) };
  return {
    type: block.ordered ? 'orderedList' : 'bulletList',
    ...(block.ordered ? { attrs: { start: block.start } } : {}),
    content: block.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inlineNodes(item.parts) }] })),
  };
}

/**
 * A REFI-QDA note as a memo body: its paragraphs (blank lines between them; single line breaks
 * kept) and lists. A passage the note is attached to and quotes in quotation marks (“…”, perhaps
 * followed by its source in brackets, as Notebook's own export writes a citation) becomes a
 * citation in place; the others follow the text, each a citation standing as its own block.
 */
export function noteMemoDoc(text: string, citations: readonly CitationAttrs[]): MemoDoc {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.replace(/^\n+|\s+$/g, ''))
    .filter((block) => block.trim() !== '')
    .map(readBlock);
  const runs = blocks.flatMap((block) => (block.kind === 'paragraph' ? [block] : block.items));
  const standalone: NoteBlock[] = [];
  for (const citation of citations) {
    let found = false;
    for (const run of runs) {
      const cited = cite(run.parts, citation);
      run.parts = cited.parts;
      found ||= cited.found;
    }
    if (!found) standalone.push({ kind: 'paragraph', parts: [citation] });
  }
  const content = [...blocks, ...standalone].map(memoBlock);
  return { type: 'doc', content: content.length === 0 ? [{ type: 'paragraph' }] : content };
}
