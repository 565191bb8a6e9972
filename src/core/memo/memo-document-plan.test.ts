import { describe, expect, it } from 'vitest';
import { bold, cite, contextOf, doc, hardBreak, heading, italic, lastKnown, link, live, memo, paragraph, sourceMeta, text } from '../../../tests/unit/support/memo-builders';
import { sourceId } from '../model/ids';
import type { MemoNode } from '../model/memo';
import { memoDocumentPlan, type PlanParagraph, type PlanRun } from './memo-document-plan';

const words = (runs: readonly PlanRun[]): string => runs.map((r) => (r.kind === 'text' ? r.text : r.kind === 'break' ? '\n' : `[${r.footnote}]`)).join('');
const shown = (p: PlanParagraph): string => {
  switch (p.kind) {
    case 'heading':
      return `h${p.level} ${words(p.runs)}`;
    case 'body': {
      const marker = p.list === null ? '' : `${' '.repeat(p.list.level)}${p.list.marker ? (p.list.ordered ? `${p.list.start}#${p.list.list}.` : `-#${p.list.list}`) : '…'}`;
      const prefix = `${'>'.repeat(p.quoteDepth)}${marker}`;
      return prefix === '' ? words(p.runs) : `${prefix} ${words(p.runs)}`;
    }
    case 'code':
      return `code ${p.lines.join('|')}`;
    case 'rule':
      return 'rule';
  }
};
const list = (type: 'bulletList' | 'orderedList', items: MemoNode[][], start?: number): MemoNode => ({
  type,
  ...(start === undefined ? {} : { attrs: { start } }),
  content: items.map((content) => ({ type: 'listItem', content })),
});

const report = sourceMeta('report', { title: 'The Report', author: 'A. Author', link: 'https://example.org/r' });
const news = sourceMeta('news', { title: 'The News', publisher: 'Daily' });
const passages = [
  live('h1', 'First passage', { source: report, sourceId: report.id, notes: [{ note: 7, text: 'A note of the report.' }] }),
  live('h2', 'Second passage\n\nin two paragraphs', { source: news, sourceId: news.id, credibility: 2 }),
  lastKnown('h3', 'deleted', 'Gone passage', { source: report, sourceId: report.id }),
];
const context = contextOf(passages);

describe('memoDocumentPlan', () => {
  it('lays out headings, marked text, quotes and lists, a citation splitting its paragraph when shown as a block', () => {
    const plan = memoDocumentPlan(
      memo(
        doc(
          heading(2, text('Findings')),
          paragraph(text('Plain, '), text('bold', bold), text(' and '), text('linked', link('https://example.org')), text(' and '), text('unsafe', link('javascript:x')), hardBreak, text('next line')),
          paragraph(text('Before '), cite('h2', 'block'), text(' after')),
          list('bulletList', [[paragraph(text('one'))], [paragraph(text('two')), paragraph(text('more of two')), list('orderedList', [[paragraph(text('inner'))]], 4)]]),
          list('bulletList', [[paragraph(text('a new list'))]]),
          { type: 'blockquote', content: [paragraph(text('quoted'), cite('h1'))] },
          { type: 'codeBlock', content: [{ type: 'text', text: 'a\nb' }] },
          { type: 'horizontalRule' },
        ),
        '  ',
      ),
      context,
    );
    expect(plan.title).toBe('Untitled memo');
    expect(plan.paragraphs.map(shown)).toEqual([
      'h2 Findings',
      'Plain, bold and linked and unsafe\nnext line',
      'Before',
      '> Second passage',
      '> in two paragraphs[1]',
      'after',
      '-#1 one',
      '-#1 two',
      '… more of two',
      ' 4#2. inner',
      '-#3 a new list',
      '> quoted“First passage”[2]',
      'code a|b',
      'rule',
      'h1 Bibliography',
      'The News.',
      'The Report.',
    ]);
    const runs = plan.paragraphs[1]?.kind === 'body' ? plan.paragraphs[1].runs : [];
    expect(runs.filter((r) => r.kind === 'text' && (r.bold || r.link !== null))).toEqual([
      { kind: 'text', text: 'bold', bold: true, italic: false, code: false, link: null },
      { kind: 'text', text: 'linked', bold: false, italic: false, code: false, link: 'https://example.org' },
    ]);
    // The citation style's italics come through.
    const entry = plan.paragraphs.at(-1);
    expect(entry?.kind === 'body' ? entry.runs[0] : null).toEqual({ kind: 'text', text: 'The Report', bold: false, italic: true, code: false, link: null });
  });

  it('gives every citation a footnote of its own, a repeat too: source, location, grade and the source’s notes', () => {
    const plan = memoDocumentPlan(memo(doc(paragraph(cite('h1'), text(' '), cite('h2'), text(' '), cite('h1', 'inline'), text(' '), cite('h3', 'inline', 'Gone passage', 'report')))), context);
    expect(plan.footnotes.map((paragraphs) => paragraphs.map(words))).toEqual([
      ['The Report, paragraph 2, under “Introduction”.', 'Note 7 of the source: A note of the report.'],
      ['The News, paragraph 2, under “Introduction”. [–2]'],
      ['The Report, paragraph 2, under “Introduction”.', 'Note 7 of the source: A note of the report.'],
      ['The Report. This passage is no longer highlighted; the quote is the one it last had.'],
    ]);
    expect(words(plan.paragraphs[0]?.kind === 'body' ? plan.paragraphs[0].runs : [])).toBe('“First passage”[1] “Second passage\n\nin two paragraphs”[2] “First passage”[3] “Gone passage”[4]');
  });

  it('has no bibliography when nothing is cited, and names a source the library lost in its footnote only', () => {
    expect(memoDocumentPlan(memo(doc(paragraph(text('Just words.', italic)))), context).paragraphs.map(shown)).toEqual(['Just words.']);
    const lost = contextOf([lastKnown('h9', 'source-removed', 'Old words', { source: null, sourceId: sourceId('old') })]);
    const plan = memoDocumentPlan(memo(doc(paragraph(cite('h9')))), lost);
    expect(plan.paragraphs.map(shown)).toEqual(['“Old words”[1]']);
    expect(words(plan.footnotes[0]?.[0] ?? [])).toMatch(/^A source no longer in the library \(“old”\)\. The source was removed/);
  });
});
