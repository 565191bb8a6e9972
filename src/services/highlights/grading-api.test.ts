import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadedSource } from '../../shared/api-contract';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';
import { bucketOf } from './highlight-bucket';

const notebooks = useTestNotebooks('grading-api');
const NOW = '2026-11-22T18:00:00.000Z';
const now = () => new Date(NOW);

const PLEDGE = 'Accurate and comprehensive intelligence on the Taliban';
const HAMAS = "following Hamas's attack on Israel";

async function highlight(notebook: Notebook, source: LoadedSource, passage: string) {
  return (await call(notebook, 'highlights.create', { sourceId: source.meta.id, ...rangeOf(source, passage) })).highlight;
}

async function stored(notebook: Notebook, id: string) {
  const listed = await call(notebook, 'highlights.list', { sourceId: REPORT });
  return listed.find((a) => a.highlight.id === id)?.highlight;
}

describe('grading a highlight through highlights.update', () => {
  it('sets credibility durably, records who and when, and labels the change for undo', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);

    const graded = await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 2 });
    expect(graded.highlight.credibility).toBe(2);
    expect(graded.highlight.history).toEqual([{ at: NOW, by: userInfo().username, field: 'credibility', from: null, to: 2 }]);
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Grade highlight 2', redoLabel: null });

    const file = join(notebooks.dataDir(), 'highlights', REPORT, `${bucketOf(made.id)}.json`);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { highlights: { credibility?: number }[] };
    expect(onDisk.highlights[0]?.credibility).toBe(2);
  });

  it('undo restores the ungraded highlight exactly; redo grades it again', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);
    const graded = await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 3 });

    expect(await call(notebook, 'history.undo', {})).toMatchObject({ applied: 'Grade highlight 3' });
    expect(await stored(notebook, made.id)).toEqual(made);
    expect(await call(notebook, 'history.redo', {})).toMatchObject({ applied: 'Grade highlight 3' });
    expect(await stored(notebook, made.id)).toEqual(graded.highlight);
  });

  it('keeps the history of successive grades and clears a grade with null', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);
    await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 4 });
    await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 1 });
    const cleared = await call(notebook, 'highlights.update', { highlightId: made.id, credibility: null });

    expect(cleared.highlight).not.toHaveProperty('credibility');
    expect(cleared.highlight.history?.map((c) => [c.from, c.to])).toEqual([
      [null, 4],
      [4, 1],
      [1, null],
    ]);
    expect(await call(notebook, 'history.state', {})).toMatchObject({ undoLabel: 'Clear highlight grade' });
  });

  it('setting the same grade again changes nothing and records nothing', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);
    const graded = await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 5 });
    const again = await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 5 });
    expect(again.highlight).toEqual(graded.highlight);
    await call(notebook, 'history.undo', {});
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Highlight', redoLabel: 'Grade highlight 5' });
  });

  it('refuses a credibility outside 1–6', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);
    for (const credibility of [0, 7, 2.5, 'B']) {
      expect(await callFails(notebook, 'highlights.update', { highlightId: made.id, credibility })).toMatchObject({ code: 'invalid-input' });
    }
  });
});

describe('corroboration', () => {
  it('links other highlights, deduplicated, with history, and undoes as one step', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const made = await highlight(notebook, report, PLEDGE);
    const other = await highlight(notebook, report, HAMAS);
    const elsewhere = (await call(notebook, 'highlights.create', { sourceId: NEWS, start: 0, end: news.text.indexOf(' ', 20) })).highlight;

    const linked = await call(notebook, 'highlights.update', { highlightId: made.id, corroboratedBy: [other.id, elsewhere.id, other.id] });
    expect(linked.highlight.corroboratedBy).toEqual([other.id, elsewhere.id]);
    expect(linked.highlight.history).toEqual([{ at: NOW, by: userInfo().username, field: 'corroboratedBy', from: [], to: [other.id, elsewhere.id] }]);
    expect(await call(notebook, 'history.state', {})).toMatchObject({ undoLabel: 'Change corroboration' });

    const unlinked = await call(notebook, 'highlights.update', { highlightId: made.id, corroboratedBy: [] });
    expect(unlinked.highlight).not.toHaveProperty('corroboratedBy');
    await call(notebook, 'history.undo', {});
    expect((await stored(notebook, made.id))?.corroboratedBy).toEqual([other.id, elsewhere.id]);
  });

  it('refuses the highlight itself and highlights that do not exist, writing nothing', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);

    expect(await callFails(notebook, 'highlights.update', { highlightId: made.id, corroboratedBy: [made.id] })).toEqual({
      code: 'invalid-input',
      message: 'A highlight cannot corroborate itself; choose a passage from another highlight.',
      issues: ['corroboratedBy: A highlight cannot corroborate itself; choose a passage from another highlight.'],
    });
    expect(await callFails(notebook, 'highlights.update', { highlightId: made.id, credibility: 1, corroboratedBy: ['no-such-highlight'] })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('“no-such-highlight”'),
    });
    expect(await stored(notebook, made.id)).toEqual(made);
    expect(await call(notebook, 'history.state', {})).toEqual({ undoLabel: 'Highlight', redoLabel: null });
  });

  it('grading and a comment together make one change, labelled as an edit', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const made = await highlight(notebook, report, PLEDGE);
    const other = await highlight(notebook, report, HAMAS);
    const edited = await call(notebook, 'highlights.update', { highlightId: made.id, credibility: 2, corroboratedBy: [other.id], comment: 'Seen twice' });
    expect(edited.highlight).toMatchObject({ credibility: 2, corroboratedBy: [other.id], comment: 'Seen twice' });
    expect(edited.highlight.history?.map((c) => c.field)).toEqual(['credibility', 'corroboratedBy']);
    expect(await call(notebook, 'history.undo', {})).toMatchObject({ applied: 'Edit highlight' });
    expect(await stored(notebook, made.id)).toEqual(made);
  });
});

