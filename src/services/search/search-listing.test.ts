import { describe, expect, it } from 'vitest';
import { RESOURCES_DIR } from '../../../tests/unit/bundled-source-files';
import { call, callFails, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { SearchResult } from '../../core/search/search-types';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('search-listing');
const openLibrary = (): Promise<Notebook> => notebooks.open({ resourcesDir: RESOURCES_DIR });

const REPORT = 'andiana-new-jihadi-sphere-2025';
const ANALYSIS = 'ime-taliban-counter-terrorism-duality-2023';
const NEWS = 'us-taliban-isis-k-cooperation-2025';

const passageTotal = (result: SearchResult): number => result.sources.reduce((sum, source) => sum + source.passageCount, 0);
const listed = (result: SearchResult): string[] => result.sources.flatMap((source) => source.passages.map((passage) => `${source.sourceId}@${passage.start}`));

describe('search.query listing every passage', () => {
  it('pages through all 137 hits for "ISKP", source by source, most relevant source first', async () => {
    const notebook = await openLibrary();
    const first = await call(notebook, 'search.query', { query: 'ISKP' });
    // The figure the e2e test of the search view shows as "137 hits in 5 sources".
    expect(first.total).toBe(137);
    expect(first.sources.map((source) => source.sourceId)).toEqual([REPORT, NEWS, ANALYSIS, 'fp-taliban-pledge-capture-1', 'fp-taliban-pledge-capture-2']);
    expect(first.sources.reduce((sum, source) => sum + source.hitCount, 0)).toBe(137);

    const pages: SearchResult[] = [];
    for (let offset = 0; offset < passageTotal(first); offset += 40) pages.push(await call(notebook, 'search.query', { query: 'ISKP', offset, limit: 40 }));
    const all = pages.flatMap(listed);
    expect(all).toHaveLength(passageTotal(first));
    expect(new Set(all).size).toBe(all.length);
    // Pages fill one source after the other, in the order the sources are listed.
    const sourceOrder = all.map((entry) => entry.split('@')[0]);
    expect(sourceOrder.filter((id, i) => id !== sourceOrder[i - 1])).toEqual(first.sources.map((source) => source.sourceId));
    const whole = await call(notebook, 'search.query', { query: 'ISKP', offset: 0, limit: 500 });
    expect(listed(whole)).toEqual(all);
  });

  it('lists a source’s contents, notes and reference entries after its body text', async () => {
    const notebook = await openLibrary();
    const result = await call(notebook, 'search.query', { query: 'ISKP', offset: 0, limit: 500 });
    const roles = result.sources.find((source) => source.sourceId === REPORT)?.passages.map((passage) => passage.role) ?? [];
    expect(roles).toContain('body');
    expect(roles.some((role) => role !== 'body')).toBe(true);
    const firstApparatus = roles.findIndex((role) => role !== 'body');
    expect(roles.slice(firstApparatus).every((role) => role !== 'body')).toBe(true);
    const best = await call(notebook, 'search.query', { query: 'ISKP', limit: 10 });
    expect(best.sources.flatMap((source) => source.passages).every((passage) => passage.role === 'body')).toBe(true);
  });

  it('filters by source, kind, file format and date', async () => {
    const notebook = await openLibrary();
    const sourcesFound = async (filter: object): Promise<string[]> =>
      (await call(notebook, 'search.query', { query: 'ISKP', filter })).sources.map((source) => source.sourceId).sort();
    expect(await sourcesFound({ sourceIds: [NEWS, ANALYSIS] })).toEqual([ANALYSIS, NEWS].sort());
    expect(await sourcesFound({ kinds: ['report', 'analysis'] })).toEqual([ANALYSIS, REPORT].sort());
    expect(await sourcesFound({ formats: ['pdf'] })).toEqual([]);
    expect(await sourcesFound({ from: '2025-01-10' })).toEqual([NEWS, REPORT].sort());
    expect(await sourcesFound({ from: '2023', to: '2024-12-31' })).toEqual([ANALYSIS]);
    expect(await callFails(notebook, 'search.query', { query: 'ISKP', filter: { from: '13/01/2025' } })).toMatchObject({
      code: 'invalid-input',
      issues: [expect.stringContaining('YYYY-MM-DD')],
    });
  });

  it('reads AND and NOT', async () => {
    const notebook = await openLibrary();
    const search = (query: string) => call(notebook, 'search.query', { query, offset: 0, limit: 500 });
    const [plain, joined, without] = await Promise.all([search('ISKP Kabul'), search('ISKP AND Kabul'), search('ISKP NOT Kabul')]);
    expect(joined).toEqual(plain);
    const all = await search('ISKP');
    expect(passageTotal(without) + passageTotal(plain)).toBe(passageTotal(all));
  });
});
