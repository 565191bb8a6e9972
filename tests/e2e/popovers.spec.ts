import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const REPORT = /The New Jihadi Sphere/;
const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const reader = (page: Page) => page.getByRole('article', { name: REPORT });
const pane = (page: Page) => page.getByRole('region', { name: 'Reading pane' });
const status = (page: Page) => page.getByRole('contentinfo').getByRole('status');

async function openReport(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await library(page).getByRole('link').filter({ hasText: 'The New Jihadi Sphere Under Taliban' }).click();
  await expect(reader(page)).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByText(/^\d[\d,]* highlights?$/)).toBeVisible();
}

/**
 * Selects backwards with the mouse, from a paragraph's 61st character to its first, with that
 * paragraph scrolled to `at` (0 top, 1 bottom) of the reader: the selection then ends at the left
 * edge of the text, where the tools for it go.
 */
async function selectBackToLineStart(page: Page, at: number) {
  const points = await page.evaluate((at) => {
    // A long paragraph of the report whose text starts with a run of its own (no note, no link).
    const runs = Array.from(document.querySelectorAll('.source-body p.source-paragraph'), (p) => p.firstChild?.firstChild).filter((n): n is Text => n instanceof Text && n.data.length > 150);
    const node = runs[2];
    if (!node) throw new Error('The report has no three long paragraphs.');
    const charBox = (index: number) => {
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      return range.getBoundingClientRect();
    };
    const scroller = node.parentElement?.closest('.reader-scroller') as Element;
    const view = scroller.getBoundingClientRect();
    scroller.scrollTop += charBox(0).top - (view.top + view.height * at);
    const first = charBox(0);
    const last = charBox(60);
    return { x1: last.right - 1, y1: last.top + last.height / 2, x2: first.left + 1, y2: first.top + first.height / 2 };
  }, at);
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
}

/** The element's box lies wholly inside the container's (to the pixel). */
async function expectInside(element: Locator, container: Locator) {
  const inner = await element.boundingBox();
  const outer = await container.boundingBox();
  if (!inner || !outer) throw new Error('Both must be shown.');
  expect(inner.x).toBeGreaterThanOrEqual(outer.x);
  expect(inner.y).toBeGreaterThanOrEqual(outer.y);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(inner.y + inner.height).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

for (const at of [0.3, 0.92]) {
  test(`the tag picker for a selection ending at the left edge stays inside the reading pane (passage ${at < 0.5 ? 'high' : 'low'} in the pane), and its stance can be clicked`, async ({ page, appUrl }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openReport(page, appUrl);
    await selectBackToLineStart(page, at);
    const toolbar = page.getByRole('toolbar', { name: 'Selection' });
    await expectInside(toolbar, pane(page));
    await toolbar.getByRole('button', { name: 'Tag' }).click();

    const picker = page.getByRole('dialog', { name: 'Tags for the selected passage' });
    await expect(picker.getByRole('combobox', { name: 'Tags' })).toBeFocused();
    await picker.getByRole('combobox', { name: 'Tags' }).fill('Strategic Engagement');
    await page.keyboard.press('Enter');
    const stance = picker.getByRole('radiogroup', { name: 'Stance on R2 · Strategic Engagement' });
    await expect(stance.getByRole('radio', { name: 'context' })).toBeChecked();
    await expectInside(picker, pane(page));

    // A real click, which fails if anything (the sidebar, the status bar) lies over the radio.
    await stance.getByRole('radio', { name: 'supports' }).click();
    await expect(stance.getByRole('radio', { name: 'supports' })).toBeChecked();
    await expect(status(page)).toHaveText('Saved');
    await picker.getByRole('button', { name: 'Done' }).click();
    await expect(picker).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('link', { name: /R2 · Strategic Engagement.*supports/ })).toBeVisible();
  });
}

test('a menu button’s menu opens inside the pane', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openReport(page, appUrl);
  await page.getByRole('button', { name: 'Source actions' }).click();
  const menu = page.getByRole('menu', { name: 'Source actions' });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await expectInside(menu, pane(page));
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Source actions' })).toBeFocused();
});
