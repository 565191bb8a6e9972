import { assembleSource } from '../document/assemble-source';
import type { DraftBlock } from '../document/draft-block';
import type { ParsedSource } from '../model/source';

/** Characters that are not text: C0 controls but tab and line feed, DEL, and the BOM anywhere. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g;

/**
 * A plain text file as paragraphs: blank lines separate them; a paragraph's own line breaks are
 * kept (verse, addresses and hard-wrapped text read as written, and quotes stay exact). Trailing
 * spaces are trimmed.
 */
export function parsePlainText(text: string): ParsedSource {
  const drafts: DraftBlock[] = text
    .replace(CONTROL, '')
    .split(/\n[ \t\u00a0]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .replace(/^\n+|\n+$/g, ''),
    )
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => ({ kind: 'paragraph', text: paragraph, marks: [] }));
  return assembleSource(drafts);
}

/** The first line of a text, as a title when the file says nothing better: short, and not a sentence. */
export function titleFromText({ text, blocks }: ParsedSource): string | null {
  const heading = blocks.find((block) => block.kind === 'heading');
  if (heading !== undefined) return text.slice(heading.range.start, heading.range.end).replace(/\s+/g, ' ').trim();
  return null;
}
