import { trimRuns } from './trim-runs';
import { CITATION_NODE, type CitationAttrs, type Memo, type MemoNode } from '../model/memo';
import type { CitedPassage, MemoExportContext } from './cited-passage';
import { nodeMarks, textSegments, type Segment } from './inline-markdown';
import { readCitationAttrs } from './memo-schema';
import { displayTitle } from './memo-title';

/**
 * A memo laid out for a word processor, independent of any file format: paragraphs of styled runs,
 * each citation followed by a footnote of its own (Word numbers footnotes itself, one per
 * reference), and a bibliography. memo-docx.ts writes it as a .docx.
 */
export interface DocumentPlan {
  readonly title: string;
  readonly paragraphs: readonly PlanParagraph[];
  /** Footnote n (from 1) is `footnotes[n - 1]`: its paragraphs. */
  readonly footnotes: readonly (readonly PlanRun[][])[];
}

export type PlanRun =
  | { readonly kind: 'text'; readonly text: string; readonly bold: boolean; readonly italic: boolean; readonly code: boolean; readonly link: string | null }
  | { readonly kind: 'break' }
  | { readonly kind: 'footnote'; readonly footnote: number };

/** Where a paragraph sits in a list: the list (numbered apart from every other), its depth, and whether it carries the item's marker. */
export interface ListPlace {
  readonly list: number;
  readonly ordered: boolean;
  readonly start: number;
  readonly level: number;
  readonly marker: boolean;
}

/** How a paragraph is nested: inside how many block quotes, and in which list item (innermost). */
export interface Nesting {
  readonly quoteDepth: number;
  readonly list: ListPlace | null;
}

export type PlanParagraph =
  | { readonly kind: 'heading'; readonly level: number; readonly runs: readonly PlanRun[] }
  | ({ readonly kind: 'body'; readonly runs: readonly PlanRun[] } & Nesting)
  | ({ readonly kind: 'code'; readonly lines: readonly string[] } & Nesting)
  | ({ readonly kind: 'rule' } & Nesting);

const TOP: Nesting = { quoteDepth: 0, list: null };

/**
 * The plan of `memo`: its title, its blocks (a citation shown as a block becomes quoted paragraphs
 * of its own, splitting the paragraph around it; an inline one is its quote in quotation marks),
 * each citation's footnote in the memo's citation style (the source and where the passage is, its
 * grade and the source's notes), and the style's bibliography of every source cited.
 */
export function memoDocumentPlan(memo: Memo, context: Pick<MemoExportContext, 'passage' | 'notes'>): DocumentPlan {
  const planner = new Planner(context.passage);
  const paragraphs = planner.blocks(memo.doc.content ?? [], TOP);
  if (planner.cited.length === 0) return { title: displayTitle(memo.title), paragraphs, footnotes: [] };
  // Footnote n is the n-th citation's: Word numbers one footnote per reference, a repeat too.
  const notes = context.notes(planner.cited);
  if (notes.bibliography.length > 0) {
    paragraphs.push({ kind: 'heading', level: 1, runs: [plain(notes.bibliographyHeading)] });
    for (const entry of notes.bibliography) paragraphs.push({ kind: 'body', runs: planRuns(entry), ...TOP });
  }
  return { title: displayTitle(memo.title), paragraphs, footnotes: notes.footnotes.map((note) => note.map(planRuns)) };
}

class Planner {
  /** The passage of each citation, in document order: citation n has footnote n. */
  readonly cited: CitedPassage[] = [];
  #lists = 0;

  constructor(private readonly passage: (citation: CitationAttrs) => CitedPassage) {}

  blocks(nodes: readonly MemoNode[], nesting: Nesting): PlanParagraph[] {
    return nodes.flatMap((node) => this.block(node, nesting));
  }

  /** The quote of one citation, and the reference to its footnote. */
  cite(citation: CitationAttrs): { readonly quote: string; readonly footnote: PlanRun } {
    const passage = this.passage(citation);
    this.cited.push(passage);
    return { quote: passage.quote, footnote: { kind: 'footnote', footnote: this.cited.length } };
  }

  private block(node: MemoNode, nesting: Nesting): PlanParagraph[] {
    const content = node.content ?? [];
    switch (node.type) {
      case 'paragraph':
        return this.paragraph(content, nesting);
      case 'heading': {
        const runs = content.flatMap((child) => this.inline(child));
        return hasWords(runs) ? [{ kind: 'heading', level: Number(node.attrs?.['level']), runs }] : [];
      }
      case 'blockquote':
        return this.blocks(content, { ...nesting, quoteDepth: nesting.quoteDepth + 1 });
      case 'bulletList':
      case 'orderedList':
        return this.list(node, nesting);
      case 'codeBlock': {
        const code = content.map((child) => child.text ?? '').join('');
        return [{ kind: 'code', lines: code.split('\n'), ...nesting }];
      }
      case 'horizontalRule':
        return [{ kind: 'rule', ...nesting }];
      default:
        throw new Error(`A memo block of type “${node.type}” cannot be exported; checkMemoDoc admits none.`);
    }
  }

