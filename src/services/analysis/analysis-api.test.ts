import { describe, expect, it } from 'vitest';
import { memoCitations } from '../../core/memo/memo-schema';
import type { LoadedSource } from '../../shared/api-contract';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('analysis-api');

const P1 = 'Accurate and comprehensive intelligence on the Taliban';
const P2 = 'This working paper analyzes the relationship between the Taliban';
const NEWS_PASSAGE = 'the Khorasan branch of ISIS, commonly known as ISIS-K';

type Stance = 'supports' | 'contradicts' | 'context';
type TagInput = { tagId: string; stance?: Stance };

async function highlight(notebook: Notebook, source: LoadedSource, range: { start: number; end: number }, tags: TagInput[]): Promise<string> {
  return (await call(notebook, 'highlights.create', { sourceId: source.meta.id, ...range, tags })).highlight.id;
}

/**
 * The report's P1 holds two overlapping highlights (A: Taliban, supports R1; B: Al Qaeda, contradicts
 * R1); its P2 one (C: TTP, R2 without a stance); the news one (D: Taliban, context for R1).
 */
async function tagged(notebook: Notebook) {
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  const news = await call(notebook, 'sources.get', { sourceId: NEWS });
  const p1 = rangeOf(report, P1);
  const a = await highlight(notebook, report, { start: p1.start, end: p1.start + 30 }, [{ tagId: 'rec:r1', stance: 'supports' }, { tagId: 'group:taliban' }]);
  const b = await highlight(notebook, report, { start: p1.start + 20, end: p1.end }, [{ tagId: 'rec:r1', stance: 'contradicts' }, { tagId: 'group:al-qaeda' }]);
  const c = await highlight(notebook, report, rangeOf(report, P2), [{ tagId: 'rec:r2' }, { tagId: 'group:ttp' }]);
  const d = await highlight(notebook, news, rangeOf(news, NEWS_PASSAGE), [{ tagId: 'rec:r1', stance: 'context' }, { tagId: 'group:taliban' }]);
  return { a, b, c, d };
}

describe('analysis.evidenceMatrix through dispatch', () => {
  it('counts the recommendations’ passages per source by stance, weighted by their grades', async () => {
    const notebook = await notebooks.open();
    const { a, b, c, d } = await tagged(notebook);
    await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { reliability: 'A' } });
    await call(notebook, 'highlights.update', { highlightId: a, credibility: 2 });

    const matrix = await call(notebook, 'analysis.evidenceMatrix', { columns: 'sources' });
    expect(matrix.columns.map((c) => c.id)).toEqual([NEWS, REPORT]);
    expect(matrix.rows.slice(0, 2).map((r) => r.id)).toEqual(['rec:r1', 'rec:r2']);
    const [r1, r2] = matrix.cells;
    const counts = (cell: { supports: number; contradicts: number; context: number } | undefined) => cell && [cell.supports, cell.contradicts, cell.context];
    expect(r1?.map(counts)).toEqual([
      [0, 0, 1],
      [1, 1, 0],
    ]);
    expect(r2?.map(counts)).toEqual([
      [0, 0, 0],
      [0, 0, 1],
    ]);
    expect(r1?.[1]?.highlightIds).toEqual([a, b]);
    // A2: 1 × 0.85; A ungraded: 1 × 0.6; the news is ungraded: 0.6 × 0.6.
    expect(r1?.[1]?.weight).toBeCloseTo(1.45, 10);
    expect(r1?.[0]?.weight).toBeCloseTo(0.36, 10);
    expect(r1?.[1]?.shade).toBe(4);
    expect(r1?.[0]?.shade).toBe(1);
    expect(Object.keys(matrix.passages).sort()).toEqual([a, b, c, d].sort());
    expect(matrix.passages[a]).toMatchObject({ sourceId: REPORT, sourceTitle: `Title of ${REPORT}`, quote: P1.slice(0, 30), mark: 'A2', tagIds: ['rec:r1', 'group:taliban'] });
    expect(matrix.passages[d]?.mark).toBeNull();
  });

  it('takes another family’s tags as columns, and leaves out the passages of a removed source', async () => {
    const notebook = await notebooks.open();
    const { a, b, d } = await tagged(notebook);
    const byGroup = await call(notebook, 'analysis.evidenceMatrix', { rowFamilyId: 'family:recommendations', columns: { familyId: 'family:groups' } });
    expect(byGroup.columnKind).toBe('tags');
    const column = (id: string) => byGroup.columns.findIndex((c) => c.id === id);
    expect(byGroup.cells[0]?.[column('group:taliban')]).toMatchObject({ supports: 1, contradicts: 0, context: 1, highlightIds: [d, a] });
    expect(byGroup.cells[0]?.[column('group:al-qaeda')]).toMatchObject({ supports: 0, contradicts: 1, context: 0, highlightIds: [b] });

    await call(notebook, 'sources.remove', { sourceId: NEWS });
    const after = await call(notebook, 'analysis.evidenceMatrix', { columns: 'sources' });
    expect(after.columns.map((c) => c.id)).toEqual([REPORT]);
    expect(after.passages[d]).toBeUndefined();
  });

  it('answers not-found for a family that does not exist', async () => {
    const notebook = await notebooks.open();
    expect((await callFails(notebook, 'analysis.evidenceMatrix', { rowFamilyId: 'family:nope', columns: 'sources' })).code).toBe('not-found');
    expect((await callFails(notebook, 'analysis.evidenceMatrix', { columns: { familyId: 'family:nope' } })).code).toBe('not-found');
    expect((await callFails(notebook, 'analysis.evidenceMatrix', { columns: 'tags' })).code).toBe('invalid-input');
  });
});

