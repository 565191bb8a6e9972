import { describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../model/source';
import { htmlElement, htmlText } from './html-node';
import type { HtmlDocument, HtmlNode } from './html-node';
import { htmlToSource } from './html-to-source';

type Child = HtmlNode | string;
function h(tag: string, attrs: Record<string, string> | Child = {}, ...children: Child[]): HtmlNode {
  const isAttrs = typeof attrs === 'object' && !('kind' in attrs);
  const all = isAttrs ? children : [attrs as Child, ...children];
  return htmlElement(tag, isAttrs ? (attrs as Record<string, string>) : {}, all.map((c) => (typeof c === 'string' ? htmlText(c) : c)));
}

const convert = (...body: Child[]) => htmlToSource([{ path: '', root: h('body', {}, ...body) }]);

function outline(parsed: ParsedSource): unknown[] {
  return parsed.blocks.map((block) => {
    const { range, marks, ...attrs } = block;
    const text = parsed.text.slice(range.start, range.end);
    return marks.length === 0 ? { ...attrs, text } : { ...attrs, text, marks: marks.map((m) => ({ ...m, range: parsed.text.slice(m.range.start, m.range.end) })) };
  });
}

describe('htmlToSource: blocks', () => {
  it('makes headings, paragraphs and quotes, joining blocks with a blank line', () => {
    const { parsed } = convert(h('h1', 'Title'), h('p', 'One.'), h('div', 'Two.'), h('blockquote', h('p', 'Quoted.'), h('p', 'Again.')), h('h3', 'Sub'));
    expect(parsed.text).toBe('Title\n\nOne.\n\nTwo.\n\nQuoted.\n\nAgain.\n\nSub');
    expect(outline(parsed)).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One.' },
      { kind: 'paragraph', text: 'Two.' },
      { kind: 'quote', text: 'Quoted.' },
      { kind: 'quote', text: 'Again.' },
      { kind: 'heading', level: 3, text: 'Sub' },
    ]);
    expect(parsed.blocks[1]!.range).toEqual({ start: 7, end: 11 });
  });

  it('collapses whitespace like a browser, NBSP included, and trims block edges', () => {
    const { parsed } = convert(h('p', '\n   Ten\u00a0\u00a0km  ', h('b', ' away '), '\n\t from\u00adhere. '));
    expect(parsed.text).toBe('Ten km away fromhere.');
    expect(outline(parsed)[0]).toMatchObject({ marks: [{ kind: 'bold', range: 'away' }] });
  });

  it('gives text loose in a div with blocks its own paragraphs', () => {
    const { parsed } = convert(h('div', 'Before ', h('em', 'it'), h('p', 'Inside'), 'After'));
    expect(outline(parsed).map((b) => (b as { text: string }).text)).toEqual(['Before it', 'Inside', 'After']);
  });

  it('keeps <pre> line breaks and makes <br> a line break, splitting paragraphs at <br><br>', () => {
    const { parsed } = convert(h('pre', 'line 1\n  line 2\n'), h('p', 'a ', h('br'), ' b', h('br'), h('br'), 'c'));
    expect(outline(parsed).map((b) => (b as { text: string }).text)).toEqual(['line 1\n  line 2', 'a\nb', 'c']);
  });

  it('never puts a blank line inside a heading or list item', () => {
    const { parsed } = convert(h('h2', 'A', h('br'), h('br'), 'B'), h('ul', h('li', h('p', 'One'), h('p', 'Two'))));
    expect(outline(parsed)).toEqual([
      { kind: 'heading', level: 2, text: 'A\nB' },
      { kind: 'listItem', depth: 0, marker: '•', text: 'One\nTwo' },
    ]);
  });

  it('makes list items with depth and markers, respecting start and value', () => {
    const { parsed } = convert(
      h('ul', h('li', 'Apples', h('ul', h('li', 'Green'), h('li', 'Red')), 'and more'), h('li', 'Pears')),
      h('ol', { start: '3' }, h('li', 'Third'), h('li', { value: '7' }, 'Seventh'), h('li', 'Eighth', h('ol', h('li', 'Inner')))),
    );
    expect(outline(parsed)).toEqual([
      { kind: 'listItem', depth: 0, marker: '•', text: 'Apples' },
      { kind: 'listItem', depth: 1, marker: '•', text: 'Green' },
      { kind: 'listItem', depth: 1, marker: '•', text: 'Red' },
      { kind: 'listItem', depth: 0, marker: '', text: 'and more' },
      { kind: 'listItem', depth: 0, marker: '•', text: 'Pears' },
      { kind: 'listItem', depth: 0, marker: '3.', text: 'Third' },
      { kind: 'listItem', depth: 0, marker: '7.', text: 'Seventh' },
      { kind: 'listItem', depth: 0, marker: '8.', text: 'Eighth' },
      { kind: 'listItem', depth: 1, marker: '1.', text: 'Inner' },
    ]);
  });

  it('makes a table one paragraph per row, cells joined by " | ", empty cells left out', () => {
    const { parsed } = convert(
      h('table', h('caption', 'Table 1'), h('thead', h('tr', h('th', 'Year'), h('th', 'Value'))), h('tbody', h('tr', h('td', h('p', '2024'), h('p', 'est.')), h('td'), h('td', h('b', '42'))))),
      h('figure', h('img', { src: 'x.png' }), h('figcaption', 'A caption')),
    );
    expect(outline(parsed)).toEqual([
      { kind: 'paragraph', text: 'Table 1' },
      { kind: 'paragraph', text: 'Year | Value' },
      { kind: 'paragraph', text: '2024 est. | 42', marks: [{ kind: 'bold', range: '42' }] },
      { kind: 'paragraph', text: 'A caption' },
    ]);
  });

  it('leaves out scripts, styles, navigation, media, forms, rules and hidden elements', () => {
    const { parsed } = convert(
      h('nav', h('a', { href: 'https://x.org' }, 'Home')),
      h('script', 'alert(1)'),
      h('style', 'p{}'),
      h('p', 'Kept', h('img', { src: 'http://x/y.png' }), '.'),
      h('hr'),
      h('form', h('label', 'Email'), h('input')),
      h('div', { hidden: '' }, 'Hidden'),
      h('span', { 'epub:type': 'pagebreak' }, '12'),
    );
    expect(parsed.text).toBe('Kept.');
  });

  it('marks bold, italic and http(s)/mailto links, and drops other links to plain text', () => {
    const { parsed } = convert(
      h('p', h('strong', 'B'), ' ', h('i', 'I'), ' ', h('cite', 'C'), ' ', h('a', { href: 'https://example.org/a' }, 'web'), ' ', h('a', { href: 'mailto:x@y.z' }, 'mail'), ' ', h('a', { href: 'javascript:alert(1)' }, 'js'), ' ', h('a', { href: 'data:text/html,x' }, 'data'), ' ', h('a', { href: 'page.html' }, 'rel')),
    );
    expect(parsed.text).toBe('B I C web mail js data rel');
    expect(outline(parsed)[0]).toMatchObject({
      marks: [
        { kind: 'bold', range: 'B' },
        { kind: 'italic', range: 'I' },
        { kind: 'italic', range: 'C' },
        { kind: 'link', range: 'web', href: 'https://example.org/a' },
        { kind: 'link', range: 'mail', href: 'mailto:x@y.z' },
      ],
    });
  });

  it('drops bold that covers a whole heading', () => {
    expect(outline(convert(h('h2', h('strong', 'All bold'))).parsed)).toEqual([{ kind: 'heading', level: 2, text: 'All bold' }]);
  });

  it('carries marks that span blocks over to each block', () => {
    const { parsed } = convert(h('b', h('p', 'One'), h('p', 'Two')));
    expect(outline(parsed)).toEqual([
      { kind: 'paragraph', text: 'One', marks: [{ kind: 'bold', range: 'One' }] },
      { kind: 'paragraph', text: 'Two', marks: [{ kind: 'bold', range: 'Two' }] },
    ]);
  });
});

