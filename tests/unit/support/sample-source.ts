import { charOffset } from '../../../src/core/model/ids';
import type { Block, BlockKind, InlineMark, ParsedSource } from '../../../src/core/model/source';

type MarkSpec =
  | { readonly kind: 'bold' | 'italic'; readonly on: string }
  | { readonly kind: 'link'; readonly on: string; readonly href: string }
  | { readonly kind: 'footnoteRef'; readonly on: string; readonly note: number };

export interface BlockSpec {
  readonly kind: BlockKind;
  readonly text: string;
  /** Each mark covers the only occurrence of `on` in the block's text. */
  readonly marks?: readonly MarkSpec[];
  readonly level?: number;
  readonly depth?: number;
  readonly marker?: string;
  readonly note?: number;
  readonly target?: number;
  readonly trailer?: boolean;
}

/** A ParsedSource written block by block: blocks are joined by "\n\n", as the parser joins them. */
export function assembleSource(specs: readonly BlockSpec[]): ParsedSource {
  let text = '';
  const blocks: Block[] = specs.map(({ text: blockText, marks = [], ...rest }, i) => {
    if (i > 0) text += '\n\n';
    const start = text.length;
    text += blockText;
    const mark = (spec: MarkSpec): InlineMark => {
      const at = blockText.indexOf(spec.on);
      if (at < 0 || blockText.indexOf(spec.on, at + 1) >= 0) throw new Error(`"${spec.on}" must occur exactly once in "${blockText}"`);
      const range = { start: charOffset(start + at), end: charOffset(start + at + spec.on.length) };
      switch (spec.kind) {
        case 'link':
          return { kind: 'link', range, href: spec.href };
        case 'footnoteRef':
          return { kind: 'footnoteRef', range, note: spec.note };
        default:
          return { kind: spec.kind, range };
      }
    };
    return { ...rest, range: { start: charOffset(start), end: charOffset(text.length) }, marks: marks.map(mark) };
  });
  return { text, blocks };
}

/**
 * A small source with every kind of block and mark the reader draws: a table of contents, marks
 * that nest and cross, a link, two references to one note, nested list items, a character outside
 * the Basic Multilingual Plane (two UTF-16 code units), and a trailer.
 */
export const sampleSource: ParsedSource = assembleSource([
  { kind: 'heading', level: 1, text: 'Under Review' },
  { kind: 'tocEntry', text: 'Introduction', target: 4, marks: [{ kind: 'bold', on: 'Introduction' }] },
  {
    kind: 'paragraph',
    text: 'Talks began in Doha, a city in Qatar.1 Then bold and both kinds, and a link to follow.',
    marks: [
      { kind: 'footnoteRef', on: '1', note: 1 },
      { kind: 'bold', on: 'bold and both' },
      { kind: 'italic', on: 'both kinds' },
      { kind: 'link', on: 'a link', href: 'https://example.org/talks' },
    ],
  },
  { kind: 'quote', text: '“A quoted sentence,” said someone.' },
  { kind: 'heading', level: 2, text: 'Introduction' },
  { kind: 'listItem', depth: 0, marker: '1.', text: 'First item' },
  { kind: 'listItem', depth: 1, marker: '•', text: 'Nested item with émphasis 🌐 and more', marks: [{ kind: 'italic', on: 'émphasis 🌐' }] },
  { kind: 'paragraph', text: 'Cited again here.1', marks: [{ kind: 'footnoteRef', on: '1', note: 1 }] },
  { kind: 'reference', text: 'Author, A. “A Paper.” 2024. https://example.org/paper', marks: [{ kind: 'link', on: 'https://example.org/paper', href: 'https://example.org/paper' }] },
  { kind: 'note', note: 1, text: 'Interview, September 2024.' },
  { kind: 'paragraph', trailer: true, text: 'Link:' },
  { kind: 'listItem', trailer: true, depth: 0, marker: '•', text: 'Another story - Some Site - October 24th, 2025' },
]);
