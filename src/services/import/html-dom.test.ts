import { describe, expect, it } from 'vitest';
import type { HtmlElement, HtmlNode } from '../../core/import/html/html-node';
import { decodeMarkup, imagesLeftOut, parseMarkup, toHtmlTree } from './html-dom';

function find(node: HtmlNode, tag: string): HtmlElement[] {
  if (node.kind === 'text') return [];
  return [...(node.tag === tag ? [node] : []), ...node.children.flatMap((child) => find(child, tag))];
}

function serialise(node: HtmlNode): string {
  if (node.kind === 'text') return node.text;
  const attrs = Object.entries(node.attrs).map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${node.tag}${attrs}>${node.children.map(serialise).join('')}</${node.tag}>`;
}

describe('parseMarkup', () => {
  it('runs no script', () => {
    const dom = parseMarkup('<title>Before</title><script>document.title = "ran"; window.ran = true</script><body onload="window.loaded = true"><p>x</p></body>', 'text/html');
    expect(dom.window.document.title).toBe('Before');
    expect((dom.window as unknown as Record<string, unknown>).ran).toBeUndefined();
    expect((dom.window as unknown as Record<string, unknown>).loaded).toBeUndefined();
  });

  it('throws on malformed XHTML', () => {
    expect(() => parseMarkup('<html xmlns="http://www.w3.org/1999/xhtml"><body><p>open</body></html>', 'application/xhtml+xml')).toThrow();
  });
});

describe('toHtmlTree', () => {
  it('removes scripts, styles, frames, forms, handlers and every address but http(s), mailto and fragments', () => {
    const dom = parseMarkup(
      `<body><p id="title" onclick="alert(1)" style="color:red" data-x="1">Text <a href="javascript:alert(1)">js</a> <a href="data:text/html,x">data</a> <a href="https://x.org/">web</a> <a href="mailto:a@b.c">mail</a> <a href="#fn1">note</a> <a href="other.html">relative</a></p>
      <script>alert(1)</script><style>p{}</style><iframe src="https://x.org">frame text</iframe><form>Form text<input value="v"><button>Go</button></form><object>obj</object><noscript>Enable JS</noscript>
      <svg><text>drawing</text></svg><math><mi>x</mi></math><img src="http://x.org/a.png" onerror="alert(1)"></body>`,
      'text/html',
    );
    const { root, images } = toHtmlTree(dom, dom.window.document.body);
    expect(serialise(root).replace(/\s+/g, ' ')).toBe(
      '<body><p id="title">Text <a>js</a> <a>data</a> <a href="https://x.org/">web</a> <a href="mailto:a@b.c">mail</a> <a href="#fn1">note</a> <a>relative</a></p> <img src="http://x.org/a.png"></img></body>',
    );
    expect(images).toBe(2);
  });

  it("keeps a book's relative links, its epub:type and role attributes, and leaves the document untouched", () => {
    const dom = parseMarkup(
      '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><p>A<a epub:type="noteref" role="doc-noteref" href="notes.xhtml#n1">1</a><a href="javascript:x()">j</a></p><aside epub:type="footnote" id="n1" hidden="">N</aside></body></html>',
      'application/xhtml+xml',
    );
    const body = dom.window.document.body;
    const { root } = toHtmlTree(dom, body, 'book');
    expect(find(root, 'a').map((a) => a.attrs)).toEqual([{ 'epub:type': 'noteref', role: 'doc-noteref', href: 'notes.xhtml#n1' }, {}]);
    expect(find(root, 'aside')[0]!.attrs).toEqual({ 'epub:type': 'footnote', id: 'n1', hidden: '' });
    expect(body.innerHTML).toContain('javascript:x()');
  });

  it('keeps the text of nesting too deep to walk, but not the nesting', () => {
    const html = `<body>${'<div>'.repeat(600)}deep text${'</div>'.repeat(600)}</body>`;
    const dom = parseMarkup(html, 'text/html');
    const { root } = toHtmlTree(dom, dom.window.document.body);
    expect(serialise(root)).toContain('deep text');
    expect(find(root, 'div').length).toBeLessThan(300);
  });
});

describe('decodeMarkup', () => {
  it('follows an XML declaration', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><p>'), 0xe9, ...new TextEncoder().encode('</p>')]);
    expect(decodeMarkup(bytes)).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><p>é</p>');
  });

  it('reads UTF-8 when a page claims UTF-16 in ASCII, and ignores unknown labels', () => {
    expect(decodeMarkup(new TextEncoder().encode('<meta charset="utf-16"><p>ü</p>'))).toBe('<meta charset="utf-16"><p>ü</p>');
    expect(decodeMarkup(new TextEncoder().encode('<meta charset="x-nonsense"><p>ü</p>'))).toBe('<meta charset="x-nonsense"><p>ü</p>');
  });
});

describe('imagesLeftOut', () => {
  it('words the warning for none, one and many', () => {
    expect(imagesLeftOut(0)).toEqual([]);
    expect(imagesLeftOut(1)).toEqual(['1 image was left out.']);
    expect(imagesLeftOut(3)).toEqual(['3 images were left out.']);
  });
});
