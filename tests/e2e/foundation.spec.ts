import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Each bundled source: words that pick out its library entry, and a sentence no other source has.
 * The two captures of the Foreign Policy article share title and text, so their entries differ by
 * the library's note on each, and their sentences come from their trailers.
 */
const sources = {
  report: { entry: 'The New Jihadi Sphere Under Taliban', sentence: 'Strategic patience, rather than short-term fixes, will be necessary to prevent Afghanistan', inTrailer: false },
  analysis: { entry: 'Duality of the Afghan Taliban', sentence: 'Al-Mirsaad regularly publishes books, notes and slogans aimed at ideologically discrediting IS-Khorasan.', inTrailer: false },
  news: { entry: 'US officials weigh wider counter-terrorism cooperation', sentence: 'Faced with the growing threat of global terrorism, Biden administration officials are discussing expanding cooperation', inTrailer: false },
  firstCapture: { entry: 'one paragraph per line', sentence: 'Afghanistan to limit water flow to Pakistan, announces plans to build dams on Kunar River', inTrailer: true },
  secondCapture: { entry: 'second capture of the same article', sentence: 'Comments are closed.', inTrailer: true },
} as const;
type SourceName = keyof typeof sources;

const TRAILER = 'Trailer: links the aggregator appended to the capture';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const reader = (page: Page, title: string | RegExp) => page.getByRole('article', { name: title });

const entry = (page: Page, name: SourceName) => library(page).getByRole('link').filter({ hasText: sources[name].entry });

/** Opens a source from the library and waits until its text is shown. */
async function openSource(page: Page, name: SourceName) {
  await entry(page, name).click();
  // The entry is marked current in the same render that puts the source's reader in place.
  await expect(entry(page, name)).toHaveAttribute('aria-current', 'page');
  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('aria-busy', 'false');
  return article;
}

const isCall = (method: string) => (request: Request) => request.url().endsWith('/api') && request.method() === 'POST' && (request.postDataJSON() as { method?: string } | null)?.method === method;

test('the library lists the five bundled sources, each with its kind and date', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(library(page).getByRole('link')).toHaveCount(5);
  for (const name of Object.keys(sources) as SourceName[]) await expect(entry(page, name)).toHaveCount(1);
  await expect(entry(page, 'report')).toContainText('Andiana Foundation');
  await expect(entry(page, 'report')).toContainText('report');
  await expect(entry(page, 'report')).toContainText('January 2025');
  await expect(entry(page, 'analysis')).toContainText('11.09.2023');
});

test('the library can be used from the keyboard', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const entries = library(page).getByRole('link');
  await entries.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(entries.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(entries.first()).toBeFocused();
  // Tab moves on through the entries too (past any controls an entry has of its own).
  for (let i = 0; i < 3 && !(await entries.nth(1).evaluate((entry) => entry === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entries.nth(1)).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('article')).toHaveAttribute('aria-busy', 'false');
});

test('each source opens in the reader and shows a sentence only it has', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  for (const [name, source] of Object.entries(sources) as [SourceName, (typeof sources)[SourceName]][]) {
    const article = await openSource(page, name);
    if (source.inTrailer) {
      const trailer = article.getByRole('region', { name: TRAILER });
      await expect(trailer.getByText(source.sentence)).toBeHidden();
      await trailer.getByRole('button', { name: TRAILER }).click();
    }
    await expect(article.getByText(source.sentence)).toBeVisible();
    for (const other of Object.values(sources)) {
      if (other.sentence !== source.sentence) await expect(article.getByText(other.sentence)).toHaveCount(0);
    }
  }
});

test('a footnote marker in the report jumps to its note, and the note leads back', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const article = await openSource(page, 'report');
  const marker = article.getByRole('link', { name: 'Note 1', exact: true });
  await marker.click();
  const note = article.getByRole('note', { name: 'Note 1', exact: true });
  await expect(note).toBeFocused();
  await expect(note).toBeInViewport();
  await expect(marker).not.toBeInViewport();

  await note.getByRole('link', { name: 'Back to where note 1 is cited' }).click();
  await expect(marker).toBeFocused();
  await expect(marker).toBeInViewport();
});

test('the report’s table of contents moves the reader to the heading', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const article = await openSource(page, 'report');
  await article.getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Conclusion' }).click();
  const heading = article.getByRole('heading', { name: 'Conclusion', exact: true });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
});

test('a reload reopens the source at the same place', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const article = await openSource(page, 'report');
  const saved = page.waitForResponse((response) => isCall('reading.set')(response.request()));
  await article.hover();
  for (let i = 0; i < 10; i += 1) await page.mouse.wheel(0, 2500);
  const position = ((await (await saved).json()) as { ok: boolean; value: { offset: number } }).value;
  expect(position.offset).toBeGreaterThan(20_000);

  // The block the position names is the first one in view; it must be again after the reload.
  const block = page.locator(`[data-block-start="${position.offset}"]`);
  await expect(block).toBeInViewport();
  const text = await block.textContent();
  await page.reload();
  await expect(reader(page, /The New Jihadi Sphere/)).toHaveAttribute('aria-busy', 'false');
  await expect(block).toBeInViewport();
  await expect(block).toHaveText(text ?? '');
  await expect(entry(page, 'report')).toHaveAttribute('aria-current', 'page');
});

test('a position not yet saved when the page is left is saved on the way out', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const article = await openSource(page, 'report');
  const heading = article.getByRole('heading', { name: 'Conclusion', exact: true });
  await heading.evaluate((element) => {
    const scroller = element.closest('.reader-scroller') as HTMLElement;
    scroller.scrollTop += element.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 24;
  });
  // The scroll is seen (scroll events come before the next frame), then the page is reloaded well
  // within the 300 ms the position waits for scrolling to settle.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  await page.reload();
  await expect(reader(page, /The New Jihadi Sphere/)).toHaveAttribute('aria-busy', 'false');
  await expect(heading).toBeInViewport();
});

test('a source that fails to load says why and can be retried', async ({ page, appUrl }) => {
  let failures = 1;
  await page.route('**/api', async (route) => {
    if (isCall('sources.get')(route.request()) && failures > 0) {
      failures -= 1;
      await route.fulfill({ json: { ok: false, error: { code: 'source-unavailable', message: 'The file of this source differs from the one shipped.' } } });
      return;
    }
    await route.continue();
  });
  await page.goto(appUrl);
  await entry(page, 'report').click();
  const alert = page.getByRole('article').getByRole('alert');
  await expect(alert).toContainText('could not be opened');
  await expect(alert).toContainText('The file of this source differs from the one shipped.');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('article').getByText(sources.report.sentence)).toBeVisible();
});

const withDamagedStore = test.extend({
  dataDir: async ({ dataDir }, use) => {
    await writeFile(join(dataDir, 'notebook.json'), '{"schemaVersion": 1, "readingPos');
    await use(dataDir);
  },
});

withDamagedStore('a store file moved aside on start is reported until dismissed', async ({ page, appUrl, dataDir }) => {
  await page.goto(appUrl);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('notebook.json');
  await expect(alert).toContainText(join(dataDir, 'quarantine'));
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(library(page).getByRole('link')).toHaveCount(5);
});
