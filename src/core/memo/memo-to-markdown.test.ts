import { describe, expect, it } from 'vitest';
import { charOffset, highlightId, sourceId } from '../model/ids';
import type { MemoNode } from '../model/memo';
import {
  bold,
  cite,
  code,
  contextOf,
  doc,
  hardBreak,
  heading,
  italic,
  lastKnown,
  link,
  live,
  memo,
  paragraph,
  sourceMeta,
  text,
} from '../../../tests/unit/support/memo-builders';
import { readMarkdown, refMarker } from '../../../tests/unit/support/read-markdown';
import type { CitedPassage } from './cited-passage';
import { memoToMarkdown } from './memo-to-markdown';

const report = sourceMeta('report', { author: 'Weeda Mehran', publisher: 'Andiana Foundation', title: 'The New Jihadi Sphere Under Taliban’s Rule', kind: 'report' });
const article = sourceMeta('article', { publisher: 'Foreign Policy', title: 'What Happened to the Taliban’s Pledge to Fight Terrorism?', date: null, isoDate: null });
const institute = sourceMeta('institute', { publisher: 'Institute of the Middle East', title: 'Duality [of] *policy*', date: '11.09.2023', link: 'https://example.org/a_(b)' });

const passageA = live('a', 'Over two dozen terrorist groups currently operate freely.', { sourceId: report.id, source: report, tags: ['Al Qaeda', 'TTP'] });
const passageB = live('b', 'The bodies are piling up in Afghanistan.', { sourceId: article.id, source: article, location: { heading: null, paragraph: 3 }, tags: ['ISKP', 'TTP'] });
const passageC = live('c', 'Two years after the Taliban takeover.', { sourceId: institute.id, source: institute, location: { heading: 'Situation', paragraph: 1 } });

const exported = (nodes: MemoNode[], passages: readonly CitedPassage[] = [passageA, passageB, passageC], title = 'Groups in Afghanistan') =>
  memoToMarkdown(memo(doc(...nodes), title), contextOf(passages));

describe('memoToMarkdown: front matter', () => {
  it('holds the title, the date unquoted, and the tags of the cited passages once each, as valid YAML', () => {
    const file = exported([paragraph(cite('a')), paragraph(cite('b'))], undefined, 'TTP: "no" — #1');
    expect(file.startsWith('---\ntitle: "TTP: \\"no\\" — #1"\ndate: 2026-11-22\ntags:\n  - "Al Qaeda"\n  - "TTP"\n  - "ISKP"\n---\n')).toBe(true);
    expect(readMarkdown(file).frontMatter).toEqual({ title: 'TTP: "no" — #1', date: '2026-11-22', tags: ['Al Qaeda', 'TTP', 'ISKP'] });
  });

  it('names an untitled memo, and gives an empty tag list when nothing is cited', () => {
    expect(readMarkdown(exported([paragraph(text('Draft.'))], [], '  ')).frontMatter).toEqual({ title: 'Untitled memo', date: '2026-11-22', tags: [] });
  });
});

