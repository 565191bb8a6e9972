import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/unit/bundled-source-files';
import { call, callFails, rangeOf, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { SearchResult } from '../../core/search/search-types';
import type { LoadedSource } from '../../shared/api-contract';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('search-api');
/** The whole bundled library, so that both captures of the Foreign Policy article are there. */
const openLibrary = (): Promise<Notebook> => notebooks.open({ resourcesDir: RESOURCES_DIR });

const REPORT = 'andiana-new-jihadi-sphere-2025';
const ANALYSIS = 'ime-taliban-counter-terrorism-duality-2023';
const NEWS = 'us-taliban-isis-k-cooperation-2025';
const FIRST_CAPTURE = 'fp-taliban-pledge-capture-1';
const SECOND_CAPTURE = 'fp-taliban-pledge-capture-2';
const IS_KHORASAN = 'group:is-khorasan';

/** Each hit's text, with its source. */
async function hits(notebook: Notebook, result: SearchResult): Promise<{ source: string; text: string }[]> {
  const texts = new Map<string, string>();
  for (const source of result.sources) texts.set(source.sourceId, (await call(notebook, 'sources.get', { sourceId: source.sourceId })).text);
  return result.sources.flatMap((source) =>
    source.passages.flatMap((passage) => passage.hits.map((hit) => ({ source: source.sourceId, text: texts.get(source.sourceId)?.slice(hit.start, hit.end) ?? '' }))),
  );
}

const sourcesOf = (result: SearchResult): string[] => result.sources.map((source) => source.sourceId);

describe('search.query through dispatch', () => {
  it('finds "ISKP" under every name of its group, in at least three sources, and says which names it searched', async () => {
    const notebook = await openLibrary();
    const result = await call(notebook, 'search.query', { query: 'ISKP', limit: 500 });
    const found = await hits(notebook, result);
    const spellings = new Set(found.map((hit) => hit.text));
    for (const written of ['ISKP', 'IS-Khorasan', 'ISIS-K', 'IS-K']) expect(spellings).toContain(written);
    expect(new Set(found.filter((hit) => hit.text !== 'ISKP').map((hit) => hit.source)).size).toBeGreaterThanOrEqual(3);
    expect(result.expansions).toEqual([{ groupId: IS_KHORASAN, matched: 'ISKP', aliases: expect.arrayContaining(['IS-Khorasan', 'ISIS-K']), applied: true }]);

    const typedOnly = await call(notebook, 'search.query', { query: 'ISKP', disabledGroups: [IS_KHORASAN] });
    expect(sourcesOf(typedOnly)).toEqual([REPORT]);
    expect(typedOnly.expansions.map((expansion) => expansion.applied)).toEqual([false]);
    expect(await call(notebook, 'search.query', { query: 'ISKP', expandAliases: false })).toEqual(typedOnly);
  });

  it('expands a group by its aliases as the tag set has them now', async () => {
    const notebook = await openLibrary();
    await call(notebook, 'tags.update', { tagId: IS_KHORASAN, aliases: ['ISKP'] });
    const result = await call(notebook, 'search.query', { query: 'ISKP', limit: 500 });
    const spellings = new Set((await hits(notebook, result)).map((hit) => hit.text));
    expect(spellings).toContain('IS-Khorasan');
    expect(spellings).not.toContain('ISIS-K');
  });

  it('filters to hits on highlighted passages, or on passages highlighted with a tag', async () => {
    const notebook = await openLibrary();
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const passage = 'the Khorasan branch of ISIS, commonly known as ISIS-K';
    await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news, passage), tags: [{ tagId: IS_KHORASAN }] });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, "The Islamic State's Khorasan Province (IS-Khorasan) remains a significant threat") });

    const highlighted = await call(notebook, 'search.query', { query: 'ISKP', filter: { highlighted: true } });
    expect(sourcesOf(highlighted).sort()).toEqual([REPORT, NEWS].sort());
    const tagged = await call(notebook, 'search.query', { query: 'ISKP', filter: { tagId: IS_KHORASAN } });
    expect(await hits(notebook, tagged)).toEqual([
      { source: NEWS, text: 'Khorasan branch of ISIS' },
      { source: NEWS, text: 'ISIS-K' },
    ]);
    expect(await callFails(notebook, 'search.query', { query: 'ISKP', filter: { tagId: 'group:nobody' } })).toMatchObject({ code: 'not-found' });
  });

  it('searches the new text of a replaced source, and no longer its old one', async () => {
    const notebook = await openLibrary();
    expect((await call(notebook, 'search.query', { query: 'Zanzibar' })).total).toBe(0);
    const bundled = await readFile(join(RESOURCES_DIR, 'sources', '003_60877fbdee16f22e.txt'), 'utf8');
    await call(notebook, 'sources.replace', { sourceId: ANALYSIS, text: bundled.replace('Al-Mirsaad', 'Zanzibar') });
    const result = await call(notebook, 'search.query', { query: 'Zanzibar' });
    expect(sourcesOf(result)).toEqual([ANALYSIS]);
    expect(await call(notebook, 'search.query', { query: 'Mirsaad' })).toMatchObject({ total: 1 });
  });

  it('refuses a query that is not text, and an over-long limit, with the field named', async () => {
    const notebook = await openLibrary();
    expect(await callFails(notebook, 'search.query', { query: 42 })).toMatchObject({ code: 'invalid-input', issues: [expect.stringContaining('query')] });
    expect(await callFails(notebook, 'search.query', { query: 'x', limit: 5000 })).toMatchObject({ code: 'invalid-input', issues: [expect.stringContaining('limit')] });
  });
});

