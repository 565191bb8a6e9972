import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoCitations } from '../../core/memo/memo-schema';
import type { ApiInput, LoadedSource } from '../../shared/api-contract';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('ach-api');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A clock that moves one minute on each reading, so every write has its own time. */
function ticking(from = Date.UTC(2026, 10, 22, 12, 0)) {
  let t = from;
  return () => new Date((t += 60_000));
}

const INTEL = 'Accurate and comprehensive intelligence on the Taliban';
const UNRELIABLE = 'Given the Taliban';
const ISISK = 'commonly known as ISIS-K';
const EMBASSY = 'no plans to reopen the embassy';

type SaveInput = ApiInput<'ach.save'>;

async function highlight(notebook: Notebook, source: LoadedSource, passage: string, credibility?: 1 | 2 | 3 | 4 | 5 | 6) {
  const made = await call(notebook, 'highlights.create', { sourceId: source.meta.id, ...rangeOf(source, passage) });
  if (credibility !== undefined) await call(notebook, 'highlights.update', { highlightId: made.highlight.id, credibility });
  return made.highlight.id;
}

/**
 * A board of three hypotheses and four graded passages. The report is graded B, the news A:
 *   e1 news A, credibility 1    weight 1 × 1     = 1
 *   e2 report B, credibility 2  weight .85 × .85 = .7225
 *   e3 report B, credibility 3  weight .85 × .7  = .595
 *   e4 news A, credibility 5    weight 1 × .3    = .3
 * Ratings       H1  H2  H3
 *   e1          C   I   C
 *   e2          I   C   N
 *   e3          C   C   II
 *   e4          II  CC  I
 * Inconsistency: H1 = .7225 + 2 × .3 = 1.3225; H2 = 1; H3 = 2 × .595 + .3 = 1.49 → H2, H1, H3.
 * Credibility 1–2 hides e3 and e4: H1 = .7225, H2 = 1, H3 = 0 → H3, H1, H2.
 */
async function gradedBoard(notebook: Notebook) {
  const news = await call(notebook, 'sources.get', { sourceId: NEWS });
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  await call(notebook, 'sources.updateDetails', { sourceId: NEWS, details: { reliability: 'A' } });
  await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { reliability: 'B' } });
  const ids = [await highlight(notebook, news, ISISK, 1), await highlight(notebook, report, INTEL, 2), await highlight(notebook, report, UNRELIABLE, 3), await highlight(notebook, news, EMBASSY, 5)];
  const created = await call(notebook, 'ach.create', { question: 'Who will the U.S. work with?', hypotheses: ['The Taliban', 'ISKP', 'Nobody'] });
  const input: SaveInput = {
    boardId: created.board.id,
    question: created.board.question,
    hypotheses: [...created.board.hypotheses],
    evidence: ids.map((highlightId, i) => ({ id: `e${i + 1}`, highlightId })),
    ratings: {
      'e1:h1': { rating: 'C' },
      'e1:h2': { rating: 'I', note: 'Names ISIS-K as the enemy' },
      'e1:h3': { rating: 'C' },
      'e2:h1': { rating: 'I' },
      'e2:h2': { rating: 'C' },
      'e2:h3': { rating: 'N' },
      'e3:h1': { rating: 'C' },
      'e3:h2': { rating: 'C' },
      'e3:h3': { rating: 'II' },
      'e4:h1': { rating: 'II' },
      'e4:h2': { rating: 'CC' },
      'e4:h3': { rating: 'I' },
    },
  };
  const saved = await call(notebook, 'ach.save', input);
  return { ids, input, saved };
}

