import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { CitationState } from '../../shared/api-contract';
import { useCitationContext } from './citation-context';
import { citationAttrs } from './citation-node';
import { compactSourceName } from './source-mark';

/** What a citation says of a passage that is not simply there any more. */
const STATE_BADGE: Readonly<Record<Exclude<CitationState, 'live'>, string>> = {
  deleted: 'passage no longer highlighted',
  'source-removed': 'source removed',
  orphan: 'orphaned',
  review: 'needs review',
};

const STATE_HELP: Readonly<Record<Exclude<CitationState, 'live'>, string>> = {
  deleted: 'The highlight was deleted; the citation keeps the quote it last had.',
  'source-removed': 'The source was removed from the library (it can be restored from the Library); the citation keeps the quote it last had.',
  orphan: 'The source changed and the passage is no longer found in it; the citation keeps the quote it last had.',
  review: 'The source changed around this passage; review the highlight to confirm where it now is.',
};

/**
 * A citation as the memo shows it: the quoted passage (inline in quotation marks, or as a block
 * quote), a compact mark naming the source, where the passage is and its grade, and a badge when the passage
 * is no longer simply there. The mark opens the source at the passage.
 */
export function CitationView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const { resolved, sources, open } = useCitationContext();
  const attrs = citationAttrs(node.attrs);
  const current = resolved.get(attrs.highlightId);
  const state = current?.state;
  // A live citation shows the passage as the source now has it; any other keeps what it cited.
  const quote = state === 'live' && current?.quote != null ? current.quote : attrs.quote;
  const source = sources.get(attrs.sourceId);
  const name = source ? compactSourceName(source) : (current?.sourceTitle ?? 'Unknown source');
  const placed = current?.location ? `${name} · ${current.location}` : name;
  // The Admiralty grade, as the Markdown footnote gives it: "… · Introduction, ¶ 4 [B2]".
  const mark = current?.grade ? `${placed} [${current.grade}]` : placed;
  const badge = state !== undefined && state !== 'live' ? state : null;
  const block = attrs.display === 'block';

  return (
    <NodeViewWrapper as="span" className="citation" data-display={attrs.display} data-state={state ?? 'loading'} data-selected={selected || undefined}>
      <span className="citation-quote">{block ? quote : `“${quote}”`}</span>{' '}
      <span className="citation-meta" contentEditable={false}>
        <button type="button" className="citation-mark" title={`Open ${source?.title ?? 'the source'} at this passage`} onClick={() => open(attrs, current)}>
          {mark}
        </button>
        {badge && (
          <span className="citation-badge" data-state={badge} title={STATE_HELP[badge]}>
            {STATE_BADGE[badge]}
          </span>
        )}
        {selected && (
          <button type="button" className="citation-display" onClick={() => updateAttributes({ display: block ? 'inline' : 'block' })}>
            {block ? 'Show inline' : 'Show as block'}
          </button>
        )}
      </span>
    </NodeViewWrapper>
  );
}
