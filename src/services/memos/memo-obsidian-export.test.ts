import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CITATION_NODE, type MemoNode } from '../../core/model/memo';
import type { LoadedSource } from '../../shared/api-contract';
import { call, callFails, NEWS, rangeOf, REPORT, useTestNotebooks } from '../../../tests/unit/support/test-notebooks';
import type { Notebook } from '../open-notebook';

const notebooks = useTestNotebooks('memo-obsidian');

const REPORT_PASSAGE = 'Accurate and comprehensive intelligence on the Taliban';
const OTHER_REPORT_PASSAGE = 'Weeda Mehran, PhD (Cambridge)';
const NEWS_PASSAGE = 'the Khorasan branch of ISIS, commonly known as ISIS-K';

const text = (value: string): MemoNode => ({ type: 'text', text: value });
const paragraph = (...content: MemoNode[]): MemoNode => ({ type: 'paragraph', content });
const cite = (highlightId: string, quote: string, sourceId: string, display: 'inline' | 'block' = 'inline'): MemoNode => ({ type: CITATION_NODE, attrs: { highlightId, display, quote, sourceId } });

async function highlight(notebook: Notebook, source: LoadedSource, passage: string, tags: string[] = [], comment = '') {
  const created = (await call(notebook, 'highlights.create', { sourceId: source.meta.id, ...rangeOf(source, passage), tags: tags.map((tagId) => ({ tagId })) })).highlight;
  return comment === '' ? created : (await call(notebook, 'highlights.update', { highlightId: created.id, comment })).highlight;
}

