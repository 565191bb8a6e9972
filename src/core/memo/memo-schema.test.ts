import { describe, expect, it } from 'vitest';
import type { MemoDoc } from '../model/memo';
import { bold, cite, doc, hardBreak, heading, link, paragraph, text } from '../../../tests/unit/support/memo-builders';
import { checkMemoDoc, memoCitations, readCitationAttrs } from './memo-schema';

describe('checkMemoDoc', () => {
  it('accepts what the memo editor makes', () => {
    const listItem = { type: 'listItem', content: [paragraph(text('item'))] };
    const sound = doc(
      heading(2, text('Groups')),
      paragraph(text('See ', bold), text('here', link('https://example.org')), hardBreak, cite('h1')),
      paragraph(cite('h2', 'block')),
      { type: 'blockquote', content: [paragraph(text('q'))] },
      { type: 'bulletList', content: [listItem] },
      { type: 'orderedList', attrs: { start: 3, type: null }, content: [listItem] },
      { type: 'codeBlock', attrs: { language: null }, content: [text('x')] },
      { type: 'horizontalRule' },
      paragraph(),
    );
    expect(checkMemoDoc(sound)).toEqual([]);
    expect(checkMemoDoc({ type: 'doc' })).toEqual([]);
  });

  it('names each problem and where it is', () => {
    const unsound: MemoDoc = doc(
      { type: 'table' },
      heading(7, text('x')),
      paragraph({ type: 'image' }, text(''), text('s', { type: 'strike' }), text('l', { type: 'link', attrs: {} })),
      paragraph({ type: 'citation', attrs: { highlightId: 'h', display: 'sideways', quote: 'q', sourceId: 's' } }),
      { type: 'bulletList', content: [paragraph(text('not an item'))] },
      { type: 'orderedList', attrs: { start: -1 }, content: [] },
      { type: 'codeBlock', content: [text('b', bold)] },
      { type: 'horizontalRule', content: [text('x')] },
    );
    expect(checkMemoDoc(unsound)).toEqual([
      'doc.content[0]: “table” cannot stand as a block of a memo (expected one of paragraph, heading, blockquote, bulletList, orderedList, codeBlock, horizontalRule)',
      'doc.content[1]: a heading needs a level from 1 to 6',
      'doc.content[2].content[0]: “image” cannot stand inside a paragraph or heading (expected one of text, hardBreak, citation)',
      'doc.content[2].content[1]: a text node needs its text',
      'doc.content[2].content[2]: the mark “strike” is not one a memo can hold (expected one of bold, italic, code, link)',
      'doc.content[2].content[3]: a link needs its href',
      'doc.content[3].content[0]: a citation needs a highlightId, a display of "inline" or "block", the quote and the sourceId',
      'doc.content[4].content[0]: a list holds list items, not “paragraph”',
      'doc.content[5]: an ordered list starts at a whole number from 0 to 999999999',
      'doc.content[6].content[0]: a code block holds plain text only',
      'doc.content[7]: a horizontal rule holds no content',
    ]);
  });

  it('refuses values without a node’s shape, as a file or a request might hold', () => {
    expect(checkMemoDoc(null)).toEqual(['doc: a memo’s body is an object of type "doc"']);
    expect(checkMemoDoc({ type: 'paragraph' })).toEqual(['doc: a memo’s body is an object of type "doc"']);
    expect(checkMemoDoc({ type: 'doc', content: 'text' })).toEqual(['doc: a memo’s body is an object of type "doc"']);
    const shapeless = { type: 'doc', content: [42, { type: 'paragraph', content: [{ type: 'text', text: 7 }] }, { type: 'bulletList', content: [{ type: 'listItem', marks: [{}] }] }] };
    expect(checkMemoDoc(shapeless)).toEqual([
      expect.stringMatching(/^doc\.content\[0\]: not a node/),
      expect.stringMatching(/^doc\.content\[1\]\.content\[0\]: not a node/),
      expect.stringMatching(/^doc\.content\[2\]\.content\[0\]: not a node/),
    ]);
  });

  it('stops at a bounded depth and a bounded number of problems', () => {
    let deep = paragraph(text('x'));
    for (let i = 0; i < 100; i++) deep = { type: 'blockquote', content: [deep] };
    expect(checkMemoDoc(doc(deep))).toEqual([expect.stringMatching(/nests deeper than 64 levels$/)]);
    expect(checkMemoDoc(doc(...Array.from({ length: 50 }, () => ({ type: 'table' }))))).toHaveLength(20);
  });
});

describe('citations', () => {
  it('reads citation attributes, refusing incomplete ones', () => {
    expect(readCitationAttrs({ highlightId: 'h', display: 'block', quote: '', sourceId: 's', extra: 1 })).toEqual({ highlightId: 'h', display: 'block', quote: '', sourceId: 's' });
    expect(readCitationAttrs({ highlightId: '', display: 'block', quote: 'q', sourceId: 's' })).toBeNull();
    expect(readCitationAttrs(null)).toBeNull();
  });

  it('lists a memo’s citations in document order, at any depth', () => {
    const memo = doc(paragraph(cite('a')), { type: 'blockquote', content: [paragraph(text('x'), cite('b', 'block'))] }, heading(3, cite('a')));
    expect(memoCitations(memo).map((c) => c.highlightId)).toEqual(['a', 'b', 'a']);
  });
});
