/**
 * A neutral tree of an (already sanitised) HTML or XHTML document: what services hand core, so the
 * block logic never touches a DOM. Tags and attribute names are lower case; an EPUB's
 * namespaced `epub:type` keeps its prefix.
 */
export type HtmlNode = HtmlElement | HtmlText;

export interface HtmlElement {
  readonly kind: 'element';
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly HtmlNode[];
}

export interface HtmlText {
  readonly kind: 'text';
  readonly text: string;
}

/** One document of a source: a saved page or Word file (path ''), or one EPUB chapter (its path in the book). */
export interface HtmlDocument {
  readonly path: string;
  readonly root: HtmlNode;
}

export const htmlElement = (tag: string, attrs: Record<string, string> = {}, children: readonly HtmlNode[] = []): HtmlElement => ({
  kind: 'element',
  tag,
  attrs,
  children,
});

export const htmlText = (text: string): HtmlText => ({ kind: 'text', text });

export function textContent(node: HtmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textContent).join('');
}

/** The space-separated tokens of an attribute, lower case (`epub:type="footnote rearnote"`). */
export function attrTokens(element: HtmlElement, name: string): string[] {
  return (element.attrs[name] ?? '').toLowerCase().split(/\s+/).filter((token) => token !== '');
}