describe('sources.twins and highlights.copyToTwin through dispatch', () => {
  it('says that the two captures of the article share all of their text, and shows where', async () => {
    const notebook = await openLibrary();
    const pairs = await call(notebook, 'sources.twins', {});
    expect(pairs.map((pair) => [pair.a, pair.b, pair.twins])).toEqual([[FIRST_CAPTURE, SECOND_CAPTURE, true]]);
    expect(await call(notebook, 'sources.twins', { sourceId: SECOND_CAPTURE })).toEqual(pairs);
    expect(await call(notebook, 'sources.twins', { sourceId: REPORT })).toEqual([]);
    expect(await callFails(notebook, 'sources.twins', { sourceId: 'nowhere' })).toMatchObject({ code: 'not-found' });
    expect(pairs[0]?.shareOfA).toBeGreaterThan(0.95);
    expect(pairs[0]?.shareOfB).toBeGreaterThan(0.95);
    const [first, second] = await Promise.all([FIRST_CAPTURE, SECOND_CAPTURE].map((sourceId) => call(notebook, 'sources.get', { sourceId })));
    const passage = pairs[0]?.passages[3];
    expect(second?.text.slice(passage?.b.start, passage?.b.end)).toBe(first?.text.slice(passage?.a.start, passage?.a.end));
  });

  async function highlightInFirstCapture(notebook: Notebook, quote: string) {
    const first: LoadedSource = await call(notebook, 'sources.get', { sourceId: FIRST_CAPTURE });
    return call(notebook, 'highlights.create', { sourceId: FIRST_CAPTURE, ...rangeOf(first, quote), tags: [{ tagId: IS_KHORASAN }], comment: 'West on IS-K', color: '#1f6feb' });
  }

  it('copies a highlight onto the same passage of the twin, as a highlight that undo takes back', async () => {
    const notebook = await openLibrary();
    const quote = 'he referred to the local branch of the Islamic State, known as IS-Khorasan Province, or IS-K, as a common enemy';
    const made = await highlightInFirstCapture(notebook, quote);
    const copy = await call(notebook, 'highlights.copyToTwin', { highlightId: made.highlight.id, targetSourceId: SECOND_CAPTURE });
    expect(copy).toMatchObject({ status: 'exact', highlight: { target: { sourceId: SECOND_CAPTURE, quote: { exact: quote } }, tags: [{ tagId: IS_KHORASAN }], comment: 'West on IS-K', color: '#1f6feb' } });
    expect(copy.highlight.id).not.toBe(made.highlight.id);
    expect((await call(notebook, 'highlights.list', { sourceId: SECOND_CAPTURE })).map((a) => a.highlight.id)).toEqual([copy.highlight.id]);
    const again = await callFails(notebook, 'highlights.copyToTwin', { highlightId: made.highlight.id, targetSourceId: SECOND_CAPTURE });
    expect(again).toMatchObject({ code: 'conflict', message: expect.stringContaining('already has a highlight on') });
    const undone = (await call(notebook, 'history.state', {})).undoLabel;
    expect(await call(notebook, 'history.undo', {})).toMatchObject({ applied: undone });
    expect(await call(notebook, 'highlights.list', { sourceId: SECOND_CAPTURE })).toEqual([]);
  });

  it('copies nothing to a source without the passage, to the highlight’s own source, or of a highlight that does not exist', async () => {
    const notebook = await openLibrary();
    const made = await highlightInFirstCapture(notebook, 'Poachers can be turned into gamekeepers');
    const missing = await callFails(notebook, 'highlights.copyToTwin', { highlightId: made.highlight.id, targetSourceId: REPORT });
    expect(missing).toMatchObject({ code: 'conflict', message: expect.stringContaining('does not have the passage “Poachers can be turned into gamekeepers”') });
    expect(await callFails(notebook, 'highlights.copyToTwin', { highlightId: made.highlight.id, targetSourceId: FIRST_CAPTURE })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'highlights.copyToTwin', { highlightId: 'gone', targetSourceId: SECOND_CAPTURE })).toMatchObject({ code: 'not-found' });
    expect(await callFails(notebook, 'highlights.copyToTwin', { highlightId: made.highlight.id, targetSourceId: 'nowhere' })).toMatchObject({ code: 'not-found' });
    expect(await call(notebook, 'highlights.list', { sourceId: REPORT })).toEqual([]);
  });
});

