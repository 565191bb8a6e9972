import type { Brand } from '../model/brand';
import type { BlockKind } from '../model/source';

/**
 * Offset into one block's own text, before the blocks are joined into the canonical text. Kept
 * apart from CharOffset so that a block-relative position can never pass for an absolute one.
 */
export type BlockOffset = Brand<number, 'BlockOffset'>;
export const blockOffset = (n: number): BlockOffset => n as BlockOffset;

export type DraftMark =
  | { readonly kind: 'bold' | 'italic'; readonly start: BlockOffset; readonly end: BlockOffset }
  | { readonly kind: 'link'; readonly start: BlockOffset; readonly end: BlockOffset; readonly href: string }
  | { readonly kind: 'footnoteRef'; readonly start: BlockOffset; readonly end: BlockOffset; readonly note: number };

/** A block's displayed text with its marks, before it gets its place in the canonical text. */
export interface DraftText {
  readonly text: string;
  readonly marks: readonly DraftMark[];
}

export interface DraftBlock extends DraftText {
  readonly kind: BlockKind;
  readonly level?: number;
  readonly depth?: number;
  readonly marker?: string;
  readonly note?: number;
  readonly target?: number;
  readonly trailer?: boolean;
}

export const shiftMark = (mark: DraftMark, by: number): DraftMark => ({
  ...mark,
  start: blockOffset(mark.start + by),
  end: blockOffset(mark.end + by),
});

/** Joins texts with a separator, moving each text's marks to its new place. */
export function joinDraftTexts(parts: readonly DraftText[], separator: string): DraftText {
  let text = '';
  const marks: DraftMark[] = [];
  parts.forEach((part, i) => {
    if (i > 0) text += separator;
    marks.push(...part.marks.map((mark) => shiftMark(mark, text.length)));
    text += part.text;
  });
  return { text, marks };
}
