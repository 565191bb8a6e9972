import { trimRuns } from './trim-runs';
import { CITATION_NODE, type CitationAttrs, type MemoNode } from '../model/memo';
import { readCitationAttrs } from './memo-schema';
import { inlineMarkdown, nodeMarks, textSegments, type Segment } from './inline-markdown';

/**
 * What a citation writes: the words it quotes and its footnote reference (`[^3]`); and, for an
 * export that shows a block citation its own way (an Obsidian callout), the lines of that block.
 */
export type Cite = (citation: CitationAttrs) => { readonly quote: string; readonly reference: string; readonly block?: readonly string[] };

/**
 * A memo's blocks as lines of CommonMark, blocks separated by a blank line. A citation shown as a
 * block becomes a block quote of its own (splitting the paragraph around it, if it shares one);
 * an inline citation is its quote in quotation marks. Either is followed by its footnote reference.
 */
export function blocksMarkdown(nodes: readonly MemoNode[], cite: Cite): string[] {
  const rendered: string[][] = [];
  let previousList: { readonly type: string; readonly variant: number } | null = null;
  for (const node of nodes) {
    const isList = node.type === 'bulletList' || node.type === 'orderedList';
    // Two lists of one kind in a row would merge into one: alternate their markers.
    const variant: number = isList && previousList?.type === node.type ? 1 - previousList.variant : 0;
    previousList = isList ? { type: node.type, variant } : null;
    rendered.push(...blockMarkdown(node, cite, variant));
  }
  return rendered.filter((lines) => lines.length > 0).flatMap((lines, i) => (i === 0 ? lines : ['', ...lines]));
}

/** One memo block as one or more Markdown blocks (a paragraph splits around block citations). */
function blockMarkdown(node: MemoNode, cite: Cite, variant: number): string[][] {
  const content = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return paragraphMarkdown(content, cite);
    case 'heading': {
      const segments = content.flatMap((child) => inlineSegments(child, cite));
      if (!hasWords(segments)) return [];
      return [[`${'#'.repeat(Number(node.attrs?.['level']))} ${inlineMarkdown(segments, 'one-line').join('')}`]];
    }
    case 'blockquote': {
      const inner = blocksMarkdown(content, cite);
      return inner.length === 0 ? [] : [inner.map((line) => (line === '' ? '>' : `> ${line}`))];
    }
    case 'bulletList':
    case 'orderedList':
      return [listMarkdown(node, cite, variant)];
    case 'codeBlock':
      return [codeBlockMarkdown(node)];
    case 'horizontalRule':
      // Underscores: `---` or `***` could merge with a list marker into one rule ("- ---", "* ***").
      return [['___']];
    default:
      throw new Error(`A memo block of type “${node.type}” cannot be exported; checkMemoDoc admits none.`);
  }
}

function paragraphMarkdown(content: readonly MemoNode[], cite: Cite): string[][] {
  const blocks: string[][] = [];
  let run: Segment[] = [];
  const endRun = (): void => {
    if (hasWords(run)) blocks.push(inlineMarkdown(run, 'hard'));
    run = [];
  };
  let afterBlock = false;
  for (const node of content) {
    const citation = node.type === CITATION_NODE ? readCitationAttrs(node.attrs) : null;
    if (citation?.display === 'block') {
      // The whitespace between a block citation and the text beside it only separated them.
      run = trimRuns(run, 'end');
      endRun();
      blocks.push(blockCitation(citation, cite));
      afterBlock = true;
    } else {
      run.push(...inlineSegments(node, cite));
      if (afterBlock) run = trimRuns(run, 'start');
      afterBlock = afterBlock && run.length === 0;
    }
  }
  endRun();
  return blocks;
}

function inlineSegments(node: MemoNode, cite: Cite): Segment[] {
  switch (node.type) {
    case 'text':
      return textSegments(node.text ?? '', nodeMarks(node));
    case 'hardBreak':
      return [{ kind: 'break' }];
    case CITATION_NODE: {
      const citation = readCitationAttrs(node.attrs);
      if (citation === null) throw new Error('A citation without its attributes cannot be exported; checkMemoDoc admits none.');
      const { quote, reference } = cite(citation);
      return [...textSegments(`“${quote}”`), { kind: 'markdown', markdown: reference }];
    }
    default:
      throw new Error(`An inline node of type “${node.type}” cannot be exported; checkMemoDoc admits none.`);
  }
}

/**
 * A citation shown as a block: a block quote of the passage, its paragraphs (text between blank
 * lines) as paragraphs of the quote, and the footnote reference at its end.
 */
function blockCitation(citation: CitationAttrs, cite: Cite): string[] {
  const { quote, reference, block } = cite(citation);
  if (block !== undefined) return [...block];
  const parts = quote.split('\n\n');
  // A part that is blank or starts or ends with a line break would lose it at the paragraph's edge: keep one paragraph then.
  const paragraphs = parts.every((p) => p.trim() !== '' && !p.startsWith('\n') && !p.endsWith('\n')) ? parts : [quote];
  const lines = paragraphs.flatMap((paragraph, i) => {
    const segments: Segment[] = textSegments(paragraph);
    if (i === paragraphs.length - 1) segments.push({ kind: 'markdown', markdown: reference });
    return [...(i === 0 ? [] : ['']), ...inlineMarkdown(segments, 'hard')];
  });
  return lines.map((line) => (line === '' ? '>' : `> ${line}`));
}

/** True when the segments hold something to show: not only whitespace and line breaks. */
function hasWords(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.kind === 'markdown' || (s.kind === 'text' && s.text.trim() !== ''));
}

function listMarkdown(node: MemoNode, cite: Cite, variant: number): string[] {
  const ordered = node.type === 'orderedList';
  const startAttr = node.attrs?.['start'];
  const start = ordered && typeof startAttr === 'number' ? startAttr : 1;
  const items = (node.content ?? []).map((item, i) => {
    const marker = ordered ? `${start + i}${variant === 0 ? '.' : ')'}` : variant === 0 ? '-' : '*';
    const lines = blocksMarkdown(item.content ?? [], cite);
    if (lines.length === 0) return [marker];
    const indent = ' '.repeat(marker.length + 1);
    return lines.map((line, j) => (j === 0 ? `${marker} ${line}` : line === '' ? '' : `${indent}${line}`));
  });
  // A list is loose (blank lines between items) when any item holds more than one block.
  const loose = items.some((lines) => lines.includes(''));
  return items.flatMap((lines, i) => (i > 0 && loose ? ['', ...lines] : lines));
}

function codeBlockMarkdown(node: MemoNode): string[] {
  const code = (node.content ?? []).map((child) => child.text ?? '').join('');
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const language = node.attrs?.['language'];
  const info = typeof language === 'string' && /^[^\s`]+$/.test(language) ? language : '';
  return [`${fence}${info}`, ...(code === '' ? [] : code.split('\n')), fence];
}
