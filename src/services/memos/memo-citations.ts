import { DEFAULT_CITATION_STYLE } from '../../core/export/citation-style';
import type { CitedPassage } from '../../core/memo/cited-passage';
import { citationNotes, type CitationNotes } from '../../core/memo/citation-notes';
import { memoCitations } from '../../core/memo/memo-schema';
import type { CitationAttrs, Memo } from '../../core/model/memo';
import { citeprocFormatter } from '../citations/citeproc-formatter';
import type { CitationResolver } from './citation-resolver';

/** A memo's citations resolved against the notebook as it is now, ready for any export (Markdown, Word, Obsidian). */
export interface MemoCitationNotes {
  /** The passage a citation of the memo refers to. */
  readonly passage: (citation: CitationAttrs) => CitedPassage;
  /**
   * The footnotes of `passages`, taken as the document's notes 1…n in that order (one per
   * reference for Word, which numbers its own footnotes; one per passage for Markdown, whose
   * footnotes are reused), in the memo's citation style, and the bibliography of their sources.
   * Footnote paragraphs and bibliography entries are Segments: text runs with `italic` marks
   * where the style sets titles in italics, and `break`s; never raw Markdown.
   */
  readonly notes: (passages: readonly CitedPassage[]) => CitationNotes;
}

/** Resolves every citation of `memo` once; the notes are then formatted in its style (Chicago notes-bibliography unless it chose APA). */
export async function memoCitationNotes(memo: Memo, resolver: CitationResolver): Promise<MemoCitationNotes> {
  const passage = await resolver.passages(memoCitations(memo.doc));
  const style = memo.citationStyle ?? DEFAULT_CITATION_STYLE;
  return { passage, notes: (passages) => citationNotes(passages, style, citeprocFormatter) };
}
