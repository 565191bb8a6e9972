import { parseMarkdown } from '../../core/document/parse-markdown';
import { emptyMetadata } from '../../core/import/extracted-source';
import { titleFromText } from '../../core/import/plain-text-source';
import type { Converter } from './converter';
import { decodeBytes } from './decode-bytes';
import { encodingWarnings } from './encoding-warnings';

/** A Markdown file, read by the same parser as the bundled report; its first heading is its title. */
export const convertMarkdown: Converter = async ({ bytes }) => {
  const decoded = decodeBytes(bytes);
  const parsed = parseMarkdown(decoded.text);
  return { format: 'markdown', parsed, metadata: { ...emptyMetadata, title: titleFromText(parsed) }, warnings: encodingWarnings(decoded) };
};
