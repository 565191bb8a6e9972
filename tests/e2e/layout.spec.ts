import type { Locator, Page } from '@playwright/test';
import { apiCaller } from './api-caller';
import { expect, test } from './fixtures';

const REPORT = 'The New Jihadi Sphere Under Taliban';
/** The news capture's title is in brackets, as the aggregator gave it. */
const NEWS_SIDE = /^Open to the side: “\[US officials weigh wider counter-terrorism cooperation.*”$/;

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });

/** Opens a source from the library in the left pane and waits until its text is shown. */
async function openSource(page: Page, entry: string): Promise<Locator> {
  await library(page).getByRole('link').filter({ hasText: entry }).click();
  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('aria-busy', 'false');
  return article;
}

/** The width of the reader's column of text: the article's box less its padding. */
const textColumn = (article: Locator) =>
  article.evaluate((element) => {
    const style = getComputedStyle(element);
    return element.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  });

test('the sidebar hides to a rail and comes back, and keeps its state and width after a reload', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const resizer = page.getByRole('separator', { name: 'Resize the sidebar' });
  const width = Number(await resizer.getAttribute('aria-valuenow'));
  expect(width).toBeGreaterThan(150);
  await resizer.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(resizer).toHaveAttribute('aria-valuenow', String(width + 32));
  await expect.poll(() => library(page).evaluate((nav) => nav.closest('.sidebar')?.getBoundingClientRect().width)).toBe(width + 32);

  const hide = page.getByRole('button', { name: 'Hide sidebar' });
  await expect(hide).toHaveAttribute('aria-expanded', 'true');
  await hide.click();
  await expect(library(page)).toBeHidden();
  const show = page.getByRole('button', { name: 'Show sidebar' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  // The keyboard stays on the button that took the place of the one pressed, not on the page's body.
  await expect(show).toBeFocused();

  await page.reload();
  await expect(show).toBeVisible();
  await expect(library(page)).toBeHidden();
  await show.click();
  await expect(library(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide sidebar' })).toBeFocused();
  await expect(resizer).toHaveAttribute('aria-valuenow', String(width + 32));
});

test('reading settings change the reader at once and are remembered; the theme is chosen or left to the system', async ({ page, appUrl }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(appUrl);
  const article = await openSource(page, REPORT);
  const style = () => article.evaluate((element) => ({ size: getComputedStyle(element).fontSize, family: getComputedStyle(element).fontFamily, measure: getComputedStyle(element).maxWidth }));
  const before = await style();
  expect(before.size).toBe('18px');
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'light');

  const button = page.getByRole('button', { name: 'Reading settings' });
  await button.click();
  const panel = page.getByRole('dialog', { name: 'Reading settings' });
  await expect(panel.getByRole('radio', { name: 'System' })).toBeChecked();
  await panel.getByRole('button', { name: 'Larger text' }).click();
  await panel.getByRole('radio', { name: 'Wide' }).check();
  await panel.getByRole('radio', { name: 'Sans-serif' }).check();
  await panel.getByRole('radio', { name: 'Dark' }).check();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => style()).toMatchObject({ size: '20px' });
  const after = await style();
  expect(after.family).not.toBe(before.family);
  expect(parseFloat(after.measure)).toBeGreaterThan(parseFloat(before.measure));
  const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await paper()).toBe('rgb(22, 24, 27)');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();

  await page.reload();
  await expect(page.getByRole('article')).toHaveAttribute('aria-busy', 'false');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  expect(await style()).toEqual(after);

  // Left to the system, the theme follows it as it changes.
  await button.click();
  await panel.getByRole('radio', { name: 'System' }).check();
  await expect(root).toHaveAttribute('data-theme', 'light');
  expect(await paper()).toBe('rgb(251, 250, 247)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(root).toHaveAttribute('data-theme', 'dark');
});

test('the outline lists the source’s headings and takes the reader to the one chosen', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const article = await openSource(page, REPORT);
  await article.getByRole('button', { name: 'Outline' }).click();
  const outline = page.getByRole('dialog', { name: 'Outline' });
  const entries = outline.getByRole('link');
  expect(await entries.count()).toBeGreaterThan(5);
  // It opens on the heading being read: the first, at the top of the source.
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press('End');
  const last = entries.last();
  await expect(last).toBeFocused();
  const title = (await last.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(outline).toBeHidden();
  const heading = article.getByRole('heading', { name: title, exact: true }).last();
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  expect(await article.evaluate((element) => element.parentElement?.scrollTop ?? 0)).toBeGreaterThan(1000);
});

test('with two panes, the annotations leave each reader a readable column: beside it on a wide window, over it on a narrow one', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await library(page).getByRole('button', { name: NEWS_SIDE }).click();
  const left = page.getByRole('region', { name: /^Left pane/ });
  const right = page.getByRole('region', { name: /^Right pane/ });
  await expect(page.getByRole('article')).toHaveCount(2);
  await left.getByRole('button', { name: 'Annotations' }).click();
  const annotations = left.getByRole('complementary', { name: 'Annotations' });
  await expect(annotations).toBeVisible();
  const placement = () => annotations.evaluate((panel) => getComputedStyle(panel).position);
  // Before, the annotations squeezed the left reader to about 250 px (30 characters a line); now
  // the other pane gives way, and both readers keep 45 characters and more.
  await expect.poll(placement).toBe('static');
  expect(await textColumn(left.getByRole('article'))).toBeGreaterThanOrEqual(400);
  expect(await textColumn(right.getByRole('article'))).toBeGreaterThanOrEqual(350);

  // Where the other pane cannot give way, the annotations open over the reader, which keeps its measure.
  await page.setViewportSize({ width: 1100, height: 900 });
  await expect.poll(placement).toBe('absolute');
  expect(await textColumn(left.getByRole('article'))).toBeGreaterThanOrEqual(300);
  await left.getByRole('button', { name: 'Annotations' }).click();
  await expect(annotations).toBeHidden();

  await page.setViewportSize({ width: 1920, height: 900 });
  await left.getByRole('button', { name: 'Annotations' }).click();
  await expect.poll(placement).toBe('static');
  expect(await textColumn(left.getByRole('article'))).toBeGreaterThanOrEqual(440);
});

test('the tag view opens on the tags that carry passages, to pick from', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const sources = (await call('sources.list', {})) as { id: string; title: string }[];
  const report = sources.find((source) => source.title.startsWith(REPORT));
  if (!report) throw new Error('The report is not in the library.');
  const { text } = (await call('sources.get', { sourceId: report.id })) as { text: string };
  const start = text.indexOf('Strategic patience');
  await call('highlights.create', { sourceId: report.id, start, end: start + 'Strategic patience'.length, tags: [{ tagId: 'group:ttp' }] });
  // Made behind the window's back, so the window reads the tags afresh.
  await page.reload();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Tag view' }).click();
  const view = page.getByRole('main', { name: 'Tag view' });
  const pick = view.getByRole('link', { name: /1 passage/ });
  await expect(pick).toHaveCount(1);
  await pick.click();
  await expect(view.getByRole('link', { name: 'Strategic patience' })).toBeVisible();
});
