import type { ReactNode } from 'react';
import type { InlineMark } from '../../core/model/source';
import { footnoteRefElementId, noteElementId } from './element-ids';
import { externalHref } from './external-link';
import { FootnoteMarker } from './FootnotePreview';
import type { InlineNode } from './inline-tree';
import type { SourceViewContext } from './source-view-context';

interface InlineContentProps {
  readonly nodes: readonly InlineNode[];
  readonly context: SourceViewContext;
}

/**
 * A block's inline content. Each run of canonical text is a span whose data-start is its
 * CharOffset (the contract of dom-offsets.ts); the text is only ever React text.
 */
export function InlineContent({ nodes, context }: InlineContentProps) {
  return nodes.map((node, i) =>
    node.kind === 'text' ? (
      <span key={i} data-start={node.start}>
        {context.text.slice(node.start, node.end)}
      </span>
    ) : (
      <MarkedContent key={i} mark={node.mark} context={context}>
        <InlineContent nodes={node.children} context={context} />
      </MarkedContent>
    ),
  );
}

interface MarkedContentProps {
  readonly mark: InlineMark;
  readonly context: SourceViewContext;
  readonly children: ReactNode;
}

function MarkedContent({ mark, context, children }: MarkedContentProps) {
  switch (mark.kind) {
    case 'bold':
      return <strong>{children}</strong>;
    case 'italic':
      return <em>{children}</em>;
    case 'link': {
      const href = externalHref(mark.href);
      // target=_blank lets both shells catch the navigation and hand it to the system browser.
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
          {children}
        </a>
      ) : (
        <span className="unfollowed-link" title={`Link not followed: ${mark.href}`}>
          {children}
        </span>
      );
    }
    case 'footnoteRef': {
      if (!context.footnotes.notes.has(mark.note)) return <sup className="footnote-ref">{children}</sup>;
      return (
        <FootnoteMarker
          note={mark.note}
          noteRange={context.footnotes.noteRange.get(mark.note)}
          text={context.text}
          id={footnoteRefElementId(context.scope, mark.range.start)}
          noteId={noteElementId(context.scope, mark.note)}
          navigate={context.navigate}
        >
          {children}
        </FootnoteMarker>
      );
    }
  }
}
