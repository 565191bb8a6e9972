import { XMLParser } from 'fast-xml-parser';
import type { ExtractedMetadata } from '../../core/import/extracted-source';
import type { HtmlDocument } from '../../core/import/html/html-node';
import { htmlToSource } from '../../core/import/html/html-to-source';
import { isoDateOf } from '../../core/import/html/iso-date';
import { resolveInternalHref, resolvePath } from '../../core/import/html/resolve-href';
import { ImportFailure } from '../../core/import/import-failure';
import type { ImportLimits } from '../../core/import/import-failure';
import type { Converter } from './converter';
import { decodeMarkup, imagesLeftOut, parseMarkup, toHtmlTree } from './html-dom';
import type { MarkupType } from './html-dom';
import { NotAZipError, openZipSafely } from './unzip-safely';
import type { SafeZip } from './unzip-safely';

/** Font obfuscation (IDPF and Adobe): it scrambles embedded fonts only and is no bar to reading. */
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);
const MARKUP_TYPES: Readonly<Record<string, MarkupType>> = { 'application/xhtml+xml': 'application/xhtml+xml', 'text/html': 'text/html' };
const LISTS = new Set(['rootfile', 'item', 'itemref', 'title', 'creator', 'publisher', 'date', 'identifier', 'EncryptedData']);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => LISTS.has(name),
});

type XmlValue = string | { readonly [key: string]: XmlValue | readonly XmlValue[] | undefined };

interface SpineItem {
  readonly path: string;
  readonly type: MarkupType | null;
}

function notEpub(reason: string): ImportFailure {
  return new ImportFailure(`The file is not an EPUB Notebook can read: ${reason}.`);
}

/**
 * An EPUB: its spine's chapters in reading order through the shared DOM to blocks path, so that
 * notes in one chapter cited from another are kept as notes. Spine items marked linear="no"
 * (endnotes, answers, pop-ups) are kept, after the linear ones, where a reader would meet them
 * last.
 */
export const convertEpub: Converter = async ({ bytes, limits }) => {
  const zip = openEpub(bytes, limits);
  try {
    refuseDrm(zip);
    const opfPath = packagePath(zip);
    const opf = readXml(zip, opfPath);
    if (!opf) throw notEpub(`its package file ${opfPath} is missing`);
    const pkg = child(opf, 'package');
    const spine = spineOf(pkg, opfPath);
    const documents: HtmlDocument[] = [];
    let images = 0;
    let missing = 0;
    for (const item of spine) {
      const data = zip.read(item.path);
      if (data === null) missing += 1;
      else if (item.type === null) images += 1;
      else {
        const tree = chapterTree(decodeMarkup(data), item.type);
        images += tree.images;
        documents.push({ path: item.path, root: tree.root });
      }
    }
    const { parsed, warnings } = htmlToSource(documents);
    if (parsed.text === '') throw new ImportFailure('The EPUB has no chapters with text Notebook can show.');
    const missingWarning = missing === 0 ? [] : [missing === 1 ? 'A chapter the book lists is missing from the file and was left out.' : `${missing} chapters the book lists are missing from the file and were left out.`];
    return { format: 'epub', parsed, metadata: metadataOf(child(pkg, 'metadata')), warnings: [...warnings, ...missingWarning, ...imagesLeftOut(images)] };
  } catch (error) {
    if (error instanceof NotAZipError) throw notEpub(error.message);
    throw error;
  }
};

function openEpub(bytes: Uint8Array, limits: ImportLimits): SafeZip {
  try {
    return openZipSafely(bytes, limits);
  } catch (error) {
    if (error instanceof NotAZipError) throw notEpub(error.message);
    throw error;
  }
}

function readXml(zip: SafeZip, name: string): XmlValue | null {
  const data = zip.read(name);
  if (data === null) return null;
  try {
    return xml.parse(decodeMarkup(data)) as XmlValue;
  } catch {
    throw notEpub(`${name} is damaged`);
  }
}

