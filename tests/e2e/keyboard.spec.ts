import type { Locator, Page } from '@playwright/test';
import { dragSelect } from './drag-select';
import { apiCaller } from './api-caller';
import { bundledSource } from './bundled-source';
import { expect, test } from './fixtures';

const REPORT = { entry: 'The New Jihadi Sphere Under Taliban', title: /The New Jihadi Sphere/ };
const NEWS = { entry: 'US officials weigh wider counter-terrorism cooperation', title: /US officials weigh/ };

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const leftPane = (page: Page) => page.getByRole('region', { name: /^(Left pane|Reading pane)/ });
const rightPane = (page: Page) => page.getByRole('region', { name: /^Right pane/ });
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });

async function openSource(page: Page, source: { entry: string; title: RegExp }): Promise<Locator> {
  await library(page).getByRole('link').filter({ hasText: source.entry }).click();
  const article = leftPane(page).getByRole('article', { name: source.title });
  await expect(article).toHaveAttribute('aria-busy', 'false');
  return article;
}

/** The report in the left pane, a news article beside it, and the report scrolled well into its text. */
async function readingSideBySide(page: Page, appUrl: string): Promise<{ article: Locator; scrollTop: () => Promise<number> }> {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await library(page).getByRole('link').filter({ hasText: NEWS.entry }).focus();
  await page.keyboard.press('Shift+Enter');
  await expect(rightPane(page).getByRole('article', { name: NEWS.title })).toHaveAttribute('aria-busy', 'false');
  const article = leftPane(page).getByRole('article', { name: REPORT.title });
  const scroller = article.locator('xpath=..');
  await scroller.evaluate((element) => element.scrollTo({ top: 2000 }));
  const scrollTop = () => scroller.evaluate((element) => element.scrollTop);
  await expect.poll(scrollTop).toBe(2000);
  return { article, scrollTop };
}

const isFocusedIn = (locator: Locator) => locator.evaluate((element) => element.contains(document.activeElement));

test('the command palette opens with Ctrl+K and runs "New memo"', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(library(page).getByRole('link')).toHaveCount(5);
  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette(page)).toBeVisible();
  const field = palette(page).getByRole('combobox', { name: 'Command' });
  await expect(field).toBeFocused();
  await field.fill('new memo');
  await expect(palette(page).getByRole('option').first()).toHaveText('New memo');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toHaveCount(0);

  const memos = rightPane(page).getByRole('region', { name: 'Memos' });
  await expect(memos.getByRole('textbox', { name: 'Memo title' })).toBeVisible();
  await memos.getByRole('button', { name: '← All memos' }).click();
  await expect(memos.getByRole('listitem')).toHaveCount(1);

  // Escape closes the palette without running anything, and gives the keyboard back.
  await memos.getByRole('button', { name: 'New memo', exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+k');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toHaveCount(0);
  await expect(memos.getByRole('button', { name: 'New memo', exact: true })).toBeFocused();
});

test('Tab from the reader reaches the other pane in at most 10 presses, without moving the reading position', async ({ page, appUrl }) => {
  const { article, scrollTop } = await readingSideBySide(page, appUrl);
  await article.focus();
  await expect(article).toBeFocused();
  let presses = 0;
  while (presses < 10 && !(await isFocusedIn(rightPane(page)))) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  expect(await isFocusedIn(rightPane(page))).toBe(true);
  expect(presses).toBeLessThanOrEqual(10);
  expect(await scrollTop()).toBe(2000);

  // Back with Shift+Tab: to the reader's text, still where it was.
  while (presses > 0 && !(await article.evaluate((element) => element === document.activeElement))) {
    await page.keyboard.press('Shift+Tab');
    presses -= 1;
  }
  await expect(article).toBeFocused();
  expect(await scrollTop()).toBe(2000);
});

