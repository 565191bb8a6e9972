import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CITATION_NODE, type MemoNode } from '../../core/model/memo';
import type { ApiInput, LoadedSource } from '../../shared/api-contract';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('memo-word');

const PANDOC = spawnSync('pandoc', ['--version']).status === 0;
const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const NOTED = "Over two dozen terrorist groups currently operate freely in Afghanistan under the Taliban's de facto rule.10";
const REPORT_PASSAGE = 'Accurate and comprehensive intelligence on the Taliban';
const NEWS_PASSAGE = 'the Khorasan branch of ISIS, commonly known as ISIS-K';
const NEWS_SHORT = 'Biden administration officials';

type DocInput = ApiInput<'memos.save'>['doc'];
const text = (value: string, ...marks: { type: string; attrs?: Record<string, unknown> }[]): MemoNode => (marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
const item = (...content: MemoNode[]): MemoNode => ({ type: 'listItem', content: [paragraph(...content)] });
const cite = (highlightId: string, quote: string, sourceId: string, display: 'inline' | 'block' = 'inline'): MemoNode => ({ type: CITATION_NODE, attrs: { highlightId, display, quote, sourceId } });

async function highlight(notebook: Notebook, source: LoadedSource, passage: string) {
  return (await call(notebook, 'highlights.create', { sourceId: source.meta.id, ...rangeOf(source, passage), tags: [] })).highlight;
}

/** A memo citing the report (graded, with a note marker) twice, the news capture as a block and in a list, and a deleted highlight. */
async function citingMemo(notebook: Notebook) {
  await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { author: 'Weeda Mehran', link: 'https://example.org/report', reliability: 'B' } });
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  const news = await call(notebook, 'sources.get', { sourceId: NEWS });
  const noted = await highlight(notebook, report, NOTED);
  await call(notebook, 'highlights.update', { highlightId: noted.id, credibility: 2 });
  const intelligence = await highlight(notebook, report, REPORT_PASSAGE);
  const isisK = await highlight(notebook, news, NEWS_PASSAGE);
  const officials = await highlight(notebook, news, NEWS_SHORT);
  await call(notebook, 'highlights.delete', { highlightId: intelligence.id });
  const doc: DocInput = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Findings')] },
      paragraph(text('See '), text('this', { type: 'bold' }), text(', '), text('that', { type: 'italic' }), text(' and '), text('the site', { type: 'link', attrs: { href: 'https://example.org/site' } }), text(': '), cite(noted.id, NOTED, REPORT)),
      paragraph(text('Before the block.'), cite(isisK.id, NEWS_PASSAGE, NEWS, 'block'), text('After the block.')),
      { type: 'bulletList', content: [item(text('First point')), item(text('Second point with '), cite(officials.id, NEWS_SHORT, NEWS))] },
      { type: 'orderedList', attrs: { start: 3 }, content: [item(text('Third step')), item(text('Fourth step'))] },
      { type: 'blockquote', content: [paragraph(text('A thought set apart.'))] },
      paragraph(text('Not a link', { type: 'link', attrs: { href: 'javascript:alert(1)' } }), text(' and again '), cite(noted.id, NOTED, REPORT), text(' and gone '), cite(intelligence.id, REPORT_PASSAGE, REPORT)),
    ],
  };
  const memo = await call(notebook, 'memos.create', { title: 'Groups: who? <draft>', doc });
  const [resolved] = await call(notebook, 'citations.resolve', { highlightIds: [noted.id] });
  return { memo, located: resolved?.location ?? '' };
}

/** The footnotes of word/footnotes.xml that are notes (not Word's separators). */
function wordFootnotes(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/footnotes.xml'] ?? new Uint8Array());
  return [...xml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)].filter(([, attrs]) => !/w:type=/.test(attrs ?? '')).map(([, , body]) => body ?? '');
}

