import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATION_NODE } from '../../core/model/memo';
import type { ApiInput } from '../../shared/api-contract';
import { readMarkdown } from '../../../tests/unit/support/read-markdown';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';

const notebooks = useTestNotebooks('memo-citation-style');

const REPORT_PASSAGE = 'Accurate and comprehensive intelligence on the Taliban';
const NEWS_PASSAGE = 'the Khorasan branch of ISIS, commonly known as ISIS-K';

type DocInput = ApiInput<'memos.save'>['doc'];
const citing = (...cited: { id: string; quote: string; sourceId: string }[]): DocInput => ({
  type: 'doc',
  content: cited.map(({ id, quote, sourceId }) => ({ type: 'paragraph', content: [{ type: 'text', text: 'See ' }, { type: CITATION_NODE, attrs: { highlightId: id, display: 'inline', quote, sourceId } }] })),
});

describe('a memo’s citation style through the API', () => {
  it('is kept with the memo: set on create, changed by a save that gives one, kept by a save that does not', async () => {
    const notebook = await notebooks.open();
    const doc = citing();
    const memo = await call(notebook, 'memos.create', { title: 'Styled', doc, citationStyle: 'apa' });
    expect(memo.citationStyle).toBe('apa');
    expect((await call(notebook, 'memos.get', { memoId: memo.id })).citationStyle).toBe('apa');
    const kept = await call(notebook, 'memos.save', { memoId: memo.id, title: 'Styled', doc });
    expect(kept.citationStyle).toBe('apa');
    await call(notebook, 'memos.save', { memoId: memo.id, title: 'Styled', doc, citationStyle: 'chicago-note' });
    await notebook.close();
    const reopened = await notebooks.open();
    expect((await call(reopened, 'memos.get', { memoId: memo.id })).citationStyle).toBe('chicago-note');
  });

  it('refuses a style it does not know, naming the ones it does', async () => {
    const notebook = await notebooks.open();
    const failure = await callFails(notebook, 'memos.create', { title: 'x', citationStyle: 'mla' });
    expect(failure.code).toBe('invalid-input');
    expect(failure.message).toMatch(/chicago-note.*apa/);
  });

  it('reads a memo saved before styles existed as one citing in Chicago’s', async () => {
    const id = '0b5c3e1a-8f7d-4c2b-9a6e-1d2f3a4b5c6d';
    await mkdir(join(notebooks.dataDir(), 'memos'), { recursive: true });
    const old = { id, title: 'Old memo', doc: citing(), created: '2026-01-01T10:00:00.000Z', modified: '2026-01-01T10:00:00.000Z' };
    await writeFile(join(notebooks.dataDir(), 'memos', `${id}.json`), JSON.stringify({ schemaVersion: 1, memo: old, deleted: null }));
    const notebook = await notebooks.open();
    const memo = await call(notebook, 'memos.get', { memoId: id });
    expect(memo).toEqual(old);
    expect(memo.citationStyle).toBeUndefined();
  });

  it('exports Markdown in the memo’s style: Chicago notes and a Bibliography, or APA references and a References list', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { title: "The New Jihadi Sphere Under Taliban's Rule", author: 'Weeda Mehran', publisher: 'Andiana Foundation', date: 'January 2025', isoDate: '2025-01' } });
    const a = await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, REPORT_PASSAGE), tags: [] });
    const b = await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news, NEWS_PASSAGE), tags: [] });
    const doc = citing({ id: a.highlight.id, quote: REPORT_PASSAGE, sourceId: REPORT }, { id: b.highlight.id, quote: NEWS_PASSAGE, sourceId: NEWS });
    const memo = await call(notebook, 'memos.create', { title: 'Two styles', doc });

    const chicago = (await call(notebook, 'memos.exportMarkdown', { memoId: memo.id })).content;
    expect(chicago).toContain('[^1]: Mehran, *The New Jihadi Sphere Under Taliban\\\'s Rule*, para. 1, under “Recommendations.”\n');
    expect(chicago).toContain('[^2]: “Title of Us-Weighs-Cooperation,” para. 8.\n');
    expect(chicago).toContain('\n## Bibliography\n\n- Mehran, Weeda. *The New Jihadi Sphere Under Taliban\\\'s Rule*. Andiana Foundation, January 2025.\n');

    await call(notebook, 'memos.save', { memoId: memo.id, title: memo.title, doc, citationStyle: 'apa' });
    const apa = (await call(notebook, 'memos.exportMarkdown', { memoId: memo.id })).content;
    expect(apa).toContain('[^1]: (Mehran, 2025, para. 1, under “Recommendations”)\n');
    // With no outlet named, APA sets an article's title in italics, as a work of its own.
    expect(apa).toContain('[^2]: (*Title of Us-Weighs-Cooperation*, n.d., para. 8)\n');
    expect(apa).toContain('\n## References\n\n- Mehran, W. (2025). *The New Jihadi Sphere Under Taliban\\\'s Rule*. Andiana Foundation.\n');
    // The body does not change with the style.
    expect(apa.slice(0, apa.indexOf('[^1]:'))).toBe(chicago.slice(0, chicago.indexOf('[^1]:')));
    expect(readMarkdown(apa).footnotes).toEqual(['1', '2']);
  });
});
