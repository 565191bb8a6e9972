import { mergeAttributes, Node } from '@tiptap/core';
import { CITATION_NODE, type CitationAttrs } from '../../core/model/memo';

/** A citation's attribute as `data-*` on its HTML (for copy and paste between memos), read back the same way. */
const dataAttribute = (name: keyof CitationAttrs, html: string, fallback: string | null) => ({
  default: fallback,
  parseHTML: (element: HTMLElement) => element.getAttribute(html) ?? fallback,
  renderHTML: (attributes: Record<string, unknown>) => ({ [html]: String(attributes[name] ?? '') }),
});

/** The attributes of a citation node: set only from CitationAttrs, from parseHTML, or from a memo that passed checkMemoDoc. */
export const citationAttrs = (attrs: Record<string, unknown>): CitationAttrs => attrs as unknown as CitationAttrs;

/**
 * A citation in a memo: an inline leaf that refers to a highlight by id and keeps the last known
 * quote and source, so it still says what it cited if the highlight goes. Shown inline or as a
 * block quote (its `display`); the editor adds the node view that draws it.
 */
export const CitationNode = Node.create({
  name: CITATION_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      highlightId: dataAttribute('highlightId', 'data-highlight-id', null),
      display: {
        default: 'inline',
        parseHTML: (element: HTMLElement) => (element.getAttribute('data-display') === 'block' ? 'block' : 'inline'),
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-display': attributes['display'] === 'block' ? 'block' : 'inline' }),
      },
      quote: dataAttribute('quote', 'data-quote', ''),
      sourceId: dataAttribute('sourceId', 'data-source-id', null),
    };
  },

  parseHTML() {
    // Pasted HTML without the highlight and source a citation needs is not a citation.
    return [{ tag: 'span[data-citation][data-highlight-id][data-source-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-citation': '' }, HTMLAttributes), `“${String(node.attrs['quote'])}”`];
  },

  renderText({ node }) {
    return `“${String(node.attrs['quote'])}”`;
  },
});