function child(value: XmlValue | undefined, name: string): XmlValue | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  const found = value[name];
  return Array.isArray(found) ? (found[0] as XmlValue | undefined) : (found as XmlValue | undefined);
}

function children(value: XmlValue | undefined, name: string): XmlValue[] {
  if (value === undefined || typeof value === 'string') return [];
  const found = value[name];
  if (found === undefined) return [];
  return Array.isArray(found) ? [...(found as XmlValue[])] : [found as XmlValue];
}

function attr(value: XmlValue | undefined, name: string): string | null {
  const found = value === undefined || typeof value === 'string' ? undefined : value[`@_${name}`];
  return typeof found === 'string' ? found : null;
}

function text(value: XmlValue | undefined): string | null {
  const raw = typeof value === 'string' ? value : value === undefined ? undefined : value['#text'];
  const cleaned = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  return cleaned === '' ? null : cleaned;
}

/**
 * DRM encrypts the book's content documents and lists them in META-INF/encryption.xml. That file
 * also lists obfuscated fonts in ordinary books, which are no reason to refuse.
 */
function refuseDrm(zip: SafeZip): void {
  const encryption = readXml(zip, 'META-INF/encryption.xml');
  const encrypted = children(child(encryption ?? undefined, 'encryption'), 'EncryptedData');
  const protectedContent = encrypted.some((data) => !FONT_OBFUSCATION.has(attr(child(data, 'EncryptionMethod'), 'Algorithm') ?? ''));
  if (protectedContent) {
    throw new ImportFailure('The EPUB is DRM-protected: its text is encrypted, so Notebook cannot read it. Add a DRM-free copy of the book instead.');
  }
}

function packagePath(zip: SafeZip): string {
  const container = readXml(zip, 'META-INF/container.xml');
  if (!container) throw notEpub('it has no META-INF/container.xml');
  const rootfiles = children(child(child(container, 'container'), 'rootfiles'), 'rootfile');
  const rootfile = rootfiles.find((r) => attr(r, 'media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
  const path = attr(rootfile, 'full-path');
  if (!path) throw notEpub('META-INF/container.xml names no package file');
  return resolvePath('', safeDecode(path)) ?? path;
}

function spineOf(pkg: XmlValue | undefined, opfPath: string): SpineItem[] {
  const manifest = new Map<string, SpineItem>();
  for (const item of children(child(pkg, 'manifest'), 'item')) {
    const id = attr(item, 'id');
    const target = resolveInternalHref(opfPath, attr(item, 'href') ?? '');
    if (id === null || target === null) continue;
    manifest.set(id, { path: target.path, type: MARKUP_TYPES[attr(item, 'media-type') ?? ''] ?? null });
  }
  const refs = children(child(pkg, 'spine'), 'itemref');
  const ordered = [...refs.filter((ref) => attr(ref, 'linear') !== 'no'), ...refs.filter((ref) => attr(ref, 'linear') === 'no')];
  const spine = ordered.flatMap((ref) => manifest.get(attr(ref, 'idref') ?? '') ?? []);
  if (spine.length === 0) throw notEpub('its spine lists no chapters');
  return spine;
}

function chapterTree(markup: string, type: MarkupType) {
  let dom;
  try {
    dom = parseMarkup(markup, type);
  } catch {
    // Many books carry XHTML that is not well-formed; reading systems show it as HTML.
    dom = parseMarkup(markup, 'text/html');
  }
  const { document } = dom.window;
  return toHtmlTree(dom, document.body ?? document.documentElement, 'book');
}

function metadataOf(metadata: XmlValue | undefined): ExtractedMetadata {
  const values = (name: string) => children(metadata, name).flatMap((value) => text(value) ?? []);
  const date = values('date')[0] ?? null;
  const authors = values('creator');
  return {
    title: values('title')[0] ?? null,
    author: authors.length === 0 ? null : authors.join('; '),
    publisher: values('publisher')[0] ?? null,
    date,
    isoDate: isoDateOf(date),
    link: values('identifier').find((id) => /^https?:\/\/\S+$/i.test(id)) ?? null,
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
