import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import type { Block, BlockKind } from '../../core/model/source';
import { blockElementId, footnoteRefElementId, noteElementId } from './element-ids';
import { buildInlineTree } from './inline-tree';
import { InlineContent } from './InlineContent';
import { BLOCK_START_ATTRIBUTE } from './reading-anchor';
import type { SourceViewContext } from './source-view-context';

interface BlockViewProps {
  readonly index: number;
  readonly context: SourceViewContext;
}

/** The reader's title is the page's h1, so a source's own headings sit one level below it. */
function headingTag(level: number | undefined): 'h2' | 'h3' | 'h4' | 'h5' | 'h6' {
  const shifted = Math.min(Math.max((level ?? 1) + 1, 2), 6);
  return `h${shifted}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
}

/** What a page marker's tooltip calls a block of each kind. */
const BLOCK_NOUN: Readonly<Record<BlockKind, string>> = {
  heading: 'heading',
  paragraph: 'paragraph',
  listItem: 'item',
  quote: 'quotation',
  note: 'note',
  reference: 'reference',
  tocEntry: 'entry',
};

/**
 * The attributes marking a block that pages begin in: the labels for the margin marker, which
 * CSS draws from `data-page-start` (text in the block would shift every offset the reader maps
 * to the canonical text), `data-page-range` when several begin there (the marker then reads
 * "pp."), and a tooltip saying it in words.
 */
function pageStartAttributes(labels: readonly string[] | undefined, kind: BlockKind): Readonly<Record<string, string>> {
  const first = labels?.[0];
  if (labels === undefined || first === undefined) return {};
  const noun = BLOCK_NOUN[kind];
  if (labels.length === 1) return { 'data-page-start': first, title: `Page ${first} begins in this ${noun}` };
  const pages = `${first}–${labels.at(-1) ?? first}`;
  return { 'data-page-start': pages, 'data-page-range': '', title: `Pages ${pages} begin in this ${noun}` };
}

/** One block of a source. List items and table-of-contents entries render as `li`, inside their group. */
export function BlockView({ index, context }: BlockViewProps) {
  const block = context.blocks[index];
  if (!block) return null;
  const id = blockElementId(context.scope, index);
  const anchor = { [BLOCK_START_ATTRIBUTE]: block.range.start, ...pageStartAttributes(context.pageStarts?.get(index), block.kind) };
  const content = (marks: Block['marks'] = block.marks) => (
    <InlineContent nodes={buildInlineTree(block.range.start, block.range.end, marks)} context={context} />
  );

  switch (block.kind) {
    case 'heading': {
      const Heading = headingTag(block.level);
      return (
        <Heading id={id} className="source-heading" tabIndex={-1} {...anchor}>
          {content()}
        </Heading>
      );
    }
    case 'paragraph':
      return (
        <p id={id} className="source-paragraph" {...anchor}>
          {content()}
        </p>
      );
    case 'quote':
      return (
        <blockquote id={id} className="source-quote" {...anchor}>
          {content()}
        </blockquote>
      );
    case 'listItem':
      return (
        <li id={id} className="source-list-item" data-marker={block.marker ?? '•'} style={{ '--depth': block.depth ?? 0 } as CSSProperties} {...anchor}>
          {content()}
        </li>
      );
    case 'reference':
      return (
        <p id={id} className="source-reference" {...anchor}>
          {content()}
        </p>
      );
    case 'note':
      return <NoteView block={block} id={id} anchor={anchor} context={context} content={content()} />;
    case 'tocEntry': {
      // An entry is one link to its heading; links and markers inside it would nest links.
      const plain = block.marks.filter((m) => m.kind === 'bold' || m.kind === 'italic');
      const target = block.target;
      if (target === undefined || context.blocks[target]?.kind !== 'heading') {
        return (
          <li id={id} className="source-toc-entry" {...anchor}>
            {content(plain)}
          </li>
        );
      }
      const targetId = blockElementId(context.scope, target);
      const follow = (event: MouseEvent) => {
        event.preventDefault();
        context.navigate(targetId);
      };
      return (
        <li id={id} className="source-toc-entry" {...anchor}>
          <a href={`#${targetId}`} onClick={follow}>
            {content(plain)}
          </a>
        </li>
      );
    }
  }
}

interface NoteViewProps {
  readonly block: Block;
  readonly id: string;
  readonly anchor: Readonly<Record<string, string | number>>;
  readonly context: SourceViewContext;
  readonly content: ReactNode;
}

/** A note, with a back-link to the first place that cites it. */
function NoteView({ block, id, anchor, context, content }: NoteViewProps) {
  const note = block.note;
  const firstRef = note === undefined ? undefined : context.footnotes.firstRef.get(note);
  const refId = firstRef === undefined ? null : footnoteRefElementId(context.scope, firstRef);
  const back = (event: MouseEvent) => {
    event.preventDefault();
    if (refId) context.navigate(refId);
  };
  return (
    <p
      id={note === undefined ? id : noteElementId(context.scope, note)}
      className="source-note"
      role="note"
      aria-label={note === undefined ? undefined : `Note ${note}`}
      data-marker={note}
      tabIndex={-1}
      {...anchor}
    >
      {content}
      {refId && (
        <a className="note-back-link" href={`#${refId}`} aria-label={`Back to where note ${note} is cited`} onClick={back}>
          ↩
        </a>
      )}
    </p>
  );
}
