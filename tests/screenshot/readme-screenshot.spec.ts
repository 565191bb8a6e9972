import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

const README_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

/** Opens the report with the start of its Analysis section at the top: two heading levels, paragraphs, note markers. */
async function openReportAtAnalysis(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link').filter({ hasText: 'The New Jihadi Sphere' }).click();
  const article = page.getByRole('article', { name: /The New Jihadi Sphere/ });
  await expect(article).toHaveAttribute('aria-busy', 'false');
  // Scrolled rather than reached through the table of contents, which would show the heading focused.
  await article.getByRole('heading', { name: 'Analysis', exact: true }).evaluate((heading) => {
    const scroller = heading.closest('.reader-scroller') as HTMLElement;
    scroller.scrollTop += heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 40;
  });
  await page.evaluate(() => document.fonts.ready);
}

test('the README screenshot: the report in the reader, light theme at 1280×800', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openReportAtAnalysis(page, appUrl);
  await page.screenshot({ path: README_SCREENSHOT });
});

test('the same place at 1024 wide and in the dark theme, for review', async ({ page, appUrl }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openReportAtAnalysis(page, appUrl);
  await page.screenshot({ path: testInfo.outputPath('report-1024-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('report-1280-dark.png') });
});
