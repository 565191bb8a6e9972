import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoCitations } from '../../core/memo/memo-schema';
import { CITATION_NODE } from '../../core/model/memo';
import type { ApiInput, LoadedSource } from '../../shared/api-contract';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { readMarkdown, refMarker } from '../../../tests/unit/support/read-markdown';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('memos-api');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A clock that moves one minute on each reading, so every write has its own time. */
function ticking(from = Date.UTC(2026, 10, 22, 12, 0)) {
  let t = from;
  return () => new Date((t += 60_000));
}

const REPORT_PASSAGE = 'Accurate and comprehensive intelligence on the Taliban';
const NEWS_PASSAGE = 'the Khorasan branch of ISIS, commonly known as ISIS-K';

/** A memo body as a caller sends it. */
type DocInput = ApiInput<'memos.save'>['doc'];

const body = (...paragraphs: string[]): DocInput => ({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

async function highlight(notebook: Notebook, source: LoadedSource, passage: string, tags: { tagId: string; stance?: 'supports' | 'contradicts' | 'context' }[] = []) {
  return call(notebook, 'highlights.create', { sourceId: source.meta.id, ...rangeOf(source, passage), tags });
}

function citing(...cited: { id: string; quote: string; sourceId: string; display?: 'inline' | 'block' }[]): DocInput {
  return {
    type: 'doc',
    content: cited.map(({ id, quote, sourceId, display = 'inline' }) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: 'See ' }, { type: CITATION_NODE, attrs: { highlightId: id, display, quote, sourceId } }],
    })),
  };
}

