import { describe, expect, it } from 'vitest';
import { parseSource } from './parse-source';

const report = [
  '# **The Report**',
  '',
  '# Table of Contents',
  '',
  '<b>2</b>\t<b>Summary</b>',
  '',
  '# Summary',
  '',
  'A claim.<sup>1</sup> **Bold with a note<sup>2</sup>**',
  '',
  '- 1. First:** recommendation',
  '',
  '## References',
  '',
  '- Author. *Book*. <https://example.org/book>',
  '',
  '- 1 Author, 3.',
  '- 2 Author, 4.',
].join('\n');

describe('parseSource (markdown)', () => {
  const parsed = parseSource(report, 'markdown');
  const texts = parsed.blocks.map((block) => parsed.text.slice(block.range.start, block.range.end));

  it('joins the blocks with a blank line into the canonical text', () => {
    expect(parsed.text).toBe(texts.join('\n\n'));
    expect(texts).toEqual(['The Report', 'Table of Contents', 'Summary', 'Summary', 'A claim.1 Bold with a note2', 'First: recommendation', 'References', 'Author. Book. https://example.org/book', 'Author, 3.', 'Author, 4.']);
  });

  it('gives each block its kind and attributes', () => {
    const { blocks } = parsed;
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'heading', 'tocEntry', 'heading', 'paragraph', 'listItem', 'heading', 'reference', 'note', 'note']);
    expect(blocks[0]).toMatchObject({ level: 1, marks: [] });
    expect(blocks[2]!.target).toBe(3);
    expect(blocks[5]).toMatchObject({ depth: 0, marker: '1.' });
    expect(blocks.slice(8).map((block) => block.note)).toEqual([1, 2]);
  });

  it('places marks at absolute offsets of the canonical text', () => {
    const paragraph = parsed.blocks[4]!;
    const covered = paragraph.marks.map((mark) => [mark.kind, parsed.text.slice(mark.range.start, mark.range.end)]);
    expect(covered).toEqual([
      ['footnoteRef', '1'],
      ['bold', 'Bold with a note2'],
      ['footnoteRef', '2'],
    ]);
  });
});

describe('parseSource (markdown block quotes)', () => {
  it('makes each paragraph of a block quote a quote block', () => {
    const parsed = parseSource('Before.\n\n> *Quoted* words\n> go on.\n>\n> Second.', 'markdown');
    expect(parsed.blocks.map((block) => [block.kind, parsed.text.slice(block.range.start, block.range.end)])).toEqual([
      ['paragraph', 'Before.'],
      ['quote', 'Quoted words go on.'],
      ['quote', 'Second.'],
    ]);
  });
});

describe('parseSource (news-capture)', () => {
  it('reads the text as plain lines, leaving Markdown-looking characters alone', () => {
    const parsed = parseSource('A *starred* line with <sup>1</sup>\n\nNext', 'news-capture');
    expect(parsed.text).toBe('A *starred* line with <sup>1</sup>\n\nNext');
    expect(parsed.blocks.flatMap((block) => block.marks)).toEqual([]);
  });
});
