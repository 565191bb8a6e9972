import { describe, expect, it } from 'vitest';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('bibliography-api');
const NOW = '2026-11-22T18:30:00.000Z';

/** The tiny library's report with the details the bundled manifest gives it, and its news capture with a byline, outlet and link. */
async function describedLibrary(notebook: Notebook): Promise<void> {
  await call(notebook, 'sources.updateDetails', {
    sourceId: REPORT,
    details: { title: "The New Jihadi Sphere Under Taliban's Rule", author: 'Weeda Mehran', publisher: 'Andiana Foundation', date: 'January 2025', isoDate: '2025-01' },
  });
  await call(notebook, 'sources.updateDetails', {
    sourceId: NEWS,
    details: {
      title: 'US officials weigh wider counter-terrorism cooperation with the Taliban against ISIS-K',
      author: 'Courtney Kube; Carol E. Lee',
      publisher: 'NBC News',
      date: 'January 13, 2025',
      isoDate: '2025-01-13',
      link: 'https://www.nbcnews.com/news/taliban-isis-k',
    },
  });
}

const REPORT_RIS = `TY  - RPRT
AU  - Mehran, Weeda
DA  - 2025/1//
PY  - 2025
ID  - new-jihadi-sphere
PB  - Andiana Foundation
TI  - The New Jihadi Sphere Under Taliban's Rule
ER  - 
`;

const NEWS_RIS = `TY  - NEWS
ID  - us-weighs-cooperatio
AU  - Kube, Courtney
AU  - Lee, Carol E.
DA  - 2025/1/13/
PY  - 2025
T2  - NBC News
TI  - US officials weigh wider counter-terrorism cooperation with the Taliban against ISIS-K
UR  - https://www.nbcnews.com/news/taliban-isis-k
ER  - 
`;

const REPORT_BIBTEX = `@techreport{mehran2025new,
	author = {Mehran, Weeda},
	year = {2025},
	month = {1},
	institution = {Andiana Foundation},
	title = {The {New} {Jihadi} {Sphere} {Under} {Taliban}'s {Rule}},
}
`;

const NEWS_BIBTEX = `@article{kube2025us,
	author = {Kube, Courtney and Lee, Carol E.},
	journal = {NBC News},
	year = {2025},
	month = {jan 13},
	title = {US officials weigh wider counter-terrorism cooperation with the {Taliban} against {ISIS}-{K}},
	url = {https://www.nbcnews.com/news/taliban-isis-k},
	howpublished = {https://www.nbcnews.com/news/taliban-isis-k},
}
`;

describe('export.bibliography through dispatch', () => {
  it('writes the library as CSL-JSON items', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    await describedLibrary(notebook);
    const file = await call(notebook, 'export.bibliography', { format: 'csl-json' });
    expect(file).toMatchObject({ fileName: 'notebook-bibliography-2026-11-22.json', mediaType: 'application/vnd.citationstyles.csl+json' });
    expect(JSON.parse(file.content)).toEqual([
      {
        id: NEWS,
        type: 'article-newspaper',
        'citation-key': 'kube2025us',
        title: 'US officials weigh wider counter-terrorism cooperation with the Taliban against ISIS-K',
        author: [
          { family: 'Kube', given: 'Courtney' },
          { family: 'Lee', given: 'Carol E.' },
        ],
        'container-title': 'NBC News',
        issued: { 'date-parts': [[2025, 1, 13]] },
        URL: 'https://www.nbcnews.com/news/taliban-isis-k',
      },
      {
        id: REPORT,
        type: 'report',
        'citation-key': 'mehran2025new',
        title: "The New Jihadi Sphere Under Taliban's Rule",
        author: [{ family: 'Mehran', given: 'Weeda' }],
        publisher: 'Andiana Foundation',
        issued: { 'date-parts': [[2025, 1]] },
      },
    ]);
  });

  it('writes RIS records Zotero reads: type, authors, dates, publisher, title, link', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    await describedLibrary(notebook);
    const file = await call(notebook, 'export.bibliography', { format: 'ris' });
    expect(file).toMatchObject({ fileName: 'notebook-bibliography-2026-11-22.ris', mediaType: 'application/x-research-info-systems' });
    expect(file.content).toBe(NEWS_RIS + REPORT_RIS);
  });

  it('writes BibTeX entries under stable keys, in UTF-8', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    await describedLibrary(notebook);
    const file = await call(notebook, 'export.bibliography', { format: 'bibtex' });
    expect(file).toMatchObject({ fileName: 'notebook-bibliography-2026-11-22.bib', mediaType: 'application/x-bibtex' });
    expect(file.content).toBe(NEWS_BIBTEX + REPORT_BIBTEX);
    // The same sources give the same keys on every export.
    expect((await call(notebook, 'export.bibliography', { format: 'bibtex' })).content).toBe(file.content);

    await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { publisher: 'Институт Ближнего Востока' } });
    expect((await call(notebook, 'export.bibliography', { format: 'bibtex', sourceIds: [REPORT] })).content).toContain('institution = {Институт Ближнего Востока},');
  });

  it('writes only the sources named, or the ones a memo cites', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    await describedLibrary(notebook);
    expect((await call(notebook, 'export.bibliography', { format: 'ris', sourceIds: [REPORT, REPORT] })).content).toBe(REPORT_RIS);

    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const quote = "following Hamas's attack on Israel";
    const { highlight } = await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, quote) });
    const citation = { type: 'citation', attrs: { highlightId: highlight.id, display: 'inline', quote, sourceId: REPORT } };
    const memo = await call(notebook, 'memos.create', { title: 'Hamas: effects', doc: { type: 'doc', content: [{ type: 'paragraph', content: [citation, citation] }] } });
    const cited = await call(notebook, 'export.bibliography', { format: 'ris', memoId: memo.id });
    expect(cited).toMatchObject({ fileName: 'Hamas effects sources.ris' });
    expect(cited.content).toBe(REPORT_RIS);

    const empty = await call(notebook, 'memos.create', { title: 'Nothing cited' });
    expect((await call(notebook, 'export.bibliography', { format: 'csl-json', memoId: empty.id })).content).toBe('[]\n');
  });

  it('refuses unknown sources and memos, and being asked for both', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'export.bibliography', { format: 'ris', sourceIds: ['nope'] })).toEqual({ code: 'not-found', message: 'The library has no source with id "nope".' });
    expect(await callFails(notebook, 'export.bibliography', { format: 'ris', memoId: 'nope' })).toMatchObject({ code: 'not-found' });
    expect(await callFails(notebook, 'export.bibliography', { format: 'ris', memoId: 'm', sourceIds: [REPORT] })).toMatchObject({
      code: 'invalid-input',
      issues: ['sourceIds and memoId: give one of them, or neither for the whole library'],
    });
    expect(await callFails(notebook, 'export.bibliography', { format: 'endnote' })).toMatchObject({ code: 'invalid-input', issues: [expect.stringMatching(/^format: /)] });
  });
});
