import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiCaller } from '../e2e/api-caller';
import { expect, test } from '../e2e/fixtures';

const README_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

/** Passages of the report's findings an analyst would mark: [quote, tags (by name), comment]. */
const HIGHLIGHTS: readonly (readonly [string, readonly (readonly [string, string?])[], string])[] = [
  ["Such fears are amplified by the Taliban's close ties with groups like Al Qaeda, Tehrik-e Taliban Pakistan (TTP), and Jamaat Ansarullah, among others.", [['Al Qaeda'], ['Tehrik-e Taliban Pakistan'], ['Jamaat Ansarullah']], ''],
  ['Over two dozen terrorist groups currently operate freely in Afghanistan', [['R1', 'supports']], 'Count differs from the UN figure: check the monitoring report.'],
  ['Pakistan saw a 51% increase in terrorist attacks on its soil.', [['Tehrik-e Taliban Pakistan'], ['R2', 'context']], ''],
  ['Reports indicate that Al Qaeda has set up nine new terrorist camps in Afghanistan in 2024.', [['Al Qaeda']], ''],
  ['Al Qaeda now operates training camps in at least 10 of the 34 provinces of Afghanistan.', [['Al Qaeda'], ['R1', 'supports']], ''],
]

/** Highlights a few passages of the report's introduction (footnote markers and all) and opens it there, with its annotations beside it. */
async function openAnnotatedReport(page: Page, appUrl: string) {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const sources = (await call('sources.list', {})) as { id: string; file: string }[];
  const report = sources.find((s) => s.file.startsWith('004_'));
  const { text } = (await call('sources.get', { sourceId: report?.id })) as { text: string };
  const { tags } = (await call('tags.list', {})) as { tags: { id: string; name: string }[] };
  const tagId = (name: string) => tags.find((t) => t.name === name || t.name.startsWith(`${name} `))?.id;
  for (const [quote, tagged, comment] of HIGHLIGHTS) {
    const start = text.indexOf(quote);
    const chosen = tagged.map(([name, stance]) => (stance ? { tagId: tagId(name), stance } : { tagId: tagId(name) }));
    await call('highlights.create', { sourceId: report?.id, start, end: start + quote.length, tags: chosen, ...(comment ? { comment } : {}) });
  }
  await page.reload();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link').filter({ hasText: 'The New Jihadi Sphere' }).click();
  const article = page.getByRole('article', { name: /The New Jihadi Sphere/ });
  await expect(article).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('article')).toHaveCount(HIGHLIGHTS.length);
  // Scrolled rather than reached through the table of contents, which would show the heading focused.
  await article.getByRole('heading', { name: 'Introduction', exact: true }).evaluate((heading) => {
    const scroller = heading.closest('.reader-scroller') as HTMLElement;
    scroller.scrollTop += heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top - 24;
  });
  await page.evaluate(() => document.fonts.ready);
}

test('the README screenshot: the report with highlights and its annotations, light theme at 1280×800', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAnnotatedReport(page, appUrl);
  await page.screenshot({ path: README_SCREENSHOT });
});

test('the same place at 1024 wide and in the dark theme, for review', async ({ page, appUrl }, testInfo) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openAnnotatedReport(page, appUrl);
  await page.screenshot({ path: testInfo.outputPath('report-1024-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('report-1280-dark.png') });
});
