import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../tests/support/seeded-random';
import { cite, contextOf, doc, heading, live, memo, paragraph, text } from '../../../tests/unit/support/memo-builders';
import { readMarkdown, refMarker } from '../../../tests/unit/support/read-markdown';
import { codeSpan, escapeText, finishLine } from './escape-markdown';
import { memoToMarkdown } from './memo-to-markdown';

/** Strings that would each turn into something else if written into Markdown as they are. */
const TRICKY = [
  '*not emphasis* and **not strong** and _not_ __either__',
  'a [link](https://example.org) and ![an image](x.png) and [^1] and ^[inline note]',
  '<div>html</div> <b>bold</b> <https://autolink.example> <!-- comment -->',
  '`code` and ``more`` and ~~struck~~ and ~single~',
  '# not a heading',
  '## also not #',
  '> not a quote',
  '- not a list',
  '+ not a list',
  '* not a list',
  '1. not a list',
  '2) not a list either',
  '---',
  '***',
  '___',
  '===',
  '    not code',
  '\tnot code either',
  '```\nnot a fence\n```',
  '~~~',
  '| a | b |\n| --- | --- |\n| c | d |',
  'A backslash \\ and one at the end \\',
  '\\*escaped already\\*',
  '&amp; &copy; &#169; &#xA9; & alone &nbsp',
  '[foo]: /url "a link reference definition"',
  'Trailing spaces   ',
  '   leading spaces',
  'first line\nsecond line\n\nafter a blank line',
  'line ending in spaces  \nnext',
  'line\n  indented next line',
  'line\n- list marker after a break\n# heading after a break\n> quote after a break\n1. item',
  'setext\n---\nunderline',
  'setext\n===',
  "Taliban’s “pledge” and 'straight' \"quotes\" -- dashes... (c) (tm)",
  'Emoji 🌐 and combining é and RTL طالبان',
  'A carriage\rreturn',
  'Pipes | in | text',
  '$math$ and %percent% and {braces}',
];

const ALPHABET = [...'ab Z09.\\`*_{}[]()<>#+-=!|~&;:"\'\t\n^$%', ' ', ' ', 'word', '&amp;', '&#35;', '1. ', '- ', '> ', '<b>', '](', '[^', '```', '\n\n', '    '];

function randomTricky(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const parts = Array.from({ length: 1 + random.below(24) }, () => random.pick(ALPHABET));
    // Something visible, so the paragraph is not blank.
    return `${parts.join('')}x`;
  });
}

const cases = [...TRICKY, ...randomTricky(20261122, 400)];

/**
 * What Markdown carries of text: each line without the spaces and tabs at its ends, which a
 * paragraph drops and which only character references (never written) could keep.
 */
const carried = (value: string): string =>
  value
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n');

describe('text written into an exported memo', () => {
  it('renders as written in a paragraph', () => {
    for (const value of cases) {
      const rendered = readMarkdown(memoToMarkdown(memo(doc(paragraph(text(value)))), contextOf([])));
      expect(rendered.blocks, JSON.stringify(value)).toEqual([{ containers: [], block: 'paragraph', text: carried(value) }]);
    }
  });

  it('renders as written in a heading, where line breaks become spaces', () => {
    for (const value of cases) {
      const rendered = readMarkdown(memoToMarkdown(memo(doc(heading(2, text(value)))), contextOf([])));
      expect(rendered.blocks, JSON.stringify(value)).toEqual([{ containers: [], block: 'h2', text: value.replace(/\n/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '') }]);
    }
  });

  it('renders as written when quoted inline, between quotation marks and before its footnote reference', () => {
    for (const value of cases) {
      const rendered = readMarkdown(memoToMarkdown(memo(doc(paragraph(text('As noted, '), cite('h1'), text(' — indeed.')))), contextOf([live('h1', value)])));
      expect(rendered.blocks[0], JSON.stringify(value)).toEqual({ containers: [], block: 'paragraph', text: carried(`As noted, “${value}”${refMarker('1')} — indeed.`) });
    }
  });

  it('renders as written when quoted as a block, its blank-line-separated parts as paragraphs of the quote', () => {
    for (const value of cases) {
      const rendered = readMarkdown(memoToMarkdown(memo(doc(paragraph(cite('h1', 'block')))), contextOf([live('h1', value)])));
      const quoted = rendered.blocks.filter((b) => b.containers.join() === 'blockquote');
      expect(quoted.map((b) => b.text).join('\n\n'), JSON.stringify(value)).toBe(carried(`${value}${refMarker('1')}`));
    }
  });
});

describe('escapeText', () => {
  it('leaves ordinary prose alone', () => {
    expect(escapeText('The Taliban’s pledge, in 2021 (and after): 6000-6500 fighters.')).toBe('The Taliban’s pledge, in 2021 (and after): 6000-6500 fighters.');
  });

  it('escapes what opens a construct anywhere in a line', () => {
    expect(escapeText('*a* _b_ [c] <d> `e` #f ~g~ |h| \\i &amp;')).toBe('\\*a\\* \\_b\\_ \\[c\\] \\<d> \\`e\\` \\#f \\~g\\~ \\|h\\| \\\\i \\&amp;');
  });

  it('escapes what Pandoc’s Markdown reads specially: straight quotes, dashes, ellipses, super- and subscript, math, citations, attributes', () => {
    expect(escapeText(`"yes" it's -- ... ^up^ $6 @smith {.x} a - b 3.5`)).toBe(`\\"yes\\" it\\'s \\-- \\... \\^up\\^ \\$6 \\@smith \\{.x} a - b 3.5`);
  });
});

describe('finishLine', () => {
  it('escapes a start that would open a block, and only at the start', () => {
    expect(finishLine('- a - b')).toBe('\\- a - b');
    expect(finishLine('> a > b')).toBe('\\> a > b');
    expect(finishLine('12. Then')).toBe('12\\. Then');
    expect(finishLine('2025.')).toBe('2025\\.');
    expect(finishLine('3.5 million')).toBe('3.5 million');
  });

  it('leaves out whitespace at the ends of the line rather than write character references', () => {
    expect(finishLine('  a\t')).toBe('a');
    expect(finishLine('   ')).toBe('');
    expect(finishLine('  - a')).toBe('\\- a');
  });

  it('escapes the starts of Pandoc’s definitions and fancy lists', () => {
    expect(finishLine(': a definition')).toBe('\\: a definition');
    expect(finishLine('a. first')).toBe('a\\. first');
    expect(finishLine('iv) fourth')).toBe('iv\\) fourth');
    expect(finishLine('(b) second')).toBe('\\(b) second');
    expect(finishLine('(see above) and')).toBe('(see above) and');
    expect(finishLine('Mr. Shaheen')).toBe('Mr. Shaheen');
  });
});

describe('codeSpan', () => {
  it('fences with more backticks than the code holds, padding when an end would merge with the fence', () => {
    expect(codeSpan('x')).toBe('`x`');
    expect(codeSpan('a `b` c')).toBe('``a `b` c``');
    expect(codeSpan('`tick')).toBe('`` `tick ``');
    expect(codeSpan(' both ')).toBe('`  both  `');
  });
});