describe('memos.exportWord through dispatch', () => {
  it('exports a .docx named after the memo, a Word footnote for each citation', async () => {
    const notebook = await notebooks.open();
    const { memo } = await citingMemo(notebook);
    const file = await call(notebook, 'memos.exportWord', { memoId: memo.id });
    expect(file).toMatchObject({ fileName: 'Groups who draft.docx', mediaType: WORD, encoding: 'base64' });
    const bytes = Buffer.from(file.content, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const footnotes = wordFootnotes(bytes);
    expect(footnotes).toHaveLength(5);
    const document = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    expect(document.match(/<w:footnoteReference /g)).toHaveLength(5);
    expect(document).toContain('w:val="Quote"');
    expect(document).not.toContain('javascript:');
  });

  it.skipIf(!PANDOC)('reads back in pandoc with every quote, footnote, heading, list item and link (skipped when pandoc is not installed)', async () => {
    const notebook = await notebooks.open();
    const { memo, located } = await citingMemo(notebook);
    const file = await call(notebook, 'memos.exportWord', { memoId: memo.id });
    const read = spawnSync('pandoc', ['-f', 'docx', '-t', 'markdown-smart', '--standalone', '--wrap=none'], { input: Buffer.from(file.content, 'base64'), encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    const markdown = read.stdout;
    const lines = markdown.split('\n');
    // pandoc escapes Markdown's special characters; the words themselves come back as written.
    const unescaped = markdown.replace(/\\(.)/g, '$1');
    // The Title paragraph is the document's title; pandoc gives it as Markdown in YAML metadata.
    const metadata = parse(markdown.slice(markdown.indexOf('---\n') + 4, markdown.indexOf('\n---\n'))) as { title: string };
    expect(metadata.title.replace(/\\(.)/g, '$1')).toBe('Groups: who? <draft>');
    expect(lines).toContain('## Findings');
    expect(markdown).toContain('See **this**, *that* and [the site](https://example.org/site):');
    expect(unescaped).toContain(`“${NOTED}”[^1]`);
    expect(lines).toContain('Before the block.');
    expect(lines.filter((l) => l.startsWith('> ')).map((l) => l.replace(/\\(.)/g, '$1'))).toEqual([`> ${NEWS_PASSAGE}[^2]`, '> A thought set apart.']);
    expect(lines).toContain('After the block.');
    expect(lines.filter((l) => /^(?:-|\d+\.)\s/.test(l)).map((l) => l.replace(/\\(.)/g, '$1').replace(/\s+/, ' '))).toEqual([
      '- First point',
      `- Second point with “${NEWS_SHORT}”[^3]`,
      '3. Third step',
      '4. Fourth step',
    ]);
    expect(unescaped).toContain(`Not a link and again “${NOTED}”[^4] and gone “${REPORT_PASSAGE}”[^5]`);

    const notes = new Map(lines.flatMap((l): [string, string][] => {
      const note = /^\[\^(\d+)\]: (.*)$/.exec(l);
      return note === null ? [] : [[note[1] ?? '', note[2] ?? '']];
    }));
    // The notes are in the memo's citation style (Chicago notes-bibliography, short notes since a bibliography follows).
    const [section = '', paragraphNumber = ''] = located.split(', ¶ ');
    const reportNote = new RegExp(`^Mehran, \\*Title of New-Jihadi-Sphere\\*, para\\. ${paragraphNumber}, under “${section}\\.?”\\.? \\[B2\\]$`);
    const plain = (key: string) => (notes.get(key) ?? '').replace(/\\([[\]])/g, '$1');
    expect(plain('1')).toMatch(reportNote);
    expect(plain('2')).toMatch(/^“Title of Us-Weighs-Cooperation,” para\. \d+\.$/);
    expect(plain('3')).toMatch(/^“Title of Us-Weighs-Cooperation,” para\. \d+\.$/);
    expect(plain('3')).not.toBe(plain('2'));
    expect(plain('4')).toBe(plain('1'));
    expect(plain('5')).toBe('Mehran, *Title of New-Jihadi-Sphere*. This passage is no longer highlighted; the quote is the one it last had.');
    // The report's note 10, which the first passage carries a marker of, follows in its footnote.
    const footnoteBlock = markdown.slice(markdown.indexOf('[^1]:'), markdown.indexOf('[^2]:'));
    expect(footnoteBlock).toMatch(/\n\n {4}Note 10 of the source: \S/);

    const bibliography = lines.slice(lines.indexOf('# Bibliography') + 1).filter((l) => l.trim() !== '' && !l.startsWith('[^') && !l.startsWith('    '));
    expect(bibliography).toEqual(['Mehran, Weeda. *Title of New-Jihadi-Sphere*, n.d. https://example.org/report.', '“Title of Us-Weighs-Cooperation.” n.d.']);
  });

  it('refuses a memo that does not exist, or was deleted, with a sentence', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'memos.exportWord', { memoId: 'nope' })).toEqual({ code: 'not-found', message: 'There is no memo with id “nope”. Reload the memo list and try again.' });
    const memo = await call(notebook, 'memos.create', { title: 'Gone' });
    await call(notebook, 'memos.delete', { memoId: memo.id });
    expect((await callFails(notebook, 'memos.exportWord', { memoId: memo.id })).message).toBe('The memo “Gone” was deleted; restore it to open or change it.');
  });
});