describe('competing-hypotheses boards through dispatch', () => {
  it('creates a board labelled H1…, acknowledged once durable in a file of its own under ach/', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const { board, evidence } = await call(notebook, 'ach.create', { question: 'Who attacked?', hypotheses: ['The Taliban', 'ISKP'] });
    expect(board).toEqual({
      id: expect.stringMatching(UUID),
      question: 'Who attacked?',
      hypotheses: [
        { id: 'h1', label: 'H1', text: 'The Taliban' },
        { id: 'h2', label: 'H2', text: 'ISKP' },
      ],
      evidence: [],
      ratings: {},
      created: expect.stringMatching(/^2026-11-22T12:\d\d:00\.000Z$/),
      modified: board.created,
    });
    expect(evidence).toEqual([]);
    const file = JSON.parse(await readFile(join(notebooks.dataDir(), 'ach', `${board.id}.json`), 'utf8')) as unknown;
    expect(file).toEqual({ schemaVersion: 1, board, deleted: null });
    expect((await call(notebook, 'ach.get', { boardId: board.id })).board).toEqual(board);
    expect(await call(notebook, 'ach.list', {})).toEqual([{ id: board.id, question: 'Who attacked?', hypotheses: 2, evidence: 0, created: board.created, modified: board.modified }]);
  });

  it('saves the whole board and gives back each row’s passage with its source, place and grades, across a restart', async () => {
    const first = await notebooks.open({ now: ticking() });
    const { ids, input, saved } = await gradedBoard(first);
    expect(saved.board).toMatchObject({ evidence: input.evidence, ratings: input.ratings });
    expect(saved.board.modified > saved.board.created).toBe(true);
    await first.close();
    const second = await notebooks.open();
    const { board, evidence } = await call(second, 'ach.get', { boardId: input.boardId });
    expect(board).toEqual(saved.board);
    expect(evidence.map((e) => [e.evidenceId, e.quote, e.citation.sourceId, e.citation.state, e.reliability, e.credibility, e.citation.grade])).toEqual([
      ['e1', ISISK, NEWS, 'live', 'A', 1, 'A1'],
      ['e2', INTEL, REPORT, 'live', 'B', 2, 'B2'],
      ['e3', UNRELIABLE, REPORT, 'live', 'B', 3, 'B3'],
      ['e4', EMBASSY, NEWS, 'live', 'A', 5, 'A5'],
    ]);
    expect(evidence[0]?.citation).toMatchObject({ highlightId: ids[0], sourceTitle: `Title of ${NEWS}`, location: expect.any(String) });
    expect((await call(second, 'ach.list', {}))[0]).toMatchObject({ hypotheses: 3, evidence: 4 });
  });

  it('scores the board by grade-weighted inconsistency, and shows the ranking turning over without the doubtful passages', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const { input } = await gradedBoard(notebook);
    const scores = await call(notebook, 'ach.score', { boardId: input.boardId });
    expect(scores.rows.map((r) => [r.label, r.weight, r.diagnosticity])).toEqual([
      ['E1', 1, 2],
      ['E2', expect.closeTo(0.7225, 9), 2],
      ['E3', expect.closeTo(0.595, 9), 3],
      ['E4', expect.closeTo(0.3, 9), 4],
    ]);
    expect(scores.all.hypotheses.map((h) => [h.label, h.inconsistency, h.rank])).toEqual([
      ['H1', expect.closeTo(1.3225, 9), 2],
      ['H2', expect.closeTo(1, 9), 1],
      ['H3', expect.closeTo(1.49, 9), 3],
    ]);
    expect(scores.sensitive).toBeNull();
    const strict = await call(notebook, 'ach.score', { boardId: input.boardId, maxCredibility: 2 });
    expect(strict.rows.map((r) => r.included)).toEqual([true, true, false, false]);
    expect(strict.sensitive?.order).toEqual(['h3', 'h1', 'h2']);
    expect(strict.all.order).toEqual(['h2', 'h1', 'h3']);
    expect(strict.rankingChanged).toBe(true);
  });

  it('refuses a board whose parts do not fit together, naming each problem, and keeps the last good one', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const { input, saved } = await gradedBoard(notebook);
    const broken: SaveInput = {
      ...input,
      evidence: [...input.evidence, { id: 'e9', highlightId: 'no-such-highlight' }],
      ratings: { ...input.ratings, 'e1:h7': { rating: 'C' }, 'e8:h1': { rating: 'I' } },
    };
    const error = await callFails(notebook, 'ach.save', broken);
    expect(error.code).toBe('invalid-input');
    expect(error.issues).toEqual([
      'rating “e1:h7” is for hypothesis “h7”, which the board does not have',
      'rating “e8:h1” is of evidence “e8”, which the board does not have',
      'evidence “e9” names the highlight “no-such-highlight”, which does not exist (it may have just been deleted)',
    ]);
    expect(error.message).toContain('cannot be kept');
    // The schema refuses a rating outside CC…II and a key that is not "<row>:<column>".
    expect((await callFails(notebook, 'ach.save', { ...input, ratings: { 'e1:h1': { rating: 'X' } } })).code).toBe('invalid-input');
    expect((await callFails(notebook, 'ach.save', { ...input, ratings: { e1: { rating: 'C' } } })).code).toBe('invalid-input');
    expect((await call(notebook, 'ach.get', { boardId: input.boardId })).board).toEqual(saved.board);
    expect((await callFails(notebook, 'ach.save', { ...input, boardId: 'no-such-board' })).code).toBe('not-found');
  });

  it('keeps a row whose highlight was deleted, shown as deleted, and still saves the board', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const { ids, input } = await gradedBoard(notebook);
    await call(notebook, 'highlights.delete', { highlightId: ids[3] ?? '' });
    const saved = await call(notebook, 'ach.save', { ...input, question: 'Edited after a delete' });
    expect(saved.board.question).toBe('Edited after a delete');
    expect(saved.evidence[3]).toMatchObject({ evidenceId: 'e4', quote: null, reliability: null, credibility: null, citation: { state: 'deleted', grade: null } });
    // Ungraded now, the row weighs like F6 (.36) in the scores.
    expect((await call(notebook, 'ach.score', { boardId: input.boardId })).rows[3]?.weight).toBeCloseTo(0.36, 9);
  });

  it('deletes a board to the trash and restores it, across a restart', async () => {
    const first = await notebooks.open({ now: ticking() });
    const kept = await call(first, 'ach.create', { question: 'Kept' });
    const gone = await call(first, 'ach.create', { question: 'Deleted' });
    const summary = await call(first, 'ach.delete', { boardId: gone.board.id });
    expect(summary).toMatchObject({ id: gone.board.id, question: 'Deleted' });
    expect((await call(first, 'ach.list', {})).map((b) => b.id)).toEqual([kept.board.id]);
    const error = await callFails(first, 'ach.get', { boardId: gone.board.id });
    expect(error).toMatchObject({ code: 'not-found', message: 'The board “Deleted” was deleted; restore it to open or change it.' });
    expect((await callFails(first, 'ach.save', { boardId: gone.board.id, question: 'x', hypotheses: [], evidence: [], ratings: {} })).code).toBe('not-found');
    await first.close();
    const second = await notebooks.open({ now: ticking(Date.UTC(2026, 11, 1)) });
    expect((await call(second, 'ach.list', {})).map((b) => b.id)).toEqual([kept.board.id]);
    expect((await call(second, 'ach.restore', { boardId: gone.board.id })).board).toEqual(gone.board);
    expect((await call(second, 'ach.list', {})).map((b) => b.id).sort()).toEqual([kept.board.id, gone.board.id].sort());
    expect((await callFails(second, 'ach.restore', { boardId: 'no-such-board' })).code).toBe('not-found');
  });

  it('exports the matrix as CSV with passages, grades, ratings, diagnosticity and scores', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const { input } = await gradedBoard(notebook);
    const file = await call(notebook, 'ach.exportCsv', { boardId: input.boardId });
    expect(file).toMatchObject({ fileName: 'Competing hypotheses Who will the U.S. work with.csv', mediaType: 'text/csv' });
    const lines = file.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Evidence,Quote,Source,Location,Grade,Weight,Diagnosticity,Note,H1: The Taliban,H2: ISKP,H3: Nobody');
    expect(lines[1]).toMatch(new RegExp(`^E1,${ISISK},Title of ${NEWS},[^,]*,A1,1\\.00,2,,C,I: Names ISIS-K as the enemy,C$`));
    expect(lines[4]).toMatch(/^E4,.*,A5,0\.30,4,,II,CC,I$/);
    // Inconsistency 1.3225, 1, 1.49; consistency H1 1 + .595, H2 .7225 + .595 + 2 × .3, H3 1.
    expect(lines.slice(5)).toEqual(['Inconsistency,,,,,,,,1.32,1.00,1.49', 'Consistency,,,,,,,,1.60,1.92,1.00', 'Rank,,,,,,,,2,1,3', '']);
  });

  it('makes a memo of the board whose evidence cites the passages, exported with their quotes', async () => {
    const notebook = await notebooks.open({ now: ticking() });
    const { ids, input } = await gradedBoard(notebook);
    const memo = await call(notebook, 'ach.toMemo', { boardId: input.boardId });
    expect(memo.title).toBe('Competing hypotheses: Who will the U.S. work with?');
    expect(memoCitations(memo.doc).map((c) => [c.highlightId, c.quote])).toEqual([
      [ids[0], ISISK],
      [ids[1], INTEL],
      [ids[2], UNRELIABLE],
      [ids[3], EMBASSY],
    ]);
    expect(memo.doc.content?.[0]).toEqual({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Who will the U.S. work with?' }] });
    const ranked = JSON.stringify(memo.doc.content?.[2]);
    expect(ranked.indexOf('H2')).toBeLessThan(ranked.indexOf('H1'));
    expect(ranked).toContain('ISKP — inconsistency 1.00, rank 1');
    expect((await call(notebook, 'memos.list', {})).map((m) => m.id)).toEqual([memo.id]);
    const markdown = await call(notebook, 'memos.exportMarkdown', { memoId: memo.id });
    expect(markdown.content).toContain(INTEL);
    expect(markdown.content).toContain('E3');
  });

  it('answers ids that name no board with not-found, and refuses a credibility threshold outside 1–6', async () => {
    const notebook = await notebooks.open();
    for (const method of ['ach.get', 'ach.delete', 'ach.restore', 'ach.score', 'ach.exportCsv', 'ach.toMemo'] as const) {
      expect((await callFails(notebook, method, { boardId: 'no-such-board' })).code).toBe('not-found');
    }
    const { board } = await call(notebook, 'ach.create', {});
    for (const maxCredibility of [0, 7, 2.5, '3']) expect((await callFails(notebook, 'ach.score', { boardId: board.id, maxCredibility })).code).toBe('invalid-input');
  });
});