describe('analysis.cooccurrence through dispatch', () => {
  it('counts the groups meeting on one highlight, on overlapping highlights and in one paragraph', async () => {
    const notebook = await notebooks.open();
    const { a, b } = await tagged(notebook);
    const pair = async (scope: 'highlight' | 'overlap' | 'paragraph') => {
      const m = await call(notebook, 'analysis.cooccurrence', { scope });
      const i = m.tags.findIndex((t) => t.id === 'group:taliban');
      const j = m.tags.findIndex((t) => t.id === 'group:al-qaeda');
      return m.cells[i]?.[j];
    };
    expect(await pair('highlight')).toEqual({ count: 0, coefficient: 0, highlightIds: [] });
    // Taliban in 2 places (P1's run, the news), Al Qaeda in 1, together in 1: c = 1 / (2 + 1 − 1).
    expect(await pair('overlap')).toEqual({ count: 1, coefficient: 0.5, highlightIds: [a, b] });
    expect(await pair('paragraph')).toEqual({ count: 1, coefficient: 0.5, highlightIds: [a, b] });
  });
});

describe('analysis.linkChart through dispatch', () => {
  it('has the tagged groups as nodes, linked where they share a paragraph and where a relation was drawn', async () => {
    const notebook = await notebooks.open();
    const { a, b, c } = await tagged(notebook);
    const relation = await call(notebook, 'relations.create', { fromTagId: 'group:taliban', toTagId: 'group:ttp', type: 'hosts', highlightIds: [c] });
    const chart = await call(notebook, 'analysis.linkChart', {});
    expect(chart.nodes.map((n) => [n.tagId, n.passages])).toEqual([
      ['group:taliban', 2],
      ['group:al-qaeda', 1],
      ['group:ttp', 1],
    ]);
    expect(chart.edges).toEqual([
      { kind: 'co-occurrence', id: 'co:group:taliban|group:al-qaeda', fromTagId: 'group:taliban', toTagId: 'group:al-qaeda', count: 1, passages: [{ highlightId: a, mark: null }, { highlightId: b, mark: null }] },
      { kind: 'relation', id: relation.id, fromTagId: 'group:taliban', toTagId: 'group:ttp', type: 'hosts', note: '', passages: [{ highlightId: c, mark: null }] },
    ]);
    expect(Object.keys(chart.passages)).toHaveLength(4);
  });
});

describe('analysis.exportCsv and analysis.matrixToMemo through dispatch', () => {
  it('exports each analysis as CSV', async () => {
    const notebook = await notebooks.open({ now: () => new Date(2026, 0, 5, 12) });
    await tagged(notebook);
    const matrix = await call(notebook, 'analysis.exportCsv', { kind: 'evidence-matrix', columns: 'sources' });
    expect(matrix).toMatchObject({ fileName: 'notebook-evidence-matrix-2026-01-05.csv', mediaType: 'text/csv' });
    const lines = matrix.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'row,column,supports,contradicts,context,passages,weight',
      `R1 · Enhanced Intelligence and Monitoring,Title of ${NEWS},0,0,1,1,0.3600`,
      `R1 · Enhanced Intelligence and Monitoring,Title of ${REPORT},1,1,0,2,0.7200`,
    ]);
    const co = await call(notebook, 'analysis.exportCsv', { kind: 'cooccurrence', scope: 'paragraph' });
    expect(co.fileName).toBe('notebook-cooccurrence-paragraph-2026-01-05.csv');
    expect(co.content).toContain('\r\nTaliban,Al Qaeda,2,1,1,0.5000\r\n');
    const edges = await call(notebook, 'analysis.exportCsv', { kind: 'link-edges' });
    expect(edges.content.replace(/^\uFEFF/, '').split('\r\n')).toEqual(['from,to,kind,type,passages,grades,note', 'Taliban,Al Qaeda,co-occurrence,same paragraph,2,ungraded; ungraded,', '']);
  });

  it('drafts a memo with a section per recommendation citing its passages', async () => {
    const notebook = await notebooks.open();
    const { a, b, c, d } = await tagged(notebook);
    const memo = await call(notebook, 'analysis.matrixToMemo', { columns: 'sources' });
    expect(memo.title).toBe('Evidence matrix: Recommendations by source');
    expect(memoCitations(memo.doc).map((cited) => cited.highlightId)).toEqual([d, a, b, c]);
    expect((await call(notebook, 'memos.list', {})).map((m) => [m.title, m.citationCount])).toEqual([[memo.title, 4]]);
    const resolved = await call(notebook, 'citations.resolve', { highlightIds: [a] });
    expect(resolved[0]?.state).toBe('live');
  });
});
