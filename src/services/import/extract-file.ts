import { detectFormat } from '../../core/import/detect-format';
import type { ExtractedSource, ImportFormat } from '../../core/import/extracted-source';
import { finishExtraction } from '../../core/import/finish-extraction';
import type { Converter, ConverterInput } from './converter';

/** Each converter is loaded only when a file needs it (pdf.js and jsdom are large). */
async function converterFor(format: ImportFormat): Promise<Converter> {
  switch (format) {
    case 'pdf':
      return (await import('./pdf')).convertPdf;
    case 'docx':
      return (await import('./docx')).convertDocx;
    case 'epub':
      return (await import('./epub')).convertEpub;
    case 'html':
      return (await import('./html')).convertHtml;
    case 'markdown':
      return (await import('./markdown')).convertMarkdown;
    case 'text':
      return (await import('./text')).convertText;
  }
}

/** One file's bytes to one ExtractedSource: the format told from the file, its converter, the common checks. */
export async function extractFile(input: ConverterInput): Promise<ExtractedSource> {
  const format = detectFormat(input.fileName, input.bytes);
  const convert = await converterFor(format);
  return finishExtraction(await convert(input), input.fileName);
}