describe('passages.related through dispatch', () => {
  it('lists passages of other sources like a selection, with a similarity figure', async () => {
    const notebook = await openLibrary();
    const analysis = await call(notebook, 'sources.get', { sourceId: ANALYSIS });
    const { start, end } = rangeOf(analysis, 'the number of terrorist attacks carried out by IS-Khorasan in Afghanistan fell by 83%');
    const related = await call(notebook, 'passages.related', { sourceId: ANALYSIS, start, end, limit: 5 });
    expect(related).toHaveLength(5);
    expect(related.every((passage) => passage.sourceId !== ANALYSIS && passage.similarity > 0 && passage.similarity <= 1)).toBe(true);
    expect(related[0]).toMatchObject({ sourceId: NEWS, sharedWords: expect.arrayContaining(['ISIS-K']) });
  });

  it('refuses an empty or out-of-range selection, and an unknown source', async () => {
    const notebook = await openLibrary();
    expect(await callFails(notebook, 'passages.related', { sourceId: ANALYSIS, start: 10, end: 10 })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'passages.related', { sourceId: ANALYSIS, start: 0, end: 10_000_000 })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'passages.related', { sourceId: 'nowhere', start: 0, end: 5 })).toMatchObject({ code: 'not-found' });
  });
});

describe('layout.get and layout.set through dispatch', () => {
  it('keeps the two panes durably in notebook.json', async () => {
    const first = await openLibrary();
    expect(await call(first, 'layout.get', {})).toBeNull();
    const both = { first: { kind: 'source', sourceId: REPORT, offset: 12_000 }, second: { kind: 'source', sourceId: NEWS, offset: null }, split: 0.62, focused: 'second' } as const;
    expect(await call(first, 'layout.set', { layout: both })).toEqual(both);
    await first.close();
    const second = await openLibrary();
    expect(await call(second, 'layout.get', {})).toEqual(both);
    const stored = JSON.parse(await readFile(join(notebooks.dataDir(), 'notebook.json'), 'utf8')) as { layout: unknown };
    expect(stored.layout).toEqual(both);
  });

  it('keeps a memo and a tag view in the panes, and the memo list, across a restart', async () => {
    const first = await openLibrary();
    const memoBeside = { first: { kind: 'tag', tagId: 'group:is-khorasan' }, second: { kind: 'memo', memoId: 'memo-1' }, split: 0.5, focused: 'first' } as const;
    expect(await call(first, 'layout.set', { layout: memoBeside })).toEqual(memoBeside);
    await first.close();
    const second = await openLibrary();
    expect(await call(second, 'layout.get', {})).toEqual(memoBeside);
    const lists = { first: { kind: 'source', sourceId: REPORT, offset: null }, second: { kind: 'memo', memoId: null }, split: 0.4, focused: 'second' } as const;
    expect(await call(second, 'layout.set', { layout: lists })).toEqual(lists);
    await second.close();
    expect(await call(await openLibrary(), 'layout.get', {})).toEqual(lists);
  });

  it('refuses a layout it could not restore, naming the field', async () => {
    const notebook = await openLibrary();
    const refused = await callFails(notebook, 'layout.set', { layout: { first: null, second: null, split: 0.95, focused: 'first' } });
    expect(refused).toMatchObject({ code: 'invalid-input', issues: [expect.stringContaining('split')] });
    expect(await callFails(notebook, 'layout.set', { layout: { first: { kind: 'mentions', tagId: 'm' }, second: null, split: 0.5, focused: 'first' } })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'layout.set', { layout: { first: { kind: 'memo', memoId: '' }, second: null, split: 0.5, focused: 'first' } })).toMatchObject({ code: 'invalid-input' });
    expect(await callFails(notebook, 'layout.set', { layout: { first: { kind: 'tag', tagId: 't', offset: 3 }, second: null, split: 0.5, focused: 'first' } })).toMatchObject({ code: 'invalid-input' });
    expect(await call(notebook, 'layout.get', {})).toBeNull();
  });
});