describe('memos through dispatch', () => {
  it('creates a memo acknowledged once durable, in a file of its own', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const memo = await call(notebook, 'memos.create', { title: '  Groups  ' });
    expect(memo).toEqual({ id: expect.stringMatching(UUID), title: 'Groups', doc: { type: 'doc', content: [{ type: 'paragraph' }] }, created: expect.stringMatching(/^2026-11-22T12:\d\d:00\.000Z$/), modified: memo.created });
    const file = JSON.parse(await readFile(join(notebooks.dataDir(), 'memos', `${memo.id}.json`), 'utf8')) as unknown;
    expect(file).toEqual({ schemaVersion: 1, memo, deleted: null });
    expect(await call(notebook, 'memos.get', { memoId: memo.id })).toEqual(memo);
  });

  it('lists memos most recently changed first, with their citation counts', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const first = await call(notebook, 'memos.create', { title: 'First' });
    const second = await call(notebook, 'memos.create', { title: 'Second', doc: citing({ id: 'h1', quote: 'q', sourceId: REPORT }, { id: 'h2', quote: 'q', sourceId: REPORT }) });
    expect((await call(notebook, 'memos.list', {})).map((m) => [m.title, m.citationCount])).toEqual([
      ['Second', 2],
      ['First', 0],
    ]);
    await call(notebook, 'memos.save', { memoId: first.id, title: 'First, edited', doc: body('Now longer.') });
    expect((await call(notebook, 'memos.list', {})).map((m) => m.id)).toEqual([first.id, second.id]);
  });

  it('keeps every autosave across close and reopen', async () => {
    const first = await notebooks.open({ now: ticking() });
    const memo = await call(first, 'memos.create', {});
    for (let i = 1; i <= 5; i++) await call(first, 'memos.save', { memoId: memo.id, title: `Draft ${i}`, doc: body(`Paragraph ${i}.`) });
    await first.close();
    const second = await notebooks.open();
    const reopened = await call(second, 'memos.get', { memoId: memo.id });
    expect(reopened.title).toBe('Draft 5');
    expect(reopened.doc).toEqual(body('Paragraph 5.'));
  });

  it('answers saves arriving together in order, the last one standing', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const memo = await call(notebook, 'memos.create', {});
    const saves = await Promise.all([1, 2, 3, 4].map((i) => call(notebook, 'memos.save', { memoId: memo.id, title: `Save ${i}`, doc: body(`${i}`) })));
    expect(saves.map((m) => m.title)).toEqual(['Save 1', 'Save 2', 'Save 3', 'Save 4']);
    expect((await call(notebook, 'memos.get', { memoId: memo.id })).title).toBe('Save 4');
  });

  it('refuses a body the editor cannot hold, naming each problem, and writes nothing', async () => {
    const notebook = await notebooks.open();
    const memo = await call(notebook, 'memos.create', { doc: body('Kept.') });
    const error = await callFails(notebook, 'memos.save', { memoId: memo.id, title: 'x', doc: { type: 'doc', content: [{ type: 'table' }, { type: 'paragraph', content: [{ type: 'citation', attrs: {} }] }] } });
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual([
      expect.stringMatching(/^doc\.content\[0\]: “table” cannot stand as a block/),
      expect.stringMatching(/^doc\.content\[1\]\.content\[0\]: a citation needs a highlightId/),
    ]);
    expect((await call(notebook, 'memos.get', { memoId: memo.id })).doc).toEqual(body('Kept.'));
  });

  it('says plainly when a memo does not exist', async () => {
    const notebook = await notebooks.open();
    const missing = { code: 'not-found', message: 'There is no memo with id “nope”. Reload the memo list and try again.' };
    expect(await callFails(notebook, 'memos.get', { memoId: 'nope' })).toEqual(missing);
    expect(await callFails(notebook, 'memos.save', { memoId: 'nope', title: '', doc: body('x') })).toEqual(missing);
    expect(await callFails(notebook, 'memos.delete', { memoId: 'nope' })).toEqual(missing);
    expect(await callFails(notebook, 'memos.restore', { memoId: '../../etc/passwd' })).toEqual({ ...missing, message: missing.message.replace('nope', '../../etc/passwd') });
    expect(await readdir(notebooks.dataDir())).not.toContain('memos');
  });

  it('deletes to the trash and restores, also after a restart', async () => {
    const first = await notebooks.open({ now: ticking() });
    const memo = await call(first, 'memos.create', { title: 'To delete', doc: body('Words.') });
    const deleted = await call(first, 'memos.delete', { memoId: memo.id });
    expect(deleted).toEqual({ id: memo.id, title: 'To delete', created: memo.created, modified: memo.modified, citationCount: 0 });
    expect(await call(first, 'memos.list', {})).toEqual([]);
    expect(await callFails(first, 'memos.get', { memoId: memo.id })).toEqual({ code: 'not-found', message: 'The memo “To delete” was deleted; restore it to open or change it.' });
    expect((await callFails(first, 'memos.save', { memoId: memo.id, title: 'late', doc: body('late') })).code).toBe('not-found');
    await first.close();

    const second = await notebooks.open();
    expect(await call(second, 'memos.list', {})).toEqual([]);
    expect(await call(second, 'memos.restore', { memoId: memo.id })).toEqual(memo);
    expect((await call(second, 'memos.list', {})).map((m) => m.id)).toEqual([memo.id]);
    expect(await call(second, 'memos.restore', { memoId: memo.id })).toEqual(memo);
  });

  it('fails a save the disk refuses with a sentence, keeping the last saved memo', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    const memo = await call(notebook, 'memos.create', { title: 'Safe', doc: body('Saved.') });
    fs.fail('write-file', 'ENOSPC', /memos/);
    const error = await callFails(notebook, 'memos.save', { memoId: memo.id, title: 'Lost', doc: body('Not saved.') });
    expect(error.code).toBe('storage-failed');
    expect(error.message).toMatch(/^Could not save the memo to .*memos.*: no space left on device \(ENOSPC\)\. Nothing was lost: your last saved change is intact\.$/);
    expect(await call(notebook, 'memos.get', { memoId: memo.id })).toEqual(memo);
    fs.heal();
    expect((await call(notebook, 'memos.save', { memoId: memo.id, title: 'Retried', doc: body('Saved again.') })).title).toBe('Retried');
  });

  it('moves a damaged memo file aside at start, says where, and keeps the other memos', async () => {
    const first = await notebooks.open();
    const kept = await call(first, 'memos.create', { title: 'Kept' });
    const damaged = await call(first, 'memos.create', { title: 'Damaged' });
    await first.close();
    await writeFile(join(notebooks.dataDir(), 'memos', `${damaged.id}.json`), '{"schemaVersion":1,"memo":');
    const second = await notebooks.open();
    const status = await call(second, 'notebook.status', {});
    expect(status.notices).toContainEqual(expect.objectContaining({ kind: 'quarantined', message: expect.stringContaining('this memo missing from the memo list') }));
    expect((await call(second, 'memos.list', {})).map((m) => m.title)).toEqual(['Kept']);
    expect(kept.title).toBe('Kept');
  });
});

