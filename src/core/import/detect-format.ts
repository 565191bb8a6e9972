import type { ImportFormat } from './extracted-source';
import { ImportFailure } from './import-failure';

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  pdf: 'pdf',
  docx: 'docx',
  epub: 'epub',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

/** Formats people try that Notebook does not read, with what to do instead. */
const ADVICE: Readonly<Record<string, string>> = {
  doc: 'Word 97–2003 files (.doc) are not read: open it in Word or LibreOffice and save it as .docx.',
  rtf: 'Rich Text files (.rtf) are not read: save it as .docx or .txt first.',
  odt: 'OpenDocument files (.odt) are not read yet: save it as .docx first.',
  mobi: 'Kindle files are not read: convert it to EPUB first (e.g. with Calibre).',
  azw3: 'Kindle files are not read: convert it to EPUB first (e.g. with Calibre).',
  mht: 'Web archives (.mht) are not read: save the page as "Web page, HTML only" instead.',
  mhtml: 'Web archives (.mhtml) are not read: save the page as "Web page, HTML only" instead.',
  zip: 'Zip archives are not read: unpack it and add the files inside.',
};

export const READABLE_FORMATS = 'PDF, Word (.docx), EPUB, web pages (.html), Markdown (.md) and text (.txt)';

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

const startsWith = (bytes: Uint8Array, ascii: string): boolean => [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));

/** The file's first bytes as text, for sniffing: enough to see a doctype or an `<html>`. */
function head(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < Math.min(bytes.length, 1024); i++) text += String.fromCharCode(bytes[i]!);
  return text.replace(/^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
}

/**
 * Which converter reads a file. The bytes decide where they are unambiguous (a PDF named .txt is
 * still a PDF; a zip is never text); the extension decides between text formats, which have no
 * signature. A file that matches nothing is refused with the formats that are read.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const extension = extensionOf(fileName);
  const named = BY_EXTENSION[extension];
  if (startsWith(bytes, '%PDF-') || (named === 'pdf' && head(bytes).includes('%pdf-'))) return 'pdf';
  if (named === 'pdf') throw new ImportFailure('The file is named .pdf but is not a PDF (it has no PDF header): it may be damaged, or another kind of file renamed.');
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (named === 'docx' || named === 'epub') return named;
    throw new ImportFailure(ADVICE[extension] ?? `The file is a zip container that Notebook does not read. It reads ${READABLE_FORMATS}.`);
  }
  if (named === 'docx' || named === 'epub') {
    const kind = named === 'docx' ? 'Word document (.docx)' : 'EPUB';
    const hint = named === 'docx' && startsWith(bytes, '\u00d0\u00cf\u0011\u00e0') ? ' It looks like an older Word 97–2003 file: save it as .docx first.' : ' It may be damaged, or another kind of file renamed.';
    throw new ImportFailure(`The file is named .${extension} but is not a ${kind} (those are zip containers).${hint}`);
  }
  if (named !== undefined) return named;
  const start = head(bytes);
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  const advice = ADVICE[extension];
  if (advice !== undefined) throw new ImportFailure(advice);
  throw new ImportFailure(`Notebook does not read ${extension === '' ? 'files without an extension' : `.${extension} files`}. It reads ${READABLE_FORMATS}.`);
}
