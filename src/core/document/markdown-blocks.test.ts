import { describe, expect, it } from 'vitest';
import { scanBlocks } from './markdown-blocks';

describe('scanBlocks', () => {
  it('reads ATX headings with their level, dropping closing hashes', () => {
    expect(scanBlocks('# One\n\n### Three ###\n\n####### seven is text\n\n#hashtag')).toEqual([
      { kind: 'heading', level: 1, lines: ['One'] },
      { kind: 'heading', level: 3, lines: ['Three'] },
      { kind: 'paragraph', lines: ['####### seven is text'] },
      { kind: 'paragraph', lines: ['#hashtag'] },
    ]);
  });

  it('keeps the lines of a wrapped paragraph, trailing spaces included (they may be a hard break)', () => {
    expect(scanBlocks('\n\nfirst line  \nsecond\n\nnext')).toEqual([
      { kind: 'paragraph', lines: ['first line  ', 'second'] },
      { kind: 'paragraph', lines: ['next'] },
    ]);
  });

  it('lets a heading interrupt a paragraph', () => {
    expect(scanBlocks('text\n## Heading\nmore').map((block) => block.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('nests list items by indentation, with bullets and numbers as markers', () => {
    expect(scanBlocks('- top\n  - inner\n    1. deepest\n- back\n  wrapped')).toEqual([
      { kind: 'listItem', depth: 0, marker: '•', lines: ['top'] },
      { kind: 'listItem', depth: 1, marker: '•', lines: ['inner'] },
      { kind: 'listItem', depth: 2, marker: '1.', lines: ['deepest'] },
      { kind: 'listItem', depth: 0, marker: '•', lines: ['back', 'wrapped'] },
    ]);
  });

  it('keeps an indented paragraph after a blank line inside its item, and ends the list at the margin', () => {
    expect(scanBlocks('1) first\n\n   more of first\n\nafter the list')).toEqual([
      { kind: 'listItem', depth: 0, marker: '1)', lines: ['first'] },
      { kind: 'listItem', depth: 0, lines: ['more of first'] },
      { kind: 'paragraph', lines: ['after the list'] },
    ]);
  });

  it('reads a bullet in front of a number as one numbered item', () => {
    expect(scanBlocks('- 1. Enhanced Intelligence:** Accurate\n- 2. Strategic Engagement:** Confronting')).toEqual([
      { kind: 'listItem', depth: 0, marker: '1.', lines: ['Enhanced Intelligence:** Accurate'] },
      { kind: 'listItem', depth: 0, marker: '2.', lines: ['Strategic Engagement:** Confronting'] },
    ]);
  });

  it('does not start an ordered list inside a paragraph unless it starts at 1', () => {
    expect(scanBlocks('In the year\n2020. That year')).toEqual([{ kind: 'paragraph', lines: ['In the year', '2020. That year'] }]);
  });

  it('does not take bold at a line start for a bullet', () => {
    expect(scanBlocks('**Taliban and TTP:** text')).toEqual([{ kind: 'paragraph', lines: ['**Taliban and TTP:** text'] }]);
  });

  it('reads block quotes, lazy continuation lines and quote paragraphs', () => {
    expect(scanBlocks('> quoted\nlazy line\n>\n> second\n\nafter')).toEqual([
      { kind: 'quote', lines: ['quoted', 'lazy line'] },
      { kind: 'quote', lines: ['second'] },
      { kind: 'paragraph', lines: ['after'] },
    ]);
  });

  it('treats lines of whitespace or NBSP as blank, and CRLF like LF', () => {
    expect(scanBlocks('one\r\n\u00a0\r\ntwo\t \r\n')).toEqual([
      { kind: 'paragraph', lines: ['one'] },
      { kind: 'paragraph', lines: ['two\t '] },
    ]);
  });
});