describe('memoToMarkdown: citations and footnotes', () => {
  it('numbers footnotes in order of first citation and reuses a footnote for a passage cited again', () => {
    const file = exported([paragraph(cite('b'), text(' then '), cite('a')), paragraph(text('Again: '), cite('b', 'block'))]);
    const rendered = readMarkdown(file);
    expect(rendered.references).toEqual(['1', '2', '1']);
    expect(rendered.footnotes).toEqual(['1', '2']);
    // The formatter (here tests' fake one) writes the note; the writer numbers and places it.
    expect(file).toContain('[^1]: *What Happened to the Taliban’s Pledge to Fight Terrorism?*, paragraph 3.');
    expect(file).toContain('[^2]: *The New Jihadi Sphere Under Taliban’s Rule*, paragraph 2, under “Introduction”.');
  });

  it('shares a footnote between two highlights on the same range of the same source', () => {
    const twin = { ...passageA, highlightId: highlightId('a-twin') };
    const rendered = readMarkdown(exported([paragraph(cite('a'), text(' and '), cite('a-twin'))], [passageA, twin]));
    expect(rendered.references).toEqual(['1', '1']);
  });

  it('keeps different ranges apart even in the same source', () => {
    const other = live('a2', 'Another passage.', { sourceId: report.id, source: report, range: { start: charOffset(900), end: charOffset(916) } });
    expect(readMarkdown(exported([paragraph(cite('a'), cite('a2'))], [passageA, other])).references).toEqual(['1', '2']);
  });

  it('quotes inline in quotation marks and as a block in a block quote, each followed by its reference', () => {
    const rendered = readMarkdown(exported([paragraph(text('They say '), cite('a'), text('.')), paragraph(cite('b', 'block'))]));
    expect(rendered.blocks.slice(0, 2)).toEqual([
      { containers: [], block: 'paragraph', text: `They say “${passageA.quote}”${refMarker('1')}.` },
      { containers: ['blockquote'], block: 'paragraph', text: `${passageB.quote}${refMarker('2')}` },
    ]);
  });

  it('splits a paragraph around a block citation, keeping the text on both sides without the spaces that separated them', () => {
    const rendered = readMarkdown(exported([paragraph(text('Before. '), cite('a', 'block'), text(' '), text(' After.'))]));
    expect(rendered.blocks.slice(0, 3)).toEqual([
      { containers: [], block: 'paragraph', text: 'Before.' },
      { containers: ['blockquote'], block: 'paragraph', text: `${passageA.quote}${refMarker('1')}` },
      { containers: [], block: 'paragraph', text: 'After.' },
    ]);
  });

  it('quotes a passage spanning paragraphs as paragraphs of the block quote, or with line breaks inline', () => {
    const spanning = live('s', 'End of one paragraph.\n\nStart of the next.', { sourceId: report.id, source: report });
    const rendered = readMarkdown(exported([paragraph(cite('s', 'block')), paragraph(cite('s'))], [spanning]));
    expect(rendered.blocks.slice(0, 3)).toEqual([
      { containers: ['blockquote'], block: 'paragraph', text: 'End of one paragraph.' },
      { containers: ['blockquote'], block: 'paragraph', text: `Start of the next.${refMarker('1')}` },
      { containers: [], block: 'paragraph', text: `“End of one paragraph.\n\nStart of the next.”${refMarker('1')}` },
    ]);
  });

  it('puts the Admiralty mark after the location of a graded passage, a dash for the half not graded', () => {
    const graded = live('g', 'Over two dozen terrorist groups currently operate freely.', { sourceId: report.id, source: { ...report, reliability: 'B' }, credibility: 2 });
    const sourceOnly = live('s', 'The bodies are piling up in Afghanistan.', { sourceId: article.id, source: { ...article, reliability: 'C' }, location: { heading: null, paragraph: 3 } });
    const passageOnly = live('p', 'Two years after the Taliban takeover.', { sourceId: institute.id, source: institute, location: { heading: 'Situation', paragraph: 1 }, credibility: 4 });
    const file = exported([paragraph(cite('g'), cite('s'), cite('p'))], [graded, sourceOnly, passageOnly]);
    expect(file).toContain('[^1]: *The New Jihadi Sphere Under Taliban’s Rule*, paragraph 2, under “Introduction”. \\[B2\\]');
    const footnotes = readMarkdown(file).blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
    expect(footnotes.map((f) => f.slice(f.indexOf(', ')))).toEqual([', paragraph 2, under “Introduction”. [B2]', ', paragraph 3. [C–]', ', paragraph 1, under “Situation”. [–4]']);
  });

  it('gives the text of the source notes whose markers a quote carries, as further paragraphs of its footnote', () => {
    const withNotes = live('n', 'operate freely.10 According to the UN.11', {
      sourceId: report.id,
      source: report,
      notes: [
        { note: 10, text: 'UN Security Council, S/2024/556, July 2024.' },
        { note: 11, text: 'Ibid., *p. 4* [annex]' },
      ],
    });
    const file = exported([paragraph(cite('n'))], [withNotes]);
    expect(file).toContain('[^1]: *The New Jihadi Sphere Under Taliban’s Rule*, paragraph 2, under “Introduction”.\n\n    Note 10 of the source: UN Security Council, S/2024/556, July 2024.\n\n    Note 11 of the source: Ibid., \\*p. 4\\* \\[annex\\]\n');
    const footnote = readMarkdown(file).blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
    expect(footnote).toEqual([
      'The New Jihadi Sphere Under Taliban’s Rule, paragraph 2, under “Introduction”.',
      'Note 10 of the source: UN Security Council, S/2024/556, July 2024.',
      'Note 11 of the source: Ibid., *p. 4* [annex]',
    ]);
  });

  it('exports a deleted, orphaned or unreviewed highlight with its last known quote and a footnote that says so', () => {
    const passages = [
      lastKnown('d', 'deleted', 'A quote whose highlight was deleted.', { sourceId: report.id, source: report }),
      lastKnown('o', 'orphan', 'A quote no longer in the text.', { sourceId: article.id, source: article }),
      lastKnown('r', 'review', 'A quote that moved.', { sourceId: report.id, source: report }),
      lastKnown('g', 'deleted', 'A quote from a source that is gone.', { sourceId: sourceId('gone'), source: null }),
    ];
    const file = exported([paragraph(cite('d'), cite('o'), cite('r'), cite('g'))], passages);
    const rendered = readMarkdown(file);
    expect(rendered.blocks[0]?.text).toBe(passages.map((p, i) => `“${p.quote}”${refMarker(String(i + 1))}`).join(''));
    const footnotes = rendered.blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
    expect(footnotes).toEqual([
      'The New Jihadi Sphere Under Taliban’s Rule. This passage is no longer highlighted; the quote is the one it last had.',
      'What Happened to the Taliban’s Pledge to Fight Terrorism?. The passage is no longer found in the source’s current text; the quote is the one it last had.',
      'The New Jihadi Sphere Under Taliban’s Rule. The source changed around this passage and its highlight awaits review; the quote is the one it had when last confirmed.',
      'A source no longer in the library (“gone”). This passage is no longer highlighted; the quote is the one it last had.',
    ]);
  });

  it('ends with the formatter’s bibliography under the style’s heading, each source once, written as text', () => {
    const file = exported([paragraph(cite('c'), cite('a'), cite('c'), cite('b'))]);
    expect(file.endsWith(
      [
        '## Bibliography',
        '',
        '- *Duality \\[of\\] \\*policy\\**.',
        '- *The New Jihadi Sphere Under Taliban’s Rule*.',
        '- *What Happened to the Taliban’s Pledge to Fight Terrorism?*.',
        '',
      ].join('\n'),
    )).toBe(true);
    const rendered = readMarkdown(file);
    expect(rendered.blocks.filter((b) => b.containers.includes('list_item')).map((b) => b.text)[0]).toBe('Duality [of] *policy*.');
    expect(rendered.html).toContain('<em>Duality [of] *policy*</em>.');
  });

  it('has no footnotes and no bibliography when nothing is cited', () => {
    const file = exported([paragraph(text('Only my words.'))], []);
    expect(file).toBe('---\ntitle: "Groups in Afghanistan"\ndate: 2026-11-22\ntags: []\n---\n\nOnly my words.\n');
  });
});