describe('memos.draftFromTags through dispatch', () => {
  it('drafts a section per tag, passages grouped by source in text order, stances for recommendations', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const later = await highlight(notebook, report, REPORT_PASSAGE, [{ tagId: 'group:taliban' }, { tagId: 'rec:r1', stance: 'supports' }]);
    const earlier = await highlight(notebook, report, 'Weeda Mehran, PhD (Cambridge)', [{ tagId: 'group:taliban' }]);
    const inNews = await highlight(notebook, news, NEWS_PASSAGE, [{ tagId: 'group:taliban' }]);
    const memo = await call(notebook, 'memos.draftFromTags', { tagIds: ['group:taliban', 'rec:r1', 'group:taliban'] });
    const tags = await call(notebook, 'tags.list', {});
    const name = (id: string) => tags.tags.find((t) => t.id === id)?.name ?? '';
    expect(memo.title).toBe(`Memo from tags: ${name('group:taliban')}, ${name('rec:r1')}`);
    const headings = (memo.doc.content ?? []).filter((n) => n.type === 'heading').map((n) => n.content?.[0]?.text);
    // Sources in library order (the tiny library lists the news capture first), passages in text order.
    expect(headings).toEqual([name('group:taliban'), news.meta.title, report.meta.title, name('rec:r1'), report.meta.title]);
    expect(memoCitations(memo.doc).map((c) => c.highlightId)).toEqual([inNews.highlight.id, earlier.highlight.id, later.highlight.id, later.highlight.id]);
    expect(JSON.stringify(memo.doc)).toContain('"Supports:"');
    expect((await call(notebook, 'memos.list', {})).map((m) => m.id)).toEqual([memo.id]);
  });

  it('takes the title given, and refuses a tag that does not exist', async () => {
    const notebook = await notebooks.open();
    expect((await call(notebook, 'memos.draftFromTags', { tagIds: ['group:ttp'], title: 'TTP brief' })).title).toBe('TTP brief');
    expect((await callFails(notebook, 'memos.draftFromTags', { tagIds: ['group:none'] })).code).toBe('not-found');
  });
});

describe('citations.resolve through dispatch', () => {
  it('gives each cited highlight’s current passage, or says it is orphaned or deleted', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const live = await highlight(notebook, report, REPORT_PASSAGE);
    const orphaned = await highlight(notebook, news, NEWS_PASSAGE);
    const gone = await highlight(notebook, news, 'Biden administration officials');
    await call(notebook, 'highlights.delete', { highlightId: gone.highlight.id });
    await call(notebook, 'sources.replace', { sourceId: NEWS, text: news.text.replace(NEWS_PASSAGE, 'a group whose name this version no longer gives') });

    const resolved = await call(notebook, 'citations.resolve', { highlightIds: [live.highlight.id, orphaned.highlight.id, gone.highlight.id, 'never-was'] });
    expect(resolved).toEqual([
      {
        highlightId: live.highlight.id,
        state: 'live',
        quote: REPORT_PASSAGE,
        sourceId: REPORT,
        sourceTitle: report.meta.title,
        ...rangeOf(report, REPORT_PASSAGE),
        location: 'Recommendations, ¶ 1',
        grade: null,
      },
      { highlightId: orphaned.highlight.id, state: 'orphan', quote: null, sourceId: NEWS, sourceTitle: news.meta.title, start: null, end: null, location: null, grade: null },
      { highlightId: gone.highlight.id, state: 'deleted', quote: null, sourceId: null, sourceTitle: null, start: null, end: null, location: null, grade: null },
      { highlightId: 'never-was', state: 'deleted', quote: null, sourceId: null, sourceTitle: null, start: null, end: null, location: null, grade: null },
    ]);
  });

  it('follows a highlight that re-anchored after its source changed', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const cited = await highlight(notebook, report, REPORT_PASSAGE);
    await call(notebook, 'sources.replace', { sourceId: REPORT, text: `A new opening paragraph.\n\n${report.text}` });
    const [resolved] = await call(notebook, 'citations.resolve', { highlightIds: [cited.highlight.id] });
    const replaced = await call(notebook, 'sources.get', { sourceId: REPORT });
    expect(resolved).toMatchObject({ state: 'live', quote: REPORT_PASSAGE, ...rangeOf(replaced, REPORT_PASSAGE) });
    expect(resolved?.start).not.toBe(rangeOf(report, REPORT_PASSAGE).start);
  });
});

