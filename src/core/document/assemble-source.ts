import { charOffset } from '../model/ids';
import type { Block, InlineMark, ParsedSource, TextRange } from '../model/source';
import type { DraftBlock, DraftMark } from './draft-block';

/** What separates two blocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';

function absoluteMark(mark: DraftMark, blockStart: number): InlineMark {
  const range: TextRange = { start: charOffset(blockStart + mark.start), end: charOffset(blockStart + mark.end) };
  switch (mark.kind) {
    case 'link':
      return { kind: 'link', range, href: mark.href };
    case 'footnoteRef':
      return { kind: 'footnoteRef', range, note: mark.note };
    default:
      return { kind: mark.kind, range };
  }
}

/** Lays the blocks end to end into the canonical text and gives every range its absolute place. */
export function assembleSource(drafts: readonly DraftBlock[]): ParsedSource {
  let text = '';
  const blocks: Block[] = drafts.map((draft, i) => {
    if (i > 0) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += draft.text;
    const { text: _text, marks, ...attributes } = draft;
    return {
      ...attributes,
      range: { start: charOffset(start), end: charOffset(text.length) },
      marks: marks.map((mark) => absoluteMark(mark, start)),
    };
  });
  return { text, blocks };
}