describe('memoToMarkdown: the memo’s own formatting', () => {
  const body = (nodes: MemoNode[]) => {
    const file = exported(nodes, []);
    return file.slice(file.indexOf('---\n\n', 4) + 5, -1);
  };

  it('writes bold, italic, code and links, keeping whitespace outside the emphasis', () => {
    expect(body([paragraph(text('plain '), text('bold ', bold), text('both', bold, italic), text(' italic', italic), text(' '), text('a `tick`', code), text(' '), text('site', link('https://example.org/x y')))])).toBe(
      'plain **bold *both*** *italic* `` a `tick` `` [site](<https://example.org/x y>)',
    );
    const html = readMarkdown(exported([paragraph(text('x '), text(' spaced ', bold), text('y'))], [])).html;
    expect(html).toContain('<p>x  <strong>spaced</strong> y</p>');
  });

  it('links only to the web and mail: javascript:, data: and file: links keep their words as plain text', () => {
    const links = ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', '/relative'];
    for (const href of links) expect(body([paragraph(text('see '), text('this', link(href)))])).toBe('see this');
    expect(body([paragraph(text('write '), text('us', link('mailto:desk@example.org')), text(' or '), text('read', link('HTTP://example.org')))])).toBe(
      'write [us](<mailto:desk@example.org>) or [read](<HTTP://example.org>)',
    );
  });

  it('writes hard breaks, dropping one at the very end of a paragraph', () => {
    expect(body([paragraph(text('one'), hardBreak, text('two'), hardBreak)])).toBe('one\\\ntwo');
  });

  it('writes headings, block quotes, lists (tight, loose, nested, numbered from their start), code blocks and rules', () => {
    const listItem = (...content: MemoNode[]): MemoNode => ({ type: 'listItem', content });
    expect(
      body([
        heading(1, text('Title')),
        { type: 'blockquote', content: [paragraph(text('Quoted')), paragraph(text('twice'))] },
        { type: 'bulletList', content: [listItem(paragraph(text('a'))), listItem(paragraph(text('b')), { type: 'bulletList', content: [listItem(paragraph(text('c')))] })] },
        { type: 'bulletList', content: [listItem(paragraph(text('next list')))] },
        { type: 'orderedList', attrs: { start: 9 }, content: [listItem(paragraph(text('nine'))), listItem(paragraph(text('ten')))] },
        { type: 'codeBlock', attrs: { language: 'text' }, content: [text('a ``` b\n  indented')] },
        { type: 'horizontalRule' },
        paragraph(),
      ]),
    ).toBe(
      [
        '# Title',
        '',
        '> Quoted',
        '>',
        '> twice',
        '',
        '- a',
        '',
        '- b',
        '',
        '  - c',
        '',
        '* next list',
        '',
        '9. nine',
        '10. ten',
        '',
        '````text',
        'a ``` b',
        '  indented',
        '````',
        '',
        '___',
      ].join('\n'),
    );
  });

  it('renders that structure as written', () => {
    const listItem = (...content: MemoNode[]): MemoNode => ({ type: 'listItem', content });
    const rendered = readMarkdown(
      exported(
        [
          { type: 'orderedList', content: [listItem(paragraph(text('first: '), cite('a', 'block')))] },
          { type: 'blockquote', content: [paragraph(cite('b'))] },
        ],
        [passageA, passageB],
      ),
    );
    expect(rendered.blocks.slice(0, 3)).toEqual([
      { containers: ['ordered_list', 'list_item'], block: 'paragraph', text: 'first:' },
      { containers: ['ordered_list', 'list_item', 'blockquote'], block: 'paragraph', text: `${passageA.quote}${refMarker('1')}` },
      { containers: ['blockquote'], block: 'paragraph', text: `“${passageB.quote}”${refMarker('2')}` },
    ]);
  });
});
