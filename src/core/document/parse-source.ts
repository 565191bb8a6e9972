import { parsePlainText } from '../import/plain-text-source';
import type { ParsedSource, SourceFormat } from '../model/source';
import { parseMarkdown } from './parse-markdown';
import { parseNewsCapture } from './news-capture';

/** Parses a source file's text once into its canonical text and blocks. */
export function parseSource(raw: string, format: SourceFormat): ParsedSource {
  switch (format) {
    case 'markdown':
      return parseMarkdown(raw);
    case 'news-capture':
      return parseNewsCapture(raw);
    case 'plain-text':
      return parsePlainText(raw);
  }
}