  private list(node: MemoNode, nesting: Nesting): PlanParagraph[] {
    const ordered = node.type === 'orderedList';
    const startAttr = node.attrs?.['start'];
    const start = ordered && typeof startAttr === 'number' ? startAttr : 1;
    const list = ++this.#lists;
    const level = nesting.list === null ? 0 : nesting.list.level + 1;
    return (node.content ?? []).flatMap((item) => {
      const place: ListPlace = { list, ordered, start, level, marker: true };
      const inner = this.blocks(item.content ?? [], { quoteDepth: nesting.quoteDepth, list: place });
      // An empty item still shows its marker.
      const paragraphs: PlanParagraph[] = inner.length > 0 ? inner : [{ kind: 'body', runs: [], quoteDepth: nesting.quoteDepth, list: place }];
      // Only the item's first paragraph carries its marker; the others are indented under it.
      return paragraphs.map((p, i) => (i === 0 || p.kind === 'heading' || p.list !== place ? p : { ...p, list: { ...place, marker: false } }));
    });
  }

  private paragraph(content: readonly MemoNode[], nesting: Nesting): PlanParagraph[] {
    const paragraphs: PlanParagraph[] = [];
    let run: PlanRun[] = [];
    const endRun = (): void => {
      if (hasWords(run)) paragraphs.push({ kind: 'body', runs: run, ...nesting });
      run = [];
    };
    let afterBlock = false;
    for (const node of content) {
      const citation = node.type === CITATION_NODE ? readCitationAttrs(node.attrs) : null;
      if (citation?.display === 'block') {
        // The whitespace between a block citation and the text beside it only separated them.
        run = trimRuns(run, 'end');
        endRun();
        paragraphs.push(...this.blockCitation(citation, nesting));
        afterBlock = true;
      } else {
        run.push(...this.inline(node));
        if (afterBlock) run = trimRuns(run, 'start');
        afterBlock = afterBlock && run.length === 0;
      }
    }
    endRun();
    return paragraphs;
  }

  /** A citation shown as a block: its quote's paragraphs as quoted paragraphs, the footnote reference after the last. */
  private blockCitation(citation: CitationAttrs, nesting: Nesting): PlanParagraph[] {
    const { quote, footnote } = this.cite(citation);
    const parts = quote.split(/\n{2,}/).filter((part) => part.trim() !== '');
    const quoted = { ...nesting, quoteDepth: nesting.quoteDepth + 1 };
    if (parts.length === 0) return [{ kind: 'body', runs: [footnote], ...quoted }];
    return parts.map((part, i) => ({ kind: 'body', runs: [...planRuns(textSegments(part)), ...(i === parts.length - 1 ? [footnote] : [])], ...quoted }));
  }

  private inline(node: MemoNode): PlanRun[] {
    switch (node.type) {
      case 'text':
        return planRuns(textSegments(node.text ?? '', nodeMarks(node)));
      case 'hardBreak':
        return [{ kind: 'break' }];
      case CITATION_NODE: {
        const citation = readCitationAttrs(node.attrs);
        if (citation === null) throw new Error('A citation without its attributes cannot be exported; checkMemoDoc admits none.');
        const { quote, footnote } = this.cite(citation);
        return [...planRuns(textSegments(`“${quote}”`)), footnote];
      }
      default:
        throw new Error(`An inline node of type “${node.type}” cannot be exported; checkMemoDoc admits none.`);
    }
  }
}

const plain = (text: string): PlanRun => ({ kind: 'text', text, bold: false, italic: false, code: false, link: null });

/** Export segments (text with marks, line breaks) as runs; nodeMarks has already dropped unsafe links. */
function planRuns(segments: readonly Segment[]): PlanRun[] {
  return segments.map((segment): PlanRun => {
    if (segment.kind === 'break') return { kind: 'break' };
    if (segment.kind === 'markdown') throw new Error(`Markdown (“${segment.markdown}”) cannot be written into a Word document; the citation text must come as text and marks.`);
    const has = (type: 'bold' | 'italic' | 'code'): boolean => segment.marks.some((m) => m.type === type);
    const href = segment.marks.flatMap((m) => (m.type === 'link' ? [m.href] : []))[0] ?? null;
    return { kind: 'text', text: segment.text, bold: has('bold'), italic: has('italic'), code: has('code'), link: href };
  });
}

function hasWords(runs: readonly PlanRun[]): boolean {
  return runs.some((r) => r.kind === 'footnote' || (r.kind === 'text' && r.text.trim() !== ''));
}

