import { describe, expect, it } from 'vitest';
import { highlightId, sourceId } from '../../model/ids';
import type { CitationAttrs } from '../../model/memo';
import { noteMemoDoc } from './note-memo';

const cite = (id: string, quote: string): CitationAttrs => ({ highlightId: highlightId(id), display: 'block', quote, sourceId: sourceId('s') });

describe('noteMemoDoc', () => {
  it('makes paragraphs of a note, citations where it quotes its passages, the others after it', () => {
    const doc = noteMemoDoc('Why\r\n\r\nThe report says “monitor them” [The report].\n• “act now” [Note]\n\n\n', [cite('a', 'monitor them'), cite('b', 'act now'), cite('c', 'elsewhere')]);
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Why' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'The report says ' },
          { type: 'citation', attrs: { ...cite('a', 'monitor them'), display: 'inline' } },
          { type: 'text', text: '.' },
          { type: 'hardBreak' },
          { type: 'text', text: '• ' },
          { type: 'citation', attrs: { ...cite('b', 'act now'), display: 'inline' } },
        ],
      },
      { type: 'paragraph', content: [{ type: 'citation', attrs: cite('c', 'elsewhere') }] },
    ]);
  });

  it('gives an empty note an empty paragraph', () => {
    expect(noteMemoDoc(' \n ', [])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});

describe('noteMemoDoc lists', () => {
  it('reads "• " and "1. " blocks as lists, continuation lines indented under their item', () => {
    const doc = noteMemoDoc('• one\n  more of one\n• “two” [S]\n\n3. three\n4. four\n\n• not\na list', [cite('t', 'two')]);
    expect(doc.content).toEqual([
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }, { type: 'hardBreak' }, { type: 'text', text: 'more of one' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { ...cite('t', 'two'), display: 'inline' } }] }] },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'three' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'four' }] }] },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: '• not' }, { type: 'hardBreak' }, { type: 'text', text: 'a list' }] },
    ]);
  });
});
