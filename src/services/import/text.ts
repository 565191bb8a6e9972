import { emptyMetadata } from '../../core/import/extracted-source';
import { parsePlainText } from '../../core/import/plain-text-source';
import type { Converter } from './converter';
import { decodeBytes } from './decode-bytes';
import { encodingWarnings } from './encoding-warnings';

/** A plain text file: decoded by the rules of core/import/decode-text, paragraphs between blank lines. */
export const convertText: Converter = async ({ bytes }) => {
  const decoded = decodeBytes(bytes);
  return { format: 'text', parsed: parsePlainText(decoded.text), metadata: emptyMetadata, warnings: encodingWarnings(decoded) };
};