describe('htmlToSource: footnotes', () => {
  it("reads mammoth's footnotes and endnotes, numbered by first reference, after a Notes heading", () => {
    const { parsed, warnings } = convert(
      h('p', 'Claim', h('sup', h('a', { href: '#endnote-1', id: 'endnote-ref-1' }, '[1]')), ' and another', h('sup', h('a', { href: '#footnote-1', id: 'footnote-ref-1' }, '[1]')), '.'),
      h('ol', h('li', { id: 'footnote-1' }, h('p', ' The footnote. ', h('a', { href: '#footnote-ref-1' }, '↑')))),
      h('ol', h('li', { id: 'endnote-1' }, h('p', 'The ', h('em', 'endnote'), '. ', h('a', { href: '#endnote-ref-1' }, '↑')))),
    );
    expect(warnings).toEqual([]);
    expect(parsed.text).toBe('Claim1 and another2.\n\nNotes\n\nThe endnote.\n\nThe footnote.');
    expect(outline(parsed)).toEqual([
      { kind: 'paragraph', text: 'Claim1 and another2.', marks: [{ kind: 'footnoteRef', range: '1', note: 1 }, { kind: 'footnoteRef', range: '2', note: 2 }] },
      { kind: 'heading', level: 2, text: 'Notes' },
      { kind: 'note', note: 1, text: 'The endnote.', marks: [{ kind: 'italic', range: 'endnote' }] },
      { kind: 'note', note: 2, text: 'The footnote.' },
    ]);
  });

  it('reads EPUB 3 noterefs to asides within and across chapters, dropping printed numbers and back-links', () => {
    const documents: HtmlDocument[] = [
      { path: 'OEBPS/text/ch1.xhtml', root: h('body', h('p', 'First', h('a', { 'epub:type': 'noteref', href: '#n1', id: 'r1' }, '1'), ' then', h('a', { role: 'doc-noteref', href: 'notes.xhtml#en%201' }, '2'), '.'), h('aside', { 'epub:type': 'footnote', id: 'n1' }, h('p', h('a', { href: '#r1' }, '1.'), ' Aside note.'))) },
      { path: 'OEBPS/text/ch2.xhtml', root: h('body', h('h1', 'Two'), h('p', 'Again', h('a', { 'epub:type': 'noteref', href: '#n1' }, '1'), '.'), h('aside', { 'epub:type': 'footnote', id: 'n1' }, '1. Chapter two note.')) },
      { path: 'OEBPS/text/notes.xhtml', root: h('body', h('h1', 'Notes'), h('section', { 'epub:type': 'endnotes', role: 'doc-endnotes' }, h('ol', h('li', { id: 'en 1', role: 'doc-endnote' }, h('p', 'Endnote text. ', h('a', { role: 'doc-backlink', href: 'ch1.xhtml#r1' }, 'Back')))))) },
    ];
    const { parsed } = htmlToSource(documents);
    expect(outline(parsed)).toEqual([
      { kind: 'paragraph', text: 'First1 then2.', marks: [{ kind: 'footnoteRef', range: '1', note: 1 }, { kind: 'footnoteRef', range: '2', note: 2 }] },
      { kind: 'heading', level: 1, text: 'Two' },
      { kind: 'paragraph', text: 'Again3.', marks: [{ kind: 'footnoteRef', range: '3', note: 3 }] },
      { kind: 'heading', level: 1, text: 'Notes' },
      { kind: 'note', note: 1, text: 'Aside note.' },
      { kind: 'note', note: 2, text: 'Endnote text.' },
      { kind: 'note', note: 3, text: 'Chapter two note.' },
    ]);
  });

  it('reads the generic web form, a number in <sup> linking to a note id, and points every repeat at one note', () => {
    const { parsed } = convert(
      h('p', 'A', h('a', { href: '#fn1', id: 'fnref1' }, h('sup', '1')), ' B', h('sup', h('a', { href: '#fn1' }, '1')), ' C', h('sup', h('a', { href: '#fn2' }, '2'))),
      h('p', 'See table ', h('a', { href: '#t1' }, '1'), '.'),
      h('table', { id: 't1' }, h('tr', h('td', 'x'))),
      h('h2', 'Footnotes'),
      h('div', { class: 'footnotes' }, h('p', { id: 'fn1' }, h('sup', '1'), ' First note ', h('a', { href: '#fnref1' }, '↩︎')), h('p', h('a', { id: 'fn2' }), '[2] Second note')),
    );
    expect(outline(parsed)).toEqual([
      { kind: 'paragraph', text: 'A1 B1 C2', marks: [{ kind: 'footnoteRef', range: '1', note: 1 }, { kind: 'footnoteRef', range: '1', note: 1 }, { kind: 'footnoteRef', range: '2', note: 2 }] },
      { kind: 'paragraph', text: 'See table 1.' },
      { kind: 'paragraph', text: 'x' },
      { kind: 'heading', level: 2, text: 'Footnotes' },
      { kind: 'note', note: 1, text: 'First note' },
      { kind: 'note', note: 2, text: 'Second note' },
    ]);
  });

  it('keeps a marker whose note is missing as plain text, with a warning', () => {
    const { parsed, warnings } = convert(h('p', 'Claim', h('sup', h('a', { href: '#footnote-4', id: 'footnote-ref-4' }, '[4]')), '.'));
    expect(parsed.text).toBe('Claim[4].');
    expect(parsed.blocks[0]!.marks).toEqual([]);
    expect(warnings).toEqual(['A footnote marker points at a note that is not in the file, so it was kept as plain text.']);
  });

  it('numbers a note cited only from another note after the ones the body cites', () => {
    const { parsed } = convert(
      h('p', 'X', h('a', { 'epub:type': 'noteref', href: '#a' }, '1')),
      h('aside', { 'epub:type': 'footnote', id: 'b' }, 'Nested note.'),
      h('aside', { 'epub:type': 'footnote', id: 'a' }, 'Outer note, see', h('a', { 'epub:type': 'noteref', href: '#b' }, '2'), '.'),
    );
    expect(parsed.text).toBe('X1\n\nNotes\n\nOuter note, see2.\n\nNested note.');
  });

  it('puts the notes under a last section headed Notes, and drops an empty Notes heading elsewhere', () => {
    const ref = h('p', 'X', h('a', { 'epub:type': 'noteref', href: '#n' }, '1'));
    const note = h('aside', { 'epub:type': 'footnote', id: 'n' }, 'The note.');
    expect(convert(ref, h('h2', 'Endnotes'), h('p', 'Intro.'), note).parsed.text).toBe('X1\n\nEndnotes\n\nIntro.\n\nThe note.');
    expect(convert(ref, h('h3', 'Notes'), note, h('h2', 'Index'), h('p', 'Words.')).parsed.text).toBe('X1\n\nIndex\n\nWords.\n\nNotes\n\nThe note.');
    expect(outline(convert(ref, h('h3', 'Notes'), note, h('h2', 'Index'), h('p', 'Words.')).parsed)[3]).toEqual({ kind: 'heading', level: 3, text: 'Notes' });
  });

  it('leaves a note that nothing cites where it is', () => {
    const { parsed } = convert(h('p', 'Body.'), h('aside', { 'epub:type': 'footnote', id: 'x' }, 'Uncited.'));
    expect(parsed.text).toBe('Body.\n\nUncited.');
  });
});
