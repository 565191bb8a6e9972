import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightId } from '../../core/model/ids';
import type { AnchoredHighlight, LoadedSource } from '../../shared/api-contract';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';
import { bucketOf } from './highlight-bucket';

const notebooks = useTestNotebooks('highlights-api');
const NOW = '2026-11-22T18:00:00.000Z';
const now = () => new Date(NOW);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const PLEDGE = 'Accurate and comprehensive intelligence on the Taliban';
const HAMAS = "following Hamas's attack on Israel";
const ISIS_K = 'the Khorasan branch of ISIS, commonly known as ISIS-K';

async function highlight(notebook: Notebook, source: LoadedSource, passage: string, extra: { comment?: string; color?: string | null; tags?: { tagId: string; stance?: 'supports' | 'contradicts' | 'context' }[] } = {}) {
  return call(notebook, 'highlights.create', { sourceId: source.meta.id, ...rangeOf(source, passage), ...extra });
}

const quotes = (list: readonly AnchoredHighlight[]): string[] => list.map((a) => a.highlight.target.quote.exact);

describe('highlights through dispatch', () => {
  it('creates a highlight acknowledged once durable, with a random id, selectors and the clock’s timestamps', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const created = await highlight(notebook, report, HAMAS);

    const { start, end } = rangeOf(report, HAMAS);
    expect(created).toEqual({
      highlight: {
        id: expect.stringMatching(UUID),
        target: {
          sourceId: REPORT,
          quote: { type: 'TextQuoteSelector', exact: HAMAS, prefix: report.text.slice(start - 32, start), suffix: report.text.slice(end, end + 32) },
          position: { type: 'TextPositionSelector', start, end },
          textHash: report.textHash,
        },
        color: null,
        tags: [],
        comment: '',
        created: NOW,
        modified: NOW,
      },
      status: 'exact',
      start,
      end,
    });
    const file = join(notebooks.dataDir(), 'highlights', REPORT, `${bucketOf(created.highlight.id)}.json`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 1, highlights: [created.highlight] });
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Highlight', redoLabel: null });
  });

  it('lists a source’s highlights in text order, whatever order they were made in', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    for (const passage of [PLEDGE, HAMAS, 'Weeda Mehran, PhD (Cambridge)']) await highlight(notebook, report, passage);
    const listed = await call(notebook, 'highlights.list', { sourceId: REPORT });
    expect(quotes(listed)).toEqual(['Weeda Mehran, PhD (Cambridge)', HAMAS, PLEDGE]);
    expect(listed.every((a) => a.status === 'exact')).toBe(true);
    expect(await call(notebook, 'highlights.list', { sourceId: NEWS })).toEqual([]);
  });

  it('tags a highlight, giving a recommendation the neutral stance unless one is chosen', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const created = await highlight(notebook, report, PLEDGE, { tags: [{ tagId: 'group:taliban' }, { tagId: 'rec:r1' }, { tagId: 'rec:r2', stance: 'contradicts' }] });
    expect(created.highlight.tags).toEqual([{ tagId: 'group:taliban' }, { tagId: 'rec:r1', stance: 'context' }, { tagId: 'rec:r2', stance: 'contradicts' }]);
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Highlight and tag', redoLabel: null });
  });

  it('refuses empty, blank and out-of-range selections with a sentence, writing nothing', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const blank = report.text.indexOf('\n\n');
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, start: 10, end: 10 })).toEqual({
      code: 'invalid-input',
      message: 'The selection is empty. Select at least one word to highlight.',
      issues: ['start, end: The selection is empty. Select at least one word to highlight.'],
    });
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, start: blank, end: blank + 2 })).toMatchObject({
      code: 'invalid-input',
      message: 'The selection holds only spaces or line breaks. Select at least one word to highlight.',
    });
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, start: 5, end: report.text.length + 1 })).toMatchObject({
      code: 'invalid-input',
      message: `The selection 5–${report.text.length + 1} is not inside the text, which has ${report.text.length} characters. Select the passage again.`,
    });
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, start: 20, end: 10 })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'highlights.create', { sourceId: 'no-such-source', start: 0, end: 5 })).toEqual({
      code: 'not-found',
      message: 'The library has no source with id "no-such-source".',
    });
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, start: 0, end: 5, color: 'red' })).toMatchObject({
      code: 'invalid-input',
      issues: ['color: must be a colour like #1f6feb'],
    });
    expect(await readdir(notebooks.dataDir())).not.toContain('highlights');
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: null });
  });

  it('refuses an unknown tag as not-found and a stance on a group as invalid input', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, PLEDGE), tags: [{ tagId: 'group:nobody' }] })).toEqual({
      code: 'not-found',
      message: 'There is no tag with id “group:nobody”; it may have been deleted. Reload the tag list and try again.',
    });
    expect(await callFails(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, PLEDGE), tags: [{ tagId: 'group:taliban', stance: 'supports' }] })).toEqual({
      code: 'invalid-input',
      message: '“Taliban” is not a recommendation, so a highlight tagged to it carries no stance.',
      issues: ['tags: “Taliban” is not a recommendation, so a highlight tagged to it carries no stance.'],
    });
    expect(await call(notebook, 'highlights.list', { sourceId: REPORT })).toEqual([]);
  });

  it('updates colour, tags and comment, labelling each for undo, and records nothing for a change to nothing', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const { highlight: made } = await highlight(notebook, report, HAMAS);
    const highlightIdOf = { highlightId: made.id };

    const recoloured = await call(notebook, 'highlights.update', { ...highlightIdOf, color: '#1f6feb' });
    expect(recoloured).toMatchObject({ highlight: { color: '#1f6feb', tags: [], comment: '' }, status: 'exact', ...rangeOf(report, HAMAS) });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Change highlight colour');

    await call(notebook, 'highlights.update', { ...highlightIdOf, tags: [{ tagId: 'group:hamas' }] });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Change highlight tags');
    await call(notebook, 'highlights.update', { ...highlightIdOf, comment: 'The Taliban’s reaction, in their words.' });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Edit comment');
    const both = await call(notebook, 'highlights.update', { ...highlightIdOf, color: null, comment: '' });
    expect(both.highlight).toEqual({ ...made, tags: [{ tagId: 'group:hamas' }], color: null, comment: '', modified: NOW });
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Edit highlight');

    await call(notebook, 'history.undo', {});
    const unchanged = await call(notebook, 'highlights.update', { ...highlightIdOf, comment: 'The Taliban’s reaction, in their words.' });
    expect(unchanged.highlight.comment).toBe('The Taliban’s reaction, in their words.');
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Edit comment', redoLabel: 'Edit highlight' });

    expect(await callFails(notebook, 'highlights.update', { highlightId: 'gone', comment: 'x' })).toEqual({
      code: 'not-found',
      message: 'There is no highlight with id “gone”; it may have been deleted. Reload the source and try again.',
    });
  });

  it('deletes a highlight, summarising the change', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const { highlight: made } = await highlight(notebook, report, HAMAS);
    await highlight(notebook, report, PLEDGE);

    expect(await call(notebook, 'highlights.delete', { highlightId: made.id })).toEqual({
      label: 'Delete highlight',
      highlightsChanged: 0,
      highlightsDeleted: 1,
      history: { undoLabel: 'Delete highlight', redoLabel: null },
    });
    expect(quotes(await call(notebook, 'highlights.list', { sourceId: REPORT }))).toEqual([PLEDGE]);
    expect(await callFails(notebook, 'highlights.delete', { highlightId: made.id })).toMatchObject({ code: 'not-found' });
  });

  it('places a highlight on another range of the current text, re-describing it', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const { highlight: made } = await highlight(notebook, report, HAMAS, { comment: 'kept' });
    const wider = "following Hamas's attack on Israel, Afghanistan's Foreign Ministry";
    const placed = await call(notebook, 'highlights.place', { highlightId: made.id, ...rangeOf(report, wider) });
    expect(placed).toMatchObject({ status: 'exact', ...rangeOf(report, wider), highlight: { id: made.id, comment: 'kept', created: made.created } });
    expect(placed.highlight.target.quote.exact).toBe(wider);
    expect(quotes(await call(notebook, 'highlights.list', { sourceId: REPORT }))).toEqual([wider]);
    expect((await call(notebook, 'history.state', {})).undoLabel).toBe('Place highlight');
    expect(await callFails(notebook, 'highlights.place', { highlightId: made.id, start: 3, end: 3 })).toMatchObject({ code: 'invalid-input' });
  });

  it('refuses offsets measured on a text the source no longer has, as a conflict naming the source, writing nothing', async () => {
    const notebook = await notebooks.open();
    const shown = await call(notebook, 'sources.get', { sourceId: REPORT });
    // Another tab replaces the text; this page still shows the old one and measures on it.
    await call(notebook, 'sources.replace', { sourceId: REPORT, text: `Preface added in another tab.\n\n${shown.text}` });
    const stale = { sourceId: REPORT, ...rangeOf(shown, HAMAS), textHash: shown.textHash };
    const refused = await callFails(notebook, 'highlights.create', stale);
    expect(refused).toEqual({ code: 'conflict', message: expect.stringMatching(/^The text of “Title of new-jihadi-sphere” has changed since this page showed it .*Reload the source and select the passage again\.$/) });
    expect(await call(notebook, 'highlights.list', { sourceId: REPORT })).toEqual([]);

    const current = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(current, HAMAS), textHash: current.textHash });
    expect(made.highlight.target.quote.exact).toBe(HAMAS);
    expect(await callFails(notebook, 'highlights.place', { highlightId: made.highlight.id, ...rangeOf(shown, PLEDGE), textHash: shown.textHash })).toMatchObject({ code: 'conflict' });
  });

  it('gathers a tag’s passages by source in library order, each in text order', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const isk = [{ tagId: 'group:is-khorasan' }];
    await highlight(notebook, report, PLEDGE, { tags: isk });
    await highlight(notebook, report, HAMAS, { tags: isk });
    await highlight(notebook, news, ISIS_K, { tags: isk });
    await highlight(notebook, news, 'Biden administration officials', { tags: [{ tagId: 'group:taliban' }] });

    const passages = await call(notebook, 'highlights.byTag', { tagId: 'group:is-khorasan' });
    expect(passages.tag).toMatchObject({ id: 'group:is-khorasan', familyId: 'family:groups' });
    expect(passages.total).toBe(3);
    expect(passages.sources.map((s) => [s.sourceId, s.title, quotes(s.highlights)])).toEqual([
      [NEWS, `Title of ${NEWS}`, [ISIS_K]],
      [REPORT, `Title of ${REPORT}`, [HAMAS, PLEDGE]],
    ]);
    expect(await call(notebook, 'highlights.byTag', { tagId: 'group:hamas' })).toMatchObject({ total: 0, sources: [] });
    expect(await callFails(notebook, 'highlights.byTag', { tagId: 'group:nobody' })).toMatchObject({ code: 'not-found' });
  });

  it('finds every highlight where it was after closing and reopening', async () => {
    const first = await notebooks.open();
    const report = await call(first, 'sources.get', { sourceId: REPORT });
    const news = await call(first, 'sources.get', { sourceId: NEWS });
    await highlight(first, report, PLEDGE, { tags: [{ tagId: 'rec:r1', stance: 'supports' }], comment: 'Independent monitoring.' });
    await highlight(first, report, HAMAS, { color: '#f2c94c' });
    await highlight(first, news, ISIS_K, { tags: [{ tagId: 'group:is-khorasan' }] });
    const before = [await call(first, 'highlights.list', { sourceId: REPORT }), await call(first, 'highlights.list', { sourceId: NEWS })];
    await first.close();

    const second = await notebooks.open();
    expect([await call(second, 'highlights.list', { sourceId: REPORT }), await call(second, 'highlights.list', { sourceId: NEWS })]).toEqual(before);
    expect(await call(second, 'history.state', {})).toEqual({ undoLabel: null, redoLabel: null });
  });

  it('answers storage-failed when a save fails, leaving the highlights and the history as they were', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const { highlight: kept } = await highlight(notebook, report, HAMAS);
    const before = await call(notebook, 'highlights.list', { sourceId: REPORT });

    fs.fail('sync-file', 'ENOSPC', /highlights/);
    const failed = await callFails(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, PLEDGE) });
    expect(failed.code).toBe('storage-failed');
    expect(failed.message).toMatch(/^Could not save highlights to .+\.json: no space left on device \(ENOSPC\)\. Nothing was lost: your last saved change is intact\.$/);
    expect(await callFails(notebook, 'highlights.update', { highlightId: kept.id, comment: 'lost?' })).toMatchObject({ code: 'storage-failed' });
    expect(await callFails(notebook, 'highlights.delete', { highlightId: kept.id })).toMatchObject({ code: 'storage-failed' });
    expect(await call(notebook, 'highlights.list', { sourceId: REPORT })).toEqual(before);
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Highlight', redoLabel: null });

    fs.heal();
    await highlight(notebook, report, PLEDGE);
    expect(quotes(await call(notebook, 'highlights.list', { sourceId: REPORT }))).toEqual([HAMAS, PLEDGE]);
    await notebook.close();
    const reopened = await notebooks.open();
    expect(quotes(await call(reopened, 'highlights.list', { sourceId: REPORT }))).toEqual([HAMAS, PLEDGE]);
    expect((await call(reopened, 'highlights.list', { sourceId: REPORT }))[0]?.highlight).toEqual(kept);
  });

  it('answers not-found for a highlight id that was never made', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'highlights.place', { highlightId: highlightId('f00'), start: 0, end: 4 })).toMatchObject({ code: 'not-found' });
  });
});