describe('source reliability through sources.updateDetails', () => {
  it('stores the grade, shows it in sources.list and sources.get, and clears it with null', async () => {
    const notebook = await notebooks.open();
    const updated = await call(notebook, 'sources.updateDetails', { sourceId: NEWS, details: { reliability: 'B' } });
    expect(updated.reliability).toBe('B');
    expect((await call(notebook, 'sources.list', {})).find((s) => s.id === NEWS)?.reliability).toBe('B');
    expect((await call(notebook, 'sources.get', { sourceId: NEWS })).meta.reliability).toBe('B');

    const library = JSON.parse(await readFile(join(notebooks.dataDir(), 'library.json'), 'utf8')) as { details: Record<string, unknown> };
    expect(library.details[NEWS]).toEqual({ reliability: 'B' });

    await call(notebook, 'sources.updateDetails', { sourceId: NEWS, details: { reliability: null } });
    expect((await call(notebook, 'sources.list', {})).find((s) => s.id === NEWS)?.reliability ?? null).toBeNull();
  });

  it('refuses a grade that is not a letter A–F', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'sources.updateDetails', { sourceId: NEWS, details: { reliability: 'G' } })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'sources.updateDetails', { sourceId: NEWS, details: { reliability: 'b' } })).toMatchObject({ code: 'invalid-input' });
  });
});

describe('grades in citations and memo exports', () => {
  it('citations.resolve gives each passage its mark, and the Markdown footnote carries it after the location', async () => {
    const notebook = await notebooks.open({ now });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const graded = (await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, PLEDGE), tags: [{ tagId: 'group:ttp' }] })).highlight;
    const ungraded = await highlight(notebook, report, HAMAS);
    await call(notebook, 'highlights.update', { highlightId: graded.id, credibility: 2 });

    const before = await call(notebook, 'citations.resolve', { highlightIds: [graded.id, ungraded.id] });
    expect(before.map((c) => c.grade)).toEqual(['–2', null]);
    await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { reliability: 'B' } });
    const after = await call(notebook, 'citations.resolve', { highlightIds: [graded.id, ungraded.id, 'never-was'] });
    expect(after.map((c) => c.grade)).toEqual(['B2', 'B–', null]);

    const memo = await call(notebook, 'memos.draftFromTags', { tagIds: ['group:ttp'] });
    const file = await call(notebook, 'memos.exportMarkdown', { memoId: memo.id });
    // The Admiralty mark follows the style's note: "…, para. 3, under “…”. [B2]".
    expect(file.content).toMatch(/\[\^1\]: .*, para\. \d+.* \\\[B2\\\]\n/);
  });
});

describe('search filtered by grade', () => {
  it('keeps hits on highlights credible enough, and in sources reliable enough', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const probable = await highlight(notebook, report, PLEDGE);
    const doubtful = await highlight(notebook, report, HAMAS);
    await call(notebook, 'highlights.update', { highlightId: probable.id, credibility: 2 });
    await call(notebook, 'highlights.update', { highlightId: doubtful.id, credibility: 4 });
    const hitTexts = async (filter: Record<string, unknown>, query: string) => {
      const result = await call(notebook, 'search.query', { query, filter });
      return result.sources.flatMap((s) => s.passages.flatMap((p) => p.hits.map((h) => `${s.sourceId}:${report.text.slice(h.start, h.end)}`)));
    };

    expect(await hitTexts({ maxCredibility: 3 }, 'Taliban')).toEqual([`${REPORT}:Taliban`]);
    expect(await hitTexts({ maxCredibility: 3 }, 'Hamas')).toEqual([]);
    expect(await hitTexts({ maxCredibility: 4 }, 'Hamas')).toEqual([`${REPORT}:Hamas`]);
    expect(await hitTexts({ maxCredibility: 1 }, 'Taliban')).toEqual([]);

    const everywhere = await call(notebook, 'search.query', { query: 'Taliban' });
    expect(everywhere.sources.map((s) => s.sourceId).sort()).toEqual([NEWS, REPORT].sort());
    await call(notebook, 'sources.updateDetails', { sourceId: NEWS, details: { reliability: 'B' } });
    await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { reliability: 'D' } });
    const reliable = await call(notebook, 'search.query', { query: 'Taliban', filter: { minReliability: 'C' } });
    expect(reliable.sources.map((s) => s.sourceId)).toEqual([NEWS]);
    expect(reliable.sources[0]?.hitCount).toBe(everywhere.sources.find((s) => s.sourceId === NEWS)?.hitCount);
    expect((await call(notebook, 'search.query', { query: 'Taliban', filter: { minReliability: 'C', maxCredibility: 3 } })).sources).toEqual([]);
    expect(await callFails(notebook, 'search.query', { query: 'Taliban', filter: { minReliability: 'G' } })).toMatchObject({ code: 'invalid-input' });
  });
});
