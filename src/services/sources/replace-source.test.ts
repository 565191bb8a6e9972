import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnchoredHighlight } from '../../shared/api-contract';
import { FaultyStoreFs } from '../../../tests/unit/support/faulty-store-fs';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import { sha256 } from '../../../tests/unit/support/tiny-library';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('replace-source');
const REPORT_FILE = '004_22ba044b9207139b.txt';
const NOW = '2026-11-22T18:30:00.000Z';

/**
 * A revised edition of the report: a note added up front, a typo fixed, a sentence reworded, one
 * cut, and the Introduction retitled with its second sentence rewritten (so that its first
 * sentence, itself corrected, stands among text the highlight does not know).
 */
const REVISION: readonly [string, string][] = [
  ['# Executive Summary\n\n', "# Executive Summary\n\nThis revised edition corrects several passages and adds the Foundation's note on sources.\n\n"],
  ['Executive Summmary', 'Executive Summary'],
  [
    'sheds light on how and why Afghanistan under the Taliban has become attractive for various jihadi groups',
    'sheds light on how and why Afghanistan under Taliban rule has become attractive to various jihadi groups',
  ],
  ["**In summary, the Taliban's rule in Afghanistan presents significant security challenges that require a strategic and informed approach.**\n\n", ''],
  [
    "## Introduction\n\nThe Taliban's victory has led to well-founded regional and international concerns that Afghanistan will once again become a haven for international terrorist organizations. Following the fall of Kabul to the Taliban, Suhail Shaheen, the Taliban's spokesperson told BBC",
    "## Setting the scene: an overview of the new order\n\nThe Taliban's victory has led to well-founded regional and international concerns that Afghanistan will once again become a haven for international terrorist organisations. Speaking in an interview given soon afterwards, a spokesman said to the BBC",
  ],
];

const UNCHANGED = ['By focusing on the nuanced nature of these evolving relationships', "The Taliban's victory in Afghanistan has attracted a number of Al Qaeda personnel back to Afghanistan"];
const MOVED = 'Since the fall of Kabul to the Taliban in August 2021, Afghanistan has become a safe-haven for various terrorist organizations';
const REWORDED = 'the working paper sheds light on how and why Afghanistan under the Taliban has become attractive for various jihadi groups';
const CUT = "the Taliban's rule in Afghanistan presents significant security challenges that require a strategic and informed approach";
const REWRITTEN = "The Taliban's victory has led to well-founded regional and international concerns that Afghanistan will once again become a haven for international terrorist organizations.";

async function revisedReport(resourcesDir: string): Promise<string> {
  let text = await readFile(join(resourcesDir, 'sources', REPORT_FILE), 'utf8');
  for (const [from, to] of REVISION) {
    if (!text.includes(from)) throw new Error(`The report no longer holds "${from.slice(0, 40)}…"`);
    text = text.replace(from, to);
  }
  return text;
}

async function highlightReport(notebook: Notebook) {
  const report = await call(notebook, 'sources.get', { sourceId: REPORT });
  const made = new Map<string, AnchoredHighlight>();
  for (const passage of [...UNCHANGED, MOVED, REWORDED, CUT, REWRITTEN]) {
    made.set(passage, await call(notebook, 'highlights.create', { sourceId: REPORT, ...rangeOf(report, passage), tags: [{ tagId: 'group:taliban' }] }));
  }
  return made;
}

const byQuote = (list: readonly AnchoredHighlight[]) => Object.fromEntries(list.map((a) => [a.highlight.target.quote.exact, a.status]));

