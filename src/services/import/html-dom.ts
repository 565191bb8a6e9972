import createDOMPurify from 'dompurify';
import type { Config } from 'dompurify';
import { JSDOM } from 'jsdom';
import { htmlElement, htmlText } from '../../core/import/html/html-node';
import type { HtmlElement, HtmlNode } from '../../core/import/html/html-node';

/**
 * The glue between markup and core's neutral tree, shared by the web page, Word and EPUB
 * converters: parse with jsdom (no script runs, nothing is fetched), sanitise with DOMPurify,
 * walk the DOM into HtmlNodes.
 */

export type MarkupType = 'text/html' | 'application/xhtml+xml';

const EPUB_NAMESPACE = 'http://www.idpf.org/2007/ops';
/** Deeper than any real document; past it the text is kept but the nesting is not, so no walk overflows the stack. */
const MAX_DEPTH = 256;
const FORBIDDEN = ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'input', 'button', 'select', 'textarea', 'link', 'meta', 'base', 'svg', 'math', 'template', 'noscript'];

/**
 * Only web and mail addresses and in-page fragments survive. A book's chapters also link to each
 * other by relative address (a note in the next chapter), so EPUB keeps those too; no address
 * with any other scheme (javascript:, data:, file:) gets through either way.
 */
const WEB_LINKS = /^(?:https?:|mailto:|#)/i;
const BOOK_LINKS = /^(?:https?:|mailto:|#|(?![a-z][a-z0-9+.-]*:))/i;

/**
 * Parses markup. jsdom runs scripts only when `runScripts` is set and fetches subresources
 * (scripts, stylesheets, images, frames) only when `resources` is set: neither is, on purpose.
 * Malformed XHTML throws.
 */
export function parseMarkup(markup: string, contentType: MarkupType): JSDOM {
  return new JSDOM(markup, { contentType });
}

export interface SanitisedTree {
  readonly root: HtmlElement;
  /** Images (and inline SVG drawings) the content had, which the text leaves out. */
  readonly images: number;
}

/** A sanitised copy of `element` as a neutral tree; the document itself is left as it was. */
export function toHtmlTree(dom: JSDOM, element: Element, links: 'web' | 'book' = 'web'): SanitisedTree {
  const copy = element.cloneNode(true) as Element;
  const images = copy.querySelectorAll('img, svg').length - copy.querySelectorAll('svg svg, svg img').length;
  const config: Config = {
    IN_PLACE: true,
    FORBID_TAGS: FORBIDDEN,
    ADD_FORBID_CONTENTS: FORBIDDEN,
    FORBID_ATTR: ['style'],
    ADD_ATTR: ['epub:type', 'hidden'],
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: links === 'book' ? BOOK_LINKS : WEB_LINKS,
    // Clobbering protection removes ids such as "title" that shadow document properties; the
    // copy is never live, and notes are found by id.
    SANITIZE_DOM: false,
  };
  createDOMPurify(dom.window).sanitize(copy, config);
  const root = toNode(copy, 0);
  return { root: root?.kind === 'element' ? root : htmlElement('body'), images };
}

function toNode(node: Node, depth: number): HtmlNode | null {
  if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) return htmlText((node as CharacterData).data);
  if (node.nodeType !== node.ELEMENT_NODE) return null;
  const element = node as Element;
  if (depth > MAX_DEPTH) return htmlText(element.textContent ?? '');
  const attrs: Record<string, string> = {};
  for (const attr of Array.from(element.attributes)) {
    attrs[attr.namespaceURI === EPUB_NAMESPACE ? `epub:${attr.localName}` : attr.name.toLowerCase()] = attr.value;
  }
  const children: HtmlNode[] = [];
  for (const child of Array.from(element.childNodes)) {
    const converted = toNode(child, depth + 1);
    if (converted) children.push(converted);
  }
  return htmlElement(element.localName.toLowerCase(), attrs, children);
}

/** The warning for images the text leaves out, if there were any. */
export function imagesLeftOut(count: number): string[] {
  if (count === 0) return [];
  return [count === 1 ? '1 image was left out.' : `${count} images were left out.`];
}

const BOMS: readonly [readonly number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /^<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/;

/**
 * Text of a saved page or chapter, decoded as a browser would: by its byte order mark, else the
 * charset its first 2 KB declare (`<meta charset>`, http-equiv, or an XML declaration), else UTF-8
 * if the bytes are valid UTF-8, else windows-1252, which is what old Western pages are.
 */
export function decodeMarkup(bytes: Uint8Array): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, i) => bytes[i] === byte)) return new TextDecoder(encoding).decode(bytes);
  }
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  const declared = (XML_ENCODING.exec(head) ?? META_CHARSET.exec(head))?.[1];
  const decoder = declared === undefined ? null : decoderFor(declared);
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function decoderFor(label: string): TextDecoder | null {
  try {
    const decoder = new TextDecoder(label);
    // A page that says UTF-16 in its own (ASCII-readable) text cannot be UTF-16: browsers read UTF-8.
    return decoder.encoding.startsWith('utf-16') ? new TextDecoder('utf-8') : decoder;
  } catch {
    return null;
  }
}
