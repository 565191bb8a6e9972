import type { InlineMark, ParsedSource, TextRange } from '../model/source';
import type { SourceNote } from './cited-passage';

type FootnoteRef = Extract<InlineMark, { readonly kind: 'footnoteRef' }>;

/**
 * The notes a passage points at: every footnote marker inside [start, end) of the text, in text
 * order (each note once), with the text of its note block. A marker whose note the source lacks
 * is skipped: there is no text to give.
 */
export function passageNotes(source: ParsedSource, range: TextRange): SourceNote[] {
  const noteTexts = new Map<number, string>();
  for (const block of source.blocks) {
    if (block.kind === 'note' && block.note !== undefined && !noteTexts.has(block.note)) {
      noteTexts.set(block.note, source.text.slice(block.range.start, block.range.end));
    }
  }
  const markers = source.blocks
    .filter((block) => block.range.end > range.start && block.range.start < range.end)
    .flatMap((block) => block.marks)
    .filter((mark): mark is FootnoteRef => mark.kind === 'footnoteRef' && mark.range.start >= range.start && mark.range.end <= range.end)
    .sort((a, b) => a.range.start - b.range.start);
  const found: SourceNote[] = [];
  for (const marker of markers) {
    const text = noteTexts.get(marker.note);
    if (text !== undefined && !found.some((n) => n.note === marker.note)) found.push({ note: marker.note, text });
  }
  return found;
}
