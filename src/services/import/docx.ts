import { XMLParser } from 'fast-xml-parser';
import { zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import mammoth from 'mammoth';
import type { ExtractedMetadata } from '../../core/import/extracted-source';
import { htmlToSource } from '../../core/import/html/html-to-source';
import { isoDateOf } from '../../core/import/html/iso-date';
import { ImportFailure } from '../../core/import/import-failure';
import type { ImportLimits } from '../../core/import/import-failure';
import type { Converter } from './converter';
import { imagesLeftOut, parseMarkup, toHtmlTree } from './html-dom';
import { NotAZipError, openZipSafely } from './unzip-safely';
import type { SafeZip } from './unzip-safely';

/** An OLE compound file: a Word 97-2003 .doc, or a password-protected .docx (Office encrypts into one). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Word has no Title in mammoth's default style map, but a document's Title paragraph is its heading. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

function notDocx(reason: string): ImportFailure {
  return new ImportFailure(`The file is not a Word document (.docx) Notebook can read: ${reason}. If it is an older .doc, save it as .docx first.`);
}

/**
 * A Word document (.docx), through mammoth to HTML (footnotes and endnotes come out as a list of
 * notes that the shared HTML path reads), then the DOM to blocks path every HTML-family format uses.
 */
export const convertDocx: Converter = async ({ bytes, limits }) => {
  const zip = openDocx(bytes, limits);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(xmlPartsOnly(zip)) },
      // Images are left out of the text, so their bytes are never read.
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw notDocx(`it is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
  const dom = parseMarkup(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  const tree = toHtmlTree(dom, dom.window.document.body);
  const { parsed, warnings } = htmlToSource([{ path: '', root: tree.root }]);
  if (parsed.text === '') throw new ImportFailure('The Word document has no text Notebook can show.');
  return { format: 'docx', parsed, metadata: coreProperties(zip), warnings: [...warnings, ...imagesLeftOut(tree.images)] };
};

function openDocx(bytes: Uint8Array, limits: ImportLimits): SafeZip {
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw notDocx('it is in the older Word format (.doc), or it is password-protected (remove the password in Word)');
  }
  let zip: SafeZip;
  try {
    zip = openZipSafely(bytes, limits);
  } catch (error) {
    if (error instanceof NotAZipError) throw notDocx(error.message);
    throw error;
  }
  if (!zip.has('word/document.xml')) throw notDocx('it has no word/document.xml, so it is some other kind of zip file');
  return zip;
}

/**
 * A copy of the package with only its XML parts, each inflated under the limits, for mammoth,
 * which unzips on its own and would otherwise trust the sizes the zip declares.
 */
function xmlPartsOnly(zip: SafeZip): Uint8Array {
  const parts: Zippable = {};
  try {
    for (const name of zip.names) {
      if (!/\.(?:xml|rels)$/i.test(name)) continue;
      const data = zip.read(name);
      if (data) parts[name] = [data, { level: 0 }];
    }
  } catch (error) {
    if (error instanceof NotAZipError) throw notDocx(error.message);
    throw error;
  }
  return zipSync(parts);
}

function coreProperties(zip: SafeZip): ExtractedMetadata {
  const xml = zip.read('docProps/core.xml');
  const properties = xml === null ? {} : readCore(new TextDecoder().decode(xml));
  const date = properties.created ?? properties.modified ?? null;
  return { title: properties.title ?? null, author: properties.creator ?? null, publisher: null, date, isoDate: isoDateOf(date), link: null };
}

function readCore(xml: string): Partial<Record<'title' | 'creator' | 'created' | 'modified', string>> {
  let parsed: unknown;
  try {
    parsed = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false }).parse(xml);
  } catch {
    // Core properties are a nicety: a document whose properties are damaged still imports.
    return {};
  }
  const core = (parsed as { coreProperties?: Record<string, unknown> }).coreProperties ?? {};
  const result: Partial<Record<'title' | 'creator' | 'created' | 'modified', string>> = {};
  for (const key of ['title', 'creator', 'created', 'modified'] as const) {
    const value = core[key];
    const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
    if (text !== '') result[key] = text;
  }
  return result;
}
