import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { readMarkdown } from '../unit/support/read-markdown';
import { apiCaller } from './api-caller';
import { bundledSource } from './bundled-source';
import { expect, startServer, test } from './fixtures';

const REPORT_QUOTE = "Over two dozen terrorist groups currently operate freely in Afghanistan under the Taliban's de facto rule.";
const NEWS_QUOTE = 'Biden administration officials are discussing expanding cooperation with the Taliban regime in Kabul';
const SCHEMA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'conformance', 'refi-qda', 'Project-mrt2019.xsd');

const memos = (page: Page) => page.getByRole('region', { name: 'Memos' });
const footnotesOf = (markdown: string): string[] =>
  readMarkdown(markdown)
    .blocks.filter((b) => b.containers.includes('footnote'))
    .map((b) => b.text);

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return { download, bytes: await readFile(await download.path()) };
}

test('a memo citing two sources leaves as Markdown (Chicago and APA), Word with real footnotes and an Obsidian folder; the codes leave as REFI-QDA and come back', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const report = await bundledSource(call, '004_');
  const news = await bundledSource(call, '002_');
  const cite = async (source: { source: { id: string }; text: string }, quote: string, tagId: string) => {
    const start = source.text.indexOf(quote);
    const created = (await call('highlights.create', { sourceId: source.source.id, start, end: start + quote.length, tags: [{ tagId }] })) as { highlight: { id: string } };
    return { type: 'citation', attrs: { highlightId: created.highlight.id, sourceId: source.source.id, quote, display: 'inline' } };
  };
  const doc = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Two sources' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'The report counts  ' }, await cite(report, REPORT_QUOTE, 'group:taliban'), { type: 'text', text: ' while officials say ' }, await cite(news, NEWS_QUOTE, 'group:al-qaeda')] },
    ],
  };
  const memo = (await call('memos.create', { title: 'Taliban: two sources', doc })) as { id: string };
  await page.goto(`${appUrl}#view=memo&memo=${memo.id}`);
  await expect(memos(page).getByRole('textbox', { name: 'Memo', exact: true }).locator('.citation')).toHaveCount(2);

  // Markdown, Chicago (the default): the report's title italic, the article's quoted; two spaces kept.
  const chicago = (await downloaded(page, () => memos(page).getByRole('button', { name: 'Export Markdown' }).click())).bytes.toString('utf8');
  expect(chicago).toContain('The report counts  “');
  expect(chicago).not.toContain('&#32;');
  const chicagoNotes = footnotesOf(chicago);
  expect(chicagoNotes).toHaveLength(2);
  expect(chicagoNotes[0]).toContain("The New Jihadi Sphere Under Taliban's Rule");
  expect(chicago).toMatch(/\*The New Jihadi Sphere Under Taliban\\?['’]s Rule\*/);

  // APA: author-date references and a reference list.
  await memos(page).getByRole('combobox', { name: 'Citation style' }).selectOption({ label: 'APA' });
  await expect(memos(page).getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  const apa = (await downloaded(page, () => memos(page).getByRole('button', { name: 'Export Markdown' }).click())).bytes.toString('utf8');
  expect(footnotesOf(apa)[0]).toMatch(/^\(Mehran, 2025/);
  expect(apa).toContain('References');

  // Word: pandoc reads it back with one footnote per citation, and both quotes.
  const word = await downloaded(page, () => memos(page).getByRole('button', { name: 'Export Word' }).click());
  expect(word.download.suggestedFilename()).toMatch(/\.docx$/);
  const folder = await mkdtemp(join(tmpdir(), 'notebook-export-'));
  try {
    const docxPath = join(folder, 'memo.docx');
    await writeFile(docxPath, word.bytes);
    const plain = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', docxPath], { encoding: 'utf8' });
    const flat = plain.replace(/\s+/g, ' ');
    expect(flat).toContain('Over two dozen terrorist groups currently operate freely in Afghanistan');
    expect(flat).toContain(NEWS_QUOTE);
    expect((plain.match(/^\[\^\d+\]:/gm) ?? []).length).toBe(2);

    // Obsidian: the memo with quote callouts and block ids, a note per cited source, wikilinks that resolve.
    const obsidian = await downloaded(page, () => memos(page).getByRole('button', { name: 'Export for Obsidian' }).click());
    const files = unzipSync(new Uint8Array(obsidian.bytes));
    const paths = Object.keys(files);
    const memoPath = paths.find((p) => p.endsWith('.md') && !p.includes('/Sources/'));
    expect(memoPath).toBeDefined();
    const memoText = strFromU8(files[memoPath!]!);
    expect(memoText).toContain('> [!quote]');
    expect(memoText).toMatch(/\^c1\b/);
    const frontMatter = parseYaml(memoText.split('---')[1] ?? '') as { title?: string };
    expect(frontMatter.title).toBe('Taliban: two sources');
    const sourceNotes = paths.filter((p) => p.includes('/Sources/'));
    expect(sourceNotes).toHaveLength(2);
    for (const link of memoText.matchAll(/\[\[Sources\/([^#\]|]+)/g)) expect(sourceNotes.some((p) => p.endsWith(`Sources/${link[1]}.md`))).toBe(true);

    // REFI-QDA: the project validates against the schema, and "Add sources" on a new notebook brings it back.
    await page.goto(`${appUrl}#view=tags`);
    const qdpx = await downloaded(page, () => page.getByRole('button', { name: 'Download REFI-QDA project (.qdpx)' }).click());
    const project = unzipSync(new Uint8Array(qdpx.bytes));
    await writeFile(join(folder, 'project.qde'), project['project.qde']!);
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, join(folder, 'project.qde')], { stdio: 'pipe' });

    const dataDir = join(folder, 'other-notebook');
    const other = await startServer(dataDir);
    try {
      await page.goto(other.url);
      const choosing = page.waitForEvent('filechooser');
      await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: 'Add sources' }).click();
      await (await choosing).setFiles([{ name: 'notebook.qdpx', mimeType: 'application/zip', buffer: qdpx.bytes }]);
      const row = page.getByRole('region', { name: 'Import' }).getByRole('listitem').first();
      await expect(row).toContainText(/Imported a project: \d+ sources?, \d+ codes?, 2 codings?, 1 memo/, { timeout: 30_000 });
    } finally {
      await other.stop();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
