import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { makeDocx } from '../fixtures/import/make-docx';
import { makeEpub } from '../fixtures/import/make-epub';
import { makeMultiPagePdf, makeTruncatedPdf } from '../fixtures/import/make-pdf';
import { newsPageFacts, savedNewsPage } from '../fixtures/import/make-web-page';
import { readMarkdown } from '../unit/support/read-markdown';
import { dragSelect } from './drag-select';
import { expect, startServer, test } from './fixtures';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const importRegion = (page: Page) => page.getByRole('region', { name: 'Import' });
const memos = (page: Page) => page.getByRole('region', { name: 'Memos' });
const memoText = (page: Page) => memos(page).getByRole('textbox', { name: 'Memo', exact: true });
const leftPane = (page: Page) => page.getByRole('region', { name: /^Left pane/ });
const annotations = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

interface FileToAdd {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** Adds files as a person does: "Add sources", then the files in the chooser. */
async function addSources(page: Page, files: readonly FileToAdd[]) {
  const choosing = page.waitForEvent('filechooser');
  await library(page).getByRole('button', { name: 'Add sources' }).click();
  const chooser = await choosing;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles([...files]);
}

/** A library entry: its link holds the title and the format badge. */
const entry = (page: Page, title: string) => library(page).getByRole('link').filter({ hasText: title });

test('PDF, Word, EPUB, a saved web page and a text file import in one go; a truncated PDF and a fake .docx fail with reasons; all five survive a restart', async ({ page, dataDir }) => {
  const pdf = await makeMultiPagePdf();
  const docx = await makeDocx();
  const epub = makeEpub();
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const files: FileToAdd[] = [
    { name: 'working-paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) },
    { name: 'harbour-dues.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx.bytes) },
    { name: 'harbour-ledger.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(epub.bytes) },
    { name: 'harbour-dues.html', mimeType: 'text/html', buffer: Buffer.from(savedNewsPage(), 'utf8') },
    { name: 'Field notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Field notes\n\nThe harbour master kept two ledgers.\n', 'utf8') },
    { name: 'truncated.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await makeTruncatedPdf()) },
    { name: 'noise.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: random },
  ];
  let server = await startServer(dataDir);
  try {
    await page.goto(server.url);
    await addSources(page, files);
    const rows = importRegion(page).getByRole('listitem');
    await expect(rows).toHaveCount(files.length);
    // Every row ends with its outcome in words; the region says when all are done.
    await expect(importRegion(page).getByRole('heading', { name: 'Added sources' })).toBeVisible({ timeout: 60_000 });
    for (const name of files.slice(0, 5).map((f) => f.name)) await expect(rows.filter({ hasText: name })).toContainText('Imported');
    await expect(rows.filter({ hasText: 'truncated.pdf' })).toContainText(/Failed: .*PDF/);
    await expect(rows.filter({ hasText: 'noise.docx' })).toContainText(/Failed: .*Word document/);

    const expected = [
      { title: pdf.title, badge: 'PDF' },
      { title: docx.facts.title, badge: 'Word' },
      { title: epub.facts.title, badge: 'EPUB' },
      { title: newsPageFacts.title, badge: 'Web page' },
      { title: 'Field notes', badge: 'Text' },
    ];
    for (const { title, badge } of expected) await expect(entry(page, title)).toContainText(badge);

    // The same file again adds nothing.
    await addSources(page, [files[4]!]);
    await expect(importRegion(page).getByRole('listitem').filter({ hasText: 'Field notes.txt' }).last()).toContainText('Already in your library (as “Field notes”)');

    await server.stop();
    server = await startServer(dataDir);
    await page.goto(server.url);
    for (const { title, badge } of expected) await expect(entry(page, title)).toContainText(badge);
    await expect(library(page).getByRole('link').filter({ hasText: /truncated|noise/ })).toHaveCount(0);

    // The library filters and sorts.
    await library(page).getByRole('searchbox', { name: 'Filter the library' }).fill('harbour dues');
    await expect(library(page).getByRole('link')).toHaveCount(2);
    await library(page).getByRole('combobox', { name: 'Sort the library' }).selectOption('Title');
    await expect(library(page).getByRole('link').first()).toContainText(docx.facts.title);
    await expect(library(page).getByRole('link').last()).toContainText(newsPageFacts.title);
  } finally {
    await server.stop();
  }
});

test('a passage on a known page of a PDF is cited with that page, and running heads and page numbers are not in its text', async ({ page, appUrl }) => {
  const pdf = await makeMultiPagePdf();
  const onPage = pdf.sentences.find((s) => s.label === '2') ?? pdf.sentences.at(-1)!;
  await page.goto(appUrl);
  await addSources(page, [{ name: 'working-paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf.bytes) }]);
  await expect(importRegion(page).getByRole('listitem')).toContainText('Imported', { timeout: 30_000 });
  await entry(page, pdf.title).click();
  const reader = page.getByRole('article', { name: pdf.title });
  await expect(reader).toHaveAttribute('aria-busy', 'false');
  await expect(reader).toContainText(onPage.text);
  await expect(reader).not.toContainText(pdf.runningHead);
  await expect(reader).toContainText(pdf.joinedWord);

  await dragSelect(page, onPage.text.slice(0, 20), onPage.text.slice(-12));
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight' }).click();
  const card = annotations(page).getByRole('article', { name: new RegExp(`^Highlight “${onPage.text.slice(0, 12)}`) });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`p. ${onPage.label}`);

  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await leftPane(page).getByRole('button', { name: 'Annotations' }).click();
  await memos(page).getByRole('button', { name: 'New memo', exact: true }).click();
  await memos(page).getByRole('textbox', { name: 'Memo title' }).fill('Paged citation');
  await memoText(page).click();
  await card.getByRole('button', { name: 'Cite in memo' }).click();
  await expect(memoText(page).locator('.citation')).toHaveCount(1);
  await expect(memos(page).getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await memos(page).getByRole('button', { name: 'Export Markdown' }).click();
  const markdown = readMarkdown(await readFile(await (await downloading).path(), 'utf8'));
  const footnotes = markdown.blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
  // Chicago notes (the default style) give the page without "p." (CMOS 14.21); APA gives "p. 2".
  expect(footnotes[0]).toMatch(new RegExp(`${pdf.title}, ${onPage.label}\\.$`));
  await memos(page).getByRole('combobox', { name: 'Citation style' }).selectOption({ label: 'APA' });
  await expect(memos(page).getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  const apaDownload = page.waitForEvent('download');
  await memos(page).getByRole('button', { name: 'Export Markdown' }).click();
  const apa = readMarkdown(await readFile(await (await apaDownload).path(), 'utf8'));
  expect(apa.blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text)[0]).toMatch(new RegExp(`p\\. ${onPage.label}\\)`));
});

test('a source is removed after saying what depends on it, and Restore brings it back with its highlight', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await addSources(page, [{ name: 'Field notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Field notes\n\nThe harbour master kept two ledgers.\n', 'utf8') }]);
  await expect(importRegion(page).getByRole('listitem')).toContainText('Imported');
  await entry(page, 'Field notes').click();
  const reader = page.getByRole('article', { name: 'Field notes' });
  await expect(reader).toHaveAttribute('aria-busy', 'false');
  await dragSelect(page, 'kept two ledgers');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight' }).click();
  await expect(annotations(page).getByRole('article', { name: /^Highlight “kept two ledgers/ })).toBeVisible();

  await page.getByRole('button', { name: 'Source actions' }).click();
  await page.getByRole('menuitem', { name: 'Remove source…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove “Field notes” from the library?' });
  await expect(confirm).toContainText('1 highlight is kept with it');
  await confirm.getByRole('button', { name: 'Remove source' }).click();
  await expect(entry(page, 'Field notes')).toHaveCount(0);

  await library(page).getByText('Removed sources').click();
  await library(page).getByRole('button', { name: 'Restore Field notes' }).click();
  await entry(page, 'Field notes').click();
  await expect(annotations(page).getByRole('article', { name: /^Highlight “kept two ledgers/ })).toBeVisible();
});