describe('memos.exportMarkdown through dispatch', () => {
  it('exports the memo as a Markdown file named after its title, quoting each source verbatim', async () => {
    const notebook = await notebooks.open({ now: () => new Date(2026, 10, 22, 15, 30) });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const a = await highlight(notebook, report, REPORT_PASSAGE, [{ tagId: 'group:taliban' }]);
    const b = await highlight(notebook, news, NEWS_PASSAGE, [{ tagId: 'group:is-khorasan' }]);
    const c = await highlight(notebook, news, 'Biden administration officials');
    const memo = await call(notebook, 'memos.create', {
      title: 'Taliban: what? <draft>',
      doc: citing(
        { id: a.highlight.id, quote: REPORT_PASSAGE, sourceId: REPORT },
        { id: b.highlight.id, quote: NEWS_PASSAGE, sourceId: NEWS, display: 'block' },
        { id: c.highlight.id, quote: 'Biden administration officials', sourceId: NEWS },
        { id: a.highlight.id, quote: 'stale quote', sourceId: REPORT },
      ),
    });
    await call(notebook, 'highlights.delete', { highlightId: c.highlight.id });

    const file = await call(notebook, 'memos.exportMarkdown', { memoId: memo.id });
    expect(file.fileName).toBe('Taliban what draft.md');
    expect(file.mediaType).toBe('text/markdown');
    const rendered = readMarkdown(file.content);
    const tags = await call(notebook, 'tags.list', {});
    const name = (id: string) => tags.tags.find((t) => t.id === id)?.name;
    expect(rendered.frontMatter).toEqual({ title: 'Taliban: what? <draft>', date: '2026-11-22', tags: [name('group:taliban'), name('group:is-khorasan')] });
    expect(rendered.references).toEqual(['1', '2', '3', '1']);
    expect(rendered.footnotes).toEqual(['1', '2', '3']);
    expect(rendered.blocks.slice(0, 5).map((block) => block.text)).toEqual([
      `See “${REPORT_PASSAGE}”${refMarker('1')}`,
      'See',
      `${NEWS_PASSAGE}${refMarker('2')}`,
      `See “Biden administration officials”${refMarker('3')}`,
      `See “${REPORT_PASSAGE}”${refMarker('1')}`,
    ]);
    const footnotes = rendered.blocks.filter((block) => block.containers.includes('footnote')).map((block) => block.text);
    // In the default citation style, Chicago's (which sets titles in title case).
    expect(footnotes[0]).toBe('Title of New-Jihadi-Sphere, para. 1, under “Recommendations.”');
    expect(file.content).toContain('[^1]: *Title of New-Jihadi-Sphere*, para. 1');
    expect(footnotes[2]).toMatch(/This passage is no longer highlighted; the quote is the one it last had\.$/);
    expect(file.content.trimEnd().endsWith('- “Title of Us-Weighs-Cooperation.” n.d.')).toBe(true);
  });

  it('refuses to export a memo that does not exist', async () => {
    const notebook = await notebooks.open();
    expect((await callFails(notebook, 'memos.exportMarkdown', { memoId: 'nope' })).code).toBe('not-found');
  });
});
