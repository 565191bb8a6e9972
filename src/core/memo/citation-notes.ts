import { BIBLIOGRAPHY_HEADINGS, type CitationFormatter, type CitationStyle, type CslLocator, type NoteCitation, type StyledText } from '../export/citation-style';
import { sourceCslItems, type CitedSource } from '../export/source-csl';
import type { ImportFormat } from '../import/extracted-source';
import { gradeMark } from '../model/grades';
import type { SourceId } from '../model/ids';
import type { SourceMeta } from '../model/source';
import type { CitedPassage, LivePassage } from './cited-passage';
import { sectionName } from './describe-location';
import { textSegments, type Segment } from './inline-markdown';
import { LAST_KNOWN } from './last-known';

/** The footnotes and bibliography of a document's citations, in one citation style, as text with italics. */
export interface CitationNotes {
  readonly style: CitationStyle;
  /**
   * Per passage given, in the same order: the paragraphs of its footnote. The first is the
   * style's citation, then the passage's Admiralty mark when graded (" [B2]") or, for a passage
   * that cannot be quoted from its source's current text, what became of it; then one paragraph
   * per note of the source that the quote carries ("Note 10 of the source: …").
   */
  readonly footnotes: readonly (readonly Segment[])[][];
  /** "Bibliography" (Chicago) or "References" (APA). */
  readonly bibliographyHeading: string;
  /** Every source cited once, in the style's order; a source the library no longer has is named in its footnotes only. */
  readonly bibliography: readonly (readonly Segment[])[];
}

/**
 * The footnotes of `passages` as consecutive notes 1…n of one document (a style may shorten a
 * later note to a source cited before), and the bibliography of their sources.
 */
export function citationNotes(passages: readonly CitedPassage[], style: CitationStyle, formatter: CitationFormatter): CitationNotes {
  const sources = new Map<SourceId, CitedSource>();
  for (const passage of passages) {
    if (passage.source !== null && !sources.has(passage.sourceId)) sources.set(passage.sourceId, { meta: passage.source, importedFormat: importedFormat(passage.source) });
  }
  const items = new Map(sourceCslItems([...sources.values()]).map((item) => [item.id, item]));
  const cited = passages.flatMap((passage) => {
    const item = passage.source === null ? undefined : items.get(passage.sourceId);
    return item === undefined ? [] : [{ item, ...(passage.state === 'live' ? passageLocator(passage) : {}) }];
  });
  const formatted = formatter.format(cited, style);
  let next = 0;
  const footnotes = passages.map((passage) => {
    const note = passage.source === null ? null : formatted.notes[next++];
    if (note === undefined) throw new Error(`The citation formatter gave ${formatted.notes.length} notes for ${cited.length} citations.`);
    const citation = note === null ? textSegments(`A source no longer in the library (“${passage.sourceId}”).`) : styledSegments(note);
    if (passage.state !== 'live') return [[...citation, ...textSegments(` ${LAST_KNOWN[passage.state]}`)]];
    const grade = gradeMark(passage.source.reliability, passage.credibility);
    return [[...citation, ...textSegments(grade === null ? '' : ` [${grade}]`)], ...passage.notes.map((n) => textSegments(`Note ${n.note} of the source: ${n.text}`))];
  });
  return { style, footnotes, bibliographyHeading: BIBLIOGRAPHY_HEADINGS[style], bibliography: formatted.bibliography.map(styledSegments) };
}

/**
 * Where a live passage is, as CSL locates it: its printed pages in a paginated source; else its
 * paragraph (`paragraph` locator, "para. 4") with the section it is in written after it, since CSL
 * has no locator for a named section: ", under “Recommendations”" (Chicago's wording for a
 * heading, CMOS 14.154). A passage in a heading is "heading “…”", with no paragraph.
 */
export function passageLocator(passage: LivePassage): Omit<NoteCitation, 'item'> {
  const { heading, paragraph, pages } = passage.location;
  // describePages writes "p. 12" or "pp. 12–13"; the style writes its own label before the locator.
  if (pages !== undefined) return { locator: { label: 'page', value: pages.replace(/^pp?\.\s*/u, '') } };
  const section = sectionName(heading, passage.source.title);
  if (paragraph === 0) return section === null ? {} : { suffix: `, heading “${section}”` };
  const locator: CslLocator = { label: 'paragraph', value: String(paragraph) };
  return section === null ? { locator } : { locator, suffix: `, under “${section}”` };
}

const styledSegments = (text: StyledText): Segment[] => text.flatMap((run) => textSegments(run.text, run.italic ? [{ type: 'italic' }] : []));

/**
 * The format of the file an imported source was made from. Passages carry their source as the
 * library summarises it (a SourceSummary, whose `imported` says so), typed as its SourceMeta part.
 */
function importedFormat(meta: SourceMeta): ImportFormat | undefined {
  return (meta as { readonly imported?: { readonly format: ImportFormat } }).imported?.format;
}
