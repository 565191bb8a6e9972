import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('export-api');

/** Rows of an RFC 4180 text: fields quoted when they hold a comma, quote or line break, CRLF after each record. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted && ch === '"' && text.charAt(i + 1) === '"') field += text.charAt(i++);
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') [row, field] = [[...row, field], ''];
    else if (!quoted && ch === '\r' && text.charAt(i + 1) === '\n') {
      rows.push([...row, field]);
      [row, field] = [[], ''];
      i++;
    } else field += ch;
  }
  return rows;
}
const NOW = '2026-11-22T18:30:00.000Z';

interface Collection {
  readonly type: string;
  readonly total: number;
  readonly first?: { readonly items: readonly { id: string; type: string; body?: { purpose: string; value: string }[]; target: { source: string; selector: { type: string; exact?: string }[] } }[] };
}

async function highlightBoth(notebook: Notebook) {
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  const news = await call(notebook, 'sources.get', { sourceId: NEWS });
  const pledge = await call(notebook, 'highlights.create', {
    sourceId: REPORT,
    ...rangeOf(report, "Given the Taliban's unreliability, independent monitoring and analysis should be prioritized."),
    tags: [{ tagId: 'rec:r1', stance: 'supports' }, { tagId: 'group:taliban' }],
    comment: 'Core of R1.',
  });
  const hamas = await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, "following Hamas's attack on Israel") });
  const isisK = await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(news, 'commonly known as ISIS-K'), tags: [{ tagId: 'group:is-khorasan' }] });
  return { pledge, hamas, isisK };
}

describe('export.highlights through dispatch', () => {
  it('exports every highlight as a W3C annotation collection, source by source in text order', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    const { pledge, hamas, isisK } = await highlightBoth(notebook);
    const file = await call(notebook, 'export.highlights', { format: 'w3c' });
    expect(file.fileName).toBe('notebook-highlights-2026-11-22.jsonld');
    expect(file.mediaType).toBe('application/ld+json');

    const collection = JSON.parse(file.content) as Collection;
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3 });
    const items = collection.first?.items ?? [];
    expect(items.map((a) => a.id)).toEqual([isisK, hamas, pledge].map((a) => `urn:notebook:highlight:${a.highlight.id}`));
    expect(items.every((a) => a.type === 'Annotation')).toBe(true);
    expect(items[2]?.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: pledge.highlight.target.quote.exact });
    expect(items[2]?.body?.map((b) => [b.purpose, b.value])).toContainEqual(['commenting', 'Core of R1.']);
    expect(items[2]?.body?.map((b) => [b.purpose, b.value])).toContainEqual(['assessing', 'supports: R1 · Enhanced Intelligence and Monitoring']);
  });

  it('exports only the sources named, and nothing at all when there is nothing', async () => {
    const notebook = await notebooks.open();
    expect(JSON.parse((await call(notebook, 'export.highlights', { format: 'w3c' })).content)).toMatchObject({ type: 'AnnotationCollection', total: 0 });
    const { isisK } = await highlightBoth(notebook);
    const only = JSON.parse((await call(notebook, 'export.highlights', { format: 'w3c', sourceIds: [NEWS, NEWS] })).content) as Collection;
    expect(only.first?.items.map((a) => a.id)).toEqual([`urn:notebook:highlight:${isisK.highlight.id}`]);
    expect(await callFails(notebook, 'export.highlights', { format: 'w3c', sourceIds: ['nope'] })).toEqual({ code: 'not-found', message: 'The library has no source with id "nope".' });
    expect(await callFails(notebook, 'export.highlights', { format: 'pdf' })).toMatchObject({ code: 'invalid-input', issues: [expect.stringMatching(/^format: /)] });
  });

  it('exports a CSV row per highlight, each located by section and paragraph', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    const { pledge, hamas, isisK } = await highlightBoth(notebook);
    const file = await call(notebook, 'export.highlights', { format: 'csv' });
    expect(file).toMatchObject({ fileName: 'notebook-highlights-2026-11-22.csv', mediaType: 'text/csv' });
    expect(file.content.startsWith('\uFEFFsource,location,quote,tags,stance,comment,created,modified,reliability,credibility\r\n')).toBe(true);

    const [, ...rows] = csvRows(file.content.slice(1));
    expect(rows.map((r) => r[2])).toEqual([isisK, hamas, pledge].map((a) => a.highlight.target.quote.exact));
    expect(rows[1]?.[1]).toBe('Executive Summary, paragraph 1');
    expect(rows[2]).toEqual([
      `Title of ${REPORT}`,
      'Recommendations, paragraph 1',
      pledge.highlight.target.quote.exact,
      'R1 · Enhanced Intelligence and Monitoring; Taliban',
      'R1 · Enhanced Intelligence and Monitoring: supports',
      'Core of R1.',
      pledge.highlight.created,
      pledge.highlight.modified,
      '',
      '',
    ]);
  });

  it('locates a highlight by where it now stands after the text was replaced, and an orphan nowhere', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const kept = "Given the Taliban's unreliability, independent monitoring and analysis should be prioritized.";
    const cut = 'This working paper analyzes the relationship between the Taliban since its rise to power';
    await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, kept) });
    await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, cut) });
    const raw = await readFile(join(notebooks.resourcesDir(), 'sources', report.meta.file), 'utf8');
    const cutParagraph = raw.slice(raw.indexOf(cut), raw.indexOf('\n', raw.indexOf(cut)) + 2);
    // The paragraph is cut, and the recommendations move under a heading of their own.
    const revised = raw.replace(cutParagraph, '').replace('# Recommendations\n\n', '# Recommendations\n\n## Five recommendations\n\n');
    expect(await call(notebook, 'sources.replace', { sourceId: REPORT, text: revised })).toMatchObject({ exact: 1, orphan: 1 });

    const rows = csvRows((await call(notebook, 'export.highlights', { format: 'csv' })).content.slice(1));
    expect(rows.slice(1).map((r) => [r[2], r[1]])).toEqual([
      [kept, 'Five recommendations, paragraph 1'],
      [cut, ''],
    ]);
  });

  it('exports a fuzzy highlight with the quote it was made on, not the edited passage', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const passage = 'the working paper sheds light on how and why Afghanistan under the Taliban has become attractive for various jihadi groups';
    await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, passage) });
    const raw = await readFile(join(notebooks.resourcesDir(), 'sources', report.meta.file), 'utf8');
    await call(notebook, 'sources.replace', { sourceId: REPORT, text: raw.replace('under the Taliban has become attractive for', 'under Taliban rule has become attractive to') });
    expect((await call(notebook, 'highlights.list', { sourceId: REPORT }))[0]?.status).toBe('fuzzy');
    const collection = JSON.parse((await call(notebook, 'export.highlights', { format: 'w3c' })).content) as Collection;
    expect(collection.first?.items[0]?.target.selector.map((s) => [s.type, s.exact])).toEqual([['TextQuoteSelector', passage]]);
  });
});
