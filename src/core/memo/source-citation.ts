import { gradeMark } from '../model/grades';
import type { SourceMeta } from '../model/source';
import type { CitedPassage, PassageState } from './cited-passage';
import { describeLocation } from './describe-location';
import { textSegments, type Segment } from './inline-markdown';

/** "Weeda Mehran, Andiana Foundation, “The New Jihadi Sphere Under Taliban's Rule”, January 2025", and the link when there is one. */
export function sourceCitation(meta: SourceMeta): Segment[] {
  const parts = [meta.author, meta.publisher, `“${meta.title}”`, meta.date ?? 'undated'].filter((part): part is string => part !== null);
  const segments = textSegments(parts.join(', '));
  // The link as a link mark, not Markdown, so that exports in other formats (Word) can write it too.
  if (meta.link !== null) segments.push(...textSegments(', '), { kind: 'text', text: meta.link, marks: [{ type: 'link', href: meta.link }] });
  return segments;
}

/** What became of a passage that cannot be quoted from its source's current text, said in its footnote. */
export const LAST_KNOWN: Readonly<Record<Exclude<PassageState, 'live'>, string>> = {
  review: 'The source changed around this passage and its highlight awaits review; the quote is the one it had when last confirmed.',
  orphan: 'The passage is no longer found in the source’s current text; the quote is the one it last had.',
  deleted: 'This passage is no longer highlighted; the quote is the one it last had.',
  'source-removed': 'The source was removed from the library; the quote is the one it last had.',
};

/** A footnote's paragraphs: where the passage is (with its Admiralty mark when graded, "[B2]"), then the text of each source note its quote carries. */
export function footnoteParagraphs(passage: CitedPassage): Segment[][] {
  const source = passage.source === null ? textSegments(`A source no longer in the library (“${passage.sourceId}”)`) : sourceCitation(passage.source);
  if (passage.state !== 'live') return [[...source, ...textSegments(`. ${LAST_KNOWN[passage.state]}`)]];
  const grade = gradeMark(passage.source.reliability, passage.credibility);
  const mark = grade === null ? '' : ` [${grade}]`;
  return [[...source, ...textSegments(`: ${describeLocation(passage.location, passage.source.title)}${mark}.`)], ...passage.notes.map((n) => textSegments(`Note ${n.note} of the source: ${n.text}`))];
}