describe('sources.replace through dispatch', () => {
  it('re-anchors the highlights of a revised report and counts where each stands', async () => {
    const notebook = await notebooks.open({ now: () => new Date(NOW) });
    const made = await highlightReport(notebook);
    const newsHighlight = await call(notebook, 'highlights.create', { sourceId: NEWS, ...rangeOf(await call(notebook, 'sources.get', { sourceId: NEWS }), 'Biden administration officials') });

    const report = await call(notebook, 'sources.replace', { sourceId: REPORT, text: await revisedReport(notebooks.resourcesDir()) });
    expect(report).toMatchObject({ sourceId: REPORT, total: 6, exact: 3, fuzzy: 1, review: 1, orphan: 1 });
    expect(report.problems.map((p) => [p.highlight.target.quote.exact, p.status])).toEqual([
      [REWRITTEN, 'review'],
      [CUT, 'orphan'],
    ]);
    expect(report.problems[1]).toMatchObject({ start: null, end: null });

    const listed = await call(notebook, 'highlights.list', { sourceId: REPORT });
    expect(byQuote(listed)).toEqual({ [UNCHANGED[0]!]: 'exact', [UNCHANGED[1]!]: 'exact', [MOVED]: 'exact', [REWORDED]: 'fuzzy', [REWRITTEN]: 'review', [CUT]: 'orphan' });
    const current = await call(notebook, 'sources.get', { sourceId: REPORT });
    const moved = listed.find((a) => a.highlight.target.quote.exact === MOVED);
    expect(moved).toMatchObject(rangeOf(current, MOVED));
    expect(moved?.highlight).toEqual(made.get(MOVED)?.highlight);
    expect(await call(notebook, 'highlights.list', { sourceId: NEWS })).toEqual([newsHighlight]);
  });

  it('keeps a fuzzy highlight’s stored selectors (the evidence) until a person places it', async () => {
    const notebook = await notebooks.open();
    const made = await highlightReport(notebook);
    await call(notebook, 'sources.replace', { sourceId: REPORT, text: await revisedReport(notebooks.resourcesDir()) });
    const current = await call(notebook, 'sources.get', { sourceId: REPORT });
    const reworded = current.text.slice(current.text.indexOf('the working paper sheds light'), current.text.indexOf('the working paper sheds light') + 'the working paper sheds light on how and why Afghanistan under Taliban rule has become attractive to various jihadi groups'.length);

    const fuzzy = (await call(notebook, 'highlights.list', { sourceId: REPORT })).find((a) => a.status === 'fuzzy');
    expect(fuzzy?.highlight).toEqual(made.get(REWORDED)?.highlight);
    expect(current.text.slice(fuzzy?.start ?? 0, fuzzy?.end ?? 0)).toBe(reworded);

    const placed = await call(notebook, 'highlights.place', { highlightId: fuzzy?.highlight.id ?? '', start: fuzzy?.start ?? 0, end: fuzzy?.end ?? 0 });
    expect(placed).toMatchObject({ status: 'exact', highlight: { target: { quote: { exact: reworded }, textHash: current.textHash }, tags: [{ tagId: 'group:taliban' }] } });
    expect(byQuote(await call(notebook, 'highlights.list', { sourceId: REPORT }))[reworded]).toBe('exact');
  });

  it('answers an edit of a moved or reworded highlight with where it now stands, anchored with its source', async () => {
    const first = await notebooks.open();
    const made = await highlightReport(first);
    await call(first, 'sources.replace', { sourceId: REPORT, text: await revisedReport(notebooks.resourcesDir()) });
    const listed = await call(first, 'highlights.list', { sourceId: REPORT });
    await first.close();

    // A fresh session has placed nothing yet: the edit's answer needs its source anchored.
    const second = await notebooks.open();
    for (const passage of [REWORDED, MOVED]) {
      const { highlight } = made.get(passage) ?? {};
      const edited = await call(second, 'highlights.update', { highlightId: highlight?.id ?? '', comment: 'Checked against the revision.' });
      const { status, start, end } = listed.find((a) => a.highlight.id === highlight?.id) ?? {};
      expect(edited).toEqual({ highlight: { ...highlight, comment: 'Checked against the revision.', modified: expect.any(String) }, status, start, end });
    }
  });

  it('lists the highlights needing review or orphaned, and placing them settles them', async () => {
    const notebook = await notebooks.open();
    await highlightReport(notebook);
    await call(notebook, 'sources.replace', { sourceId: REPORT, text: await revisedReport(notebooks.resourcesDir()) });
    const problems = await call(notebook, 'highlights.problems', {});
    expect(problems.map((p) => p.status)).toEqual(['review', 'orphan']);

    const current = await call(notebook, 'sources.get', { sourceId: REPORT });
    const review = problems[0];
    await call(notebook, 'highlights.place', { highlightId: review?.highlight.id ?? '', start: review?.start ?? 0, end: review?.end ?? 0 });
    await call(notebook, 'highlights.place', { highlightId: problems[1]?.highlight.id ?? '', ...rangeOf(current, 'This revised edition corrects several passages') });
    expect(await call(notebook, 'highlights.problems', {})).toEqual([]);
  });

  it('keeps the old text and serves the new one, across close and reopen', async () => {
    const first = await notebooks.open({ now: () => new Date(NOW) });
    await highlightReport(first);
    const bundled = await call(first, 'sources.get', { sourceId: REPORT });
    const revised = await revisedReport(notebooks.resourcesDir());
    await call(first, 'sources.replace', { sourceId: REPORT, text: revised });
    const replaced = await call(first, 'sources.get', { sourceId: REPORT });
    expect(replaced.meta).toEqual({ ...bundled.meta, length: replaced.text.length, replaced: { versionHash: sha256(revised), replacedAt: NOW } });
    expect(replaced.text).toContain('This revised edition corrects several passages');
    expect(await readFile(join(notebooks.dataDir(), 'sources', REPORT, `${sha256(revised)}.txt`), 'utf8')).toBe(revised);
    expect(sha256(await readFile(join(notebooks.resourcesDir(), 'sources', REPORT_FILE)))).toBe(bundled.meta.sha256);
    const statuses = byQuote(await call(first, 'highlights.list', { sourceId: REPORT }));
    await first.close();

    const second = await notebooks.open();
    expect(await call(second, 'sources.get', { sourceId: REPORT })).toEqual(replaced);
    expect((await call(second, 'sources.list', {})).find((s) => s.id === REPORT)?.replaced).toEqual({ versionHash: sha256(revised), replacedAt: NOW });
    expect(byQuote(await call(second, 'highlights.list', { sourceId: REPORT }))).toEqual(statuses);
    const notebookFile = JSON.parse(await readFile(join(notebooks.dataDir(), 'notebook.json'), 'utf8'));
    expect(notebookFile).toMatchObject({ schemaVersion: 3, sourceVersions: { [REPORT]: { versionHash: sha256(revised), replacedAt: NOW } } });
  });

  it('brings the highlights back to exact when the bundled text is put back', async () => {
    const notebook = await notebooks.open();
    await highlightReport(notebook);
    await call(notebook, 'sources.replace', { sourceId: REPORT, text: await revisedReport(notebooks.resourcesDir()) });
    const original = await readFile(join(notebooks.resourcesDir(), 'sources', REPORT_FILE), 'utf8');
    expect(await call(notebook, 'sources.replace', { sourceId: REPORT, text: original })).toMatchObject({ total: 6, exact: 6, problems: [] });
  });

  it('refuses an unknown source or a text with nothing to read, and keeps the text when saving fails', async () => {
    const fs = new FaultyStoreFs();
    const notebook = await notebooks.open({ fs });
    const before = await call(notebook, 'sources.get', { sourceId: REPORT });
    expect(await callFails(notebook, 'sources.replace', { sourceId: 'nope', text: 'Some text.' })).toEqual({ code: 'not-found', message: 'The library has no source with id "nope".' });
    expect(await callFails(notebook, 'sources.replace', { sourceId: REPORT, text: '\n\n\n' })).toMatchObject({ code: 'invalid-input', issues: ['text: holds no readable text once parsed'] });
    expect(await callFails(notebook, 'sources.replace', { sourceId: REPORT, text: '' })).toMatchObject({ code: 'invalid-input' });

    fs.fail('rename', 'ENOSPC', /notebook\.json/);
    expect(await callFails(notebook, 'sources.replace', { sourceId: REPORT, text: 'A much shorter report.' })).toMatchObject({
      code: 'storage-failed',
      message: expect.stringMatching(/^Could not save reading positions and source versions to .+notebook\.json: no space left on device \(ENOSPC\)\./),
    });
    expect(await call(notebook, 'sources.get', { sourceId: REPORT })).toEqual(before);
  });
});
