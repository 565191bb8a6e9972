import type { Highlight, Stance, Tag } from '../model/highlight';
import type { CharOffset, SourceId } from '../model/ids';
import { CITATION_NODE, type CitationAttrs, type MemoDoc, type MemoNode } from '../model/memo';

/** A highlight and where it now starts in its source's text (null when orphaned). */
export interface PlacedHighlight {
  readonly highlight: Highlight;
  readonly start: CharOffset | null;
}

/**
 * A tag to draft a section for, with its passages grouped by source (as highlights.byTag gives
 * them), and whether it is a recommendation, whose passages carry a stance.
 */
export interface DraftSection {
  readonly tag: Tag;
  readonly recommendation: boolean;
  readonly sources: readonly { readonly sourceId: SourceId; readonly title: string; readonly highlights: readonly PlacedHighlight[] }[];
}

const STANCE_LABEL: Readonly<Record<Stance, string>> = { supports: 'Supports', contradicts: 'Contradicts', context: 'Context' };

const text = (value: string, bold = false): MemoNode => (bold ? { type: 'text', text: value, marks: [{ type: 'bold' }] } : { type: 'text', text: value });
const heading = (level: number, value: string): MemoNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });

function citation(highlight: Highlight): MemoNode {
  const attrs: CitationAttrs = { highlightId: highlight.id, display: 'block', quote: highlight.target.quote.exact, sourceId: highlight.target.sourceId };
  return { type: CITATION_NODE, attrs: { ...attrs } };
}

/** Text order, orphans (no place in the text) last in the order they were made. */
const byPlace = (a: PlacedHighlight, b: PlacedHighlight): number =>
  (a.start ?? Number.POSITIVE_INFINITY) - (b.start ?? Number.POSITIVE_INFINITY) || a.highlight.created.localeCompare(b.highlight.created);

/**
 * A first draft of a memo: a section per tag (a recommendation's full text under its heading),
 * its passages grouped by source, each a citation shown as a block, in text order; for a
 * recommendation, each passage's stance in bold before it.
 */
export function draftMemoFromTags(sections: readonly DraftSection[]): MemoDoc {
  const content = sections.flatMap(({ tag, recommendation, sources }) => {
    const section: MemoNode[] = [heading(2, tag.name)];
    if (recommendation && tag.description.trim() !== '') section.push(paragraph(text(tag.description)));
    const cited = sources.filter((source) => source.highlights.length > 0);
    if (cited.length === 0) section.push(paragraph(text(`No passages are tagged “${tag.name}” yet.`)));
    for (const source of cited) {
      section.push(heading(3, source.title));
      for (const { highlight } of [...source.highlights].sort(byPlace)) {
        const stance = highlight.tags.find((t) => t.tagId === tag.id)?.stance;
        if (recommendation && stance !== undefined) section.push(paragraph(text(`${STANCE_LABEL[stance]}:`, true)));
        section.push(paragraph(citation(highlight)));
      }
    }
    return section;
  });
  return { type: 'doc', content };
}

/** "Memo from tags: TTP, ISKP". */
export const draftTitle = (tags: readonly Tag[]): string => `Memo from ${tags.length === 1 ? 'tag' : 'tags'}: ${tags.map((t) => t.name).join(', ')}`;