test('the arrow keys move through the links on screen, and Escape returns to the text without scrolling it', async ({ page, appUrl }) => {
  const { article, scrollTop } = await readingSideBySide(page, appUrl);
  await article.focus();
  await page.keyboard.press('ArrowRight');
  const first = await page.evaluate(() => document.activeElement?.textContent ?? '');
  await expect(article.locator('a:focus, button:focus')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).not.toBe(first);
  await page.keyboard.press('ArrowLeft');
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(first);
  await page.keyboard.press('Escape');
  await expect(article).toBeFocused();
  expect(await scrollTop()).toBe(2000);
});

test('F6 and Shift+F6 go round the regions from anywhere, even with nothing focused', async ({ page, appUrl }) => {
  const { article, scrollTop } = await readingSideBySide(page, appUrl);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('F6');
  // The right pane was opened last, so it is the pane in use.
  await expect(rightPane(page).getByRole('article')).toBeFocused();
  await page.keyboard.press('F6');
  expect(await isFocusedIn(page.locator('[data-region="sidebar"]'))).toBe(true);
  await page.keyboard.press('F6');
  await expect(article).toBeFocused();
  await page.keyboard.press('Shift+F6');
  expect(await isFocusedIn(page.locator('[data-region="sidebar"]'))).toBe(true);
  await page.keyboard.press('Shift+F6');
  await expect(rightPane(page).getByRole('article')).toBeFocused();
  expect(await scrollTop()).toBe(2000);

  // Closing the right pane leaves the keyboard in the left one, not on the page.
  await rightPane(page).getByRole('button', { name: 'Close the right pane' }).click();
  await expect(rightPane(page)).toHaveCount(0);
  await expect.poll(() => isFocusedIn(leftPane(page))).toBe(true);
});

test('Help lists every key from the same commands as the palette', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(library(page).getByRole('link')).toHaveCount(5);
  await page.keyboard.press('F1');
  const help = page.getByRole('main', { name: 'Help' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Go to the next region/ })).toContainText('F6');
  await expect(help.getByRole('row', { name: /Show all commands/ })).toContainText(/(Ctrl|Cmd)\+K/);
  await expect(help.getByRole('row', { name: /Undo the last change/ })).toContainText(/(Ctrl|Cmd)\+Z/);
  await expect(help.getByRole('listitem').filter({ hasText: 'New memo' })).toHaveCount(1);

  // The views named there are the ones the palette opens.
  await page.keyboard.press('ControlOrMeta+k');
  await palette(page).getByRole('combobox', { name: 'Command' }).fill('evidence matrix');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Evidence matrix' })).toHaveAttribute('aria-current', 'page');
});

test('the tag view opens on the tags that carry passages, one Tab stop with arrows inside', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await dragSelect(page, 'Over two dozen terrorist groups', 'de facto rule.');
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tags for the selected passage' });
  await picker.getByRole('combobox', { name: 'Tags' }).fill('Al Qaeda');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('option', { name: /Al Qaeda/ }).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Tag view' }).click();
  const view = page.getByRole('main', { name: 'Tag view' });
  const tags = view.getByRole('region', { name: 'Tags with passages' });
  await expect(tags.getByRole('link')).toHaveCount(1);
  await expect(tags.getByRole('link').first()).toContainText('1 passage');
  await tags.getByRole('link').first().click();
  await expect(view.getByRole('region', { name: /^About / })).toBeVisible();
});

test('deleting a highlight leaves the keyboard on the next one, not on the page', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  // The highlights are arranged through the API: this test is about where the keyboard goes.
  const call = apiCaller(page, appUrl);
  const report = await bundledSource(call, '004_');
  for (const quote of ['Over two dozen terrorist groups', 'prevent Afghanistan from becoming']) {
    const start = report.text.indexOf(quote);
    await call('highlights.create', { sourceId: report.source.id, start, end: start + quote.length });
  }
  await openSource(page, REPORT);
  const annotations = page.getByRole('complementary', { name: 'Annotations' });
  await expect(annotations.getByRole('article')).toHaveCount(2);
  const first = annotations.getByRole('article').first();
  await first.getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  await expect(annotations.getByRole('article')).toHaveCount(1);
  await expect.poll(() => isFocusedIn(annotations)).toBe(true);
});