/** The zip's files by path, as text. */
function unzipped(base64: string): Map<string, string> {
  return new Map(Object.entries(unzipSync(Buffer.from(base64, 'base64'))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

function frontMatter(note: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(note);
  if (match === null) throw new Error(`No front matter in:\n${note.slice(0, 200)}`);
  return parse(match[1] ?? '') as Record<string, unknown>;
}

/** The callouts of a note (in a list item too): their lines without "> ", each with the block id on its own line after it. */
function callouts(note: string): { lines: string[]; blockId: string | null }[] {
  const lines = note.split('\n');
  const found: { lines: string[]; blockId: string | null }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const indent = /^( *)> \[!quote\]/.exec(lines[i] ?? '')?.[1];
    if (indent === undefined) continue;
    const body: string[] = [];
    for (; lines[i]?.startsWith(`${indent}>`); i++) body.push((lines[i] ?? '').slice(indent.length).replace(/^> ?/, ''));
    const id = lines[i] === '' ? new RegExp(`^${indent}\\^([A-Za-z0-9-]+)$`).exec(lines[i + 1] ?? '') : null;
    found.push({ lines: body, blockId: id?.[1] ?? null });
  }
  return found;
}

/** Every wikilink of a note: [[target#^block]] as the file it names and the block. */
const wikilinks = (note: string) => [...note.matchAll(/\[\[([^\]|#]+)(?:#\^([A-Za-z0-9-]+))?(?:\|[^\]]*)?\]\]/g)].map(([, target, block]) => ({ target: target ?? '', block: block ?? null }));

describe('memos.exportObsidian through dispatch', () => {
  it('zips a folder: the memo with quote callouts linking to every cited highlight’s block in its source note', async () => {
    const notebook = await notebooks.open({ now: () => new Date(Date.UTC(2026, 10, 22, 12)) });
    await call(notebook, 'sources.updateDetails', { sourceId: REPORT, details: { title: 'Jihadi Sphere: "CON" | #1 [2025]?', author: 'Weeda Mehran', publisher: 'Andiana Foundation', isoDate: '2025-01', link: 'https://example.org/report', reliability: 'B' } });
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const news = await call(notebook, 'sources.get', { sourceId: NEWS });
    const cited = await highlight(notebook, report, REPORT_PASSAGE, ['group:taliban', 'rec:r1'], 'Key line: costs $5 and 100%% sure');
    await call(notebook, 'highlights.update', { highlightId: cited.id, credibility: 2 });
    const uncited = await highlight(notebook, report, OTHER_REPORT_PASSAGE, ['group:ttp']);
    const inNews = await highlight(notebook, news, NEWS_PASSAGE, ['group:is-khorasan']);
    const memo = await call(notebook, 'memos.create', {
      title: 'Taliban: brief?',
      doc: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [text('Findings')] },
          paragraph(text('As the report says, '), cite(cited.id, REPORT_PASSAGE, REPORT), text(' which matters.')),
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('In the news: '), cite(inNews.id, NEWS_PASSAGE, NEWS, 'block'))] }] },
        ],
      },
    });

    const file = await call(notebook, 'memos.exportObsidian', { memoId: memo.id });
    expect(file).toMatchObject({ fileName: 'Taliban brief.zip', mediaType: 'application/zip', encoding: 'base64' });
    const files = unzipped(file.content);
    const reportNote = 'Taliban brief/Sources/Jihadi Sphere CON 1 2025';
    const newsNote = `Taliban brief/Sources/${news.meta.title}`;
    expect([...files.keys()].sort()).toEqual(['Taliban brief/Taliban brief.md', `${reportNote}.md`, `${newsNote}.md`].sort());

    const memoNote = files.get('Taliban brief/Taliban brief.md') ?? '';
    const tags = await call(notebook, 'tags.list', {});
    const tagName = (id: string) => tags.tags.find((t) => t.id === id)?.name ?? '';
    const asTag = (name: string) => name.replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
    expect(frontMatter(memoNote)).toEqual({
      title: 'Taliban: brief?',
      created: memo.created,
      modified: memo.modified,
      tags: [asTag(tagName('group:taliban')), asTag(tagName('rec:r1')), asTag(tagName('group:is-khorasan'))],
      sources: ['[[Sources/Jihadi Sphere CON 1 2025]]', `[[Sources/${news.meta.title}]]`],
    });
    expect(memoNote).toContain('## Findings');
    expect(memoNote).toContain('As the report says,\n');
    const memoCallouts = callouts(memoNote);
    expect(memoCallouts.map((c) => c.blockId)).toEqual(['c1', 'c2']);
    const [first, second] = memoCallouts;
    expect(first?.lines[0]?.replace(/\\(.)/g, '$1')).toMatch(/^\[!quote\] Jihadi Sphere: "CON" \| #1 \[2025\]\?, Recommendations, ¶ 1 \[B2\]$/);
    expect(first?.lines[1]).toBe(REPORT_PASSAGE);
    expect(second?.lines[1]).toBe(NEWS_PASSAGE);

    // Every wikilink names a file of the zip, and every block it names is a block of that file.
    const links = [...files.values()].flatMap(wikilinks);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const { target, block } of links) {
      const note = files.get(`Taliban brief/${target}.md`);
      expect(note, `${target} is a file of the export`).toBeDefined();
      if (block !== null) expect(callouts(note ?? '').map((c) => c.blockId)).toContain(block);
    }
    const memoLinks = wikilinks(memoNote.slice(memoNote.indexOf('\n---\n')));
    expect(memoLinks).toEqual([
      { target: 'Sources/Jihadi Sphere CON 1 2025', block: expect.stringMatching(/^h-[a-z0-9]{8,}$/) },
      { target: `Sources/${news.meta.title}`, block: expect.stringMatching(/^h-[a-z0-9]{8,}$/) },
    ]);

    const sourceNote = files.get(`${reportNote}.md`) ?? '';
    expect(frontMatter(sourceNote)).toEqual({ title: 'Jihadi Sphere: "CON" | #1 [2025]?', author: 'Weeda Mehran', publisher: 'Andiana Foundation', date: '2025-01', link: 'https://example.org/report', type: 'report' });
    // All the source's highlights, cited or not, in text order.
    const highlights = callouts(sourceNote);
    expect(highlights.map((c) => c.lines[1])).toEqual([OTHER_REPORT_PASSAGE, REPORT_PASSAGE]);
    expect(highlights.every((c) => /^h-[a-z0-9]{8,}$/.test(c.blockId ?? ''))).toBe(true);
    expect(new Set(highlights.map((c) => c.blockId)).size).toBe(2);
    expect(highlights[1]?.blockId).toBe(memoLinks[0]?.block);
    expect(highlights[1]?.lines[0]).toBe('[!quote] Recommendations, ¶ 1 \\[B2\\]');
    expect(highlights[1]?.lines).toContain(`#${asTag(tagName('group:taliban'))} #${asTag(tagName('rec:r1'))}`);
    // Obsidian's own syntax ($ math, %% comments) is escaped in the comment.
    expect(highlights[1]?.lines).toContain('**Comment:** Key line: costs \\$5 and 100\\%% sure');
    expect(highlights[0]?.lines).toContain(`#${asTag(tagName('group:ttp'))}`);
    expect(uncited.id).not.toBe(cited.id);
  });

  it('names the source note of a passage no longer highlighted without a block, and quotes what the citation last had', async () => {
    const notebook = await notebooks.open();
    const report = await call(notebook, 'sources.get', { sourceId: REPORT });
    const gone = await highlight(notebook, report, REPORT_PASSAGE);
    await call(notebook, 'highlights.delete', { highlightId: gone.id });
    const memo = await call(notebook, 'memos.create', { title: 'CON', doc: { type: 'doc', content: [paragraph(cite(gone.id, REPORT_PASSAGE, REPORT))] } });
    const files = unzipped((await call(notebook, 'memos.exportObsidian', { memoId: memo.id })).content);
    expect([...files.keys()].sort()).toEqual(['CON_/CON_.md', `CON_/Sources/${report.meta.title}.md`]);
    const note = files.get('CON_/CON_.md') ?? '';
    const [callout] = callouts(note);
    expect(callout?.lines).toContain(REPORT_PASSAGE);
    expect(callout?.lines.join('\n')).toContain('This passage is no longer highlighted; the quote is the one it last had.');
    expect(wikilinks(note)).toEqual([
      { target: `Sources/${report.meta.title}`, block: null },
      { target: `Sources/${report.meta.title}`, block: null },
    ]);
    expect(files.get(`CON_/Sources/${report.meta.title}.md`)).toContain('No passage of this source is highlighted.');
  });

  it('refuses a memo that does not exist with a sentence', async () => {
    const notebook = await notebooks.open();
    expect(await callFails(notebook, 'memos.exportObsidian', { memoId: 'nope' })).toEqual({ code: 'not-found', message: 'There is no memo with id “nope”. Reload the memo list and try again.' });
  });
});
