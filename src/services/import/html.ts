import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ExtractedMetadata } from '../../core/import/extracted-source';
import { htmlElement, htmlText, textContent } from '../../core/import/html/html-node';
import type { HtmlElement, HtmlNode } from '../../core/import/html/html-node';
import { htmlToSource } from '../../core/import/html/html-to-source';
import { isoDateOf } from '../../core/import/html/iso-date';
import { ImportFailure } from '../../core/import/import-failure';
import { normaliseHeading } from '../../core/document/report-apparatus';
import type { Converter } from './converter';
import { decodeMarkup, imagesLeftOut, parseMarkup, toHtmlTree } from './html-dom';

/** Parts of a page that are never the article, taken out when Readability finds no article. */
const CHROME = 'nav, aside, footer, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], body > header, [aria-hidden="true"]';
/**
 * Class or id of adverts, consent banners and promotion boxes. Readability keeps a box of them
 * when it holds a sentence or two ("Buy one get one free"), so they go before it reads the page.
 * Whole class names only: "ad-free" or "header" must not match.
 */
const CLUTTER_NAME =
  /^(?:ads?|advert\w*|ad[-_]?(?:slot|container|wrapper|unit|banner|label|box|block)s?|sponsor\w*|promo\w*|cookie\w*|consent\w*|gdpr\w*|newsletter\w*|most[-_]?(?:read|popular|viewed)|trending|outbrain|taboola|social[-_]?share\w*|share[-_]?(?:buttons|tools|bar))$/i;

interface Article {
  readonly content: Element;
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly publishedTime: string | null;
}

/**
 * A saved web page (.html, .htm): the article Readability finds in it, without navigation,
 * adverts, "most read" lists and footers; the whole body (less its obvious chrome) when it
 * finds none. Metadata comes from the page's meta tags first, Readability's guesses second.
 */
export const convertHtml: Converter = async ({ bytes }) => {
  const dom = parseMarkup(decodeMarkup(bytes), 'text/html');
  const { document } = dom.window;
  removeClutter(document);
  const article = readArticle(document);
  const content = article?.content ?? bodyWithoutChrome(document);
  const tree = toHtmlTree(dom, content);
  const metadata = pageMetadata(document, article);
  const { parsed, warnings } = htmlToSource([{ path: '', root: withTitleHeading(tree.root, metadata.title) }]);
  if (parsed.text === '') {
    throw new ImportFailure('The page has no text Notebook can show. If its text appears only in a browser, its scripts build it: save it from the browser as "Web page, complete" or print it to PDF.');
  }
  return { format: 'html', parsed, metadata, warnings: [...warnings, ...imagesLeftOut(tree.images)] };
};

function readArticle(document: Document): Article | null {
  if (!isProbablyReaderable(document)) return null;
  // Readability rewrites the document it reads, and the original is still needed for the metadata.
  const result = new Readability<Node>(document.cloneNode(true) as Document, { serializer: (node) => node }).parse();
  const content = result?.content;
  if (!result || !content || content.nodeType !== content.ELEMENT_NODE || (content.textContent ?? '').trim() === '') return null;
  return {
    content: content as Element,
    title: clean(result.title),
    byline: clean(result.byline),
    siteName: clean(result.siteName),
    publishedTime: clean(result.publishedTime),
  };
}

function removeClutter(document: Document): void {
  for (const element of Array.from(document.querySelectorAll('body [class], body [id]'))) {
    const names = `${element.getAttribute('class') ?? ''} ${element.id}`.split(/\s+/);
    // A wrapper that holds the article is never clutter, whatever its name.
    if (names.some((name) => CLUTTER_NAME.test(name)) && !element.querySelector('article, main, h1')) element.remove();
  }
}

function bodyWithoutChrome(document: Document): Element {
  const body = (document.body ?? document.documentElement).cloneNode(true) as Element;
  for (const chrome of Array.from(body.querySelectorAll(CHROME))) chrome.remove();
  return body;
}

/** Readability drops the headline from the article; the text keeps it, as the first heading. */
function withTitleHeading(root: HtmlElement, title: string | null): HtmlElement {
  if (title === null || hasHeading(root, normaliseHeading(title))) return root;
  return htmlElement(root.tag, root.attrs, [htmlElement('h1', {}, [htmlText(title)]), ...root.children]);
}

function hasHeading(node: HtmlNode, title: string): boolean {
  if (node.kind === 'text') return false;
  if (/^h[1-6]$/.test(node.tag) && normaliseHeading(textContent(node)) === title) return true;
  return node.children.some((child) => hasHeading(child, title));
}

function pageMetadata(document: Document, article: Article | null): ExtractedMetadata {
  const meta = (...names: string[]): string[] =>
    names.flatMap((name) =>
      Array.from(document.querySelectorAll(`meta[name="${name}" i], meta[property="${name}" i]`)).flatMap((element) => {
        const value = clean(element.getAttribute('content'));
        return value === null ? [] : [value];
      }),
    );
  const first = (...names: string[]) => meta(...names)[0] ?? null;
  const authors = meta('citation_author');
  const date = first('citation_publication_date', 'citation_date', 'article:published_time', 'dc.date', 'date') ?? article?.publishedTime ?? null;
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? null;
  return {
    title: first('citation_title', 'og:title') ?? article?.title ?? clean(document.title),
    // article:author is often the address of a profile page rather than a name.
    author: authors.length > 0 ? [...new Set(authors)].join('; ') : (meta('author', 'article:author', 'dc.creator').find((name) => webAddress(name) === null) ?? withoutBy(article?.byline ?? null)),
    publisher: first('og:site_name', 'citation_publisher', 'citation_journal_title') ?? article?.siteName ?? null,
    date,
    isoDate: isoDateOf(date),
    link: [canonical, first('og:url'), first('citation_public_url')].map(webAddress).find((link) => link !== null) ?? null,
  };
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

function withoutBy(byline: string | null): string | null {
  return byline === null ? null : clean(byline.replace(/^by\s+/i, ''));
}

function webAddress(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
