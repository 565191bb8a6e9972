import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiCaller } from '../e2e/api-caller';
import { expect, test } from '../e2e/fixtures';

const README_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

/** Passages of the report's findings an analyst would mark: [quote, tags (by name), comment]. */
const HIGHLIGHTS: readonly (readonly [string, readonly (readonly [string, string?])[], string])[] = [
  ['Al Qaeda has increased its operations, utilizing Afghanistan as a base for training and recruitment.', [['Al Qaeda'], ['R1', 'supports']], ''],
  ["The Taliban's relationship with TTP is particularly concerning.", [['Tehrik-e Taliban Pakistan'], ['R2', 'supports']], 'Ties are a liability, not leverage: cite in the brief.'],
  ["The Taliban's inability or unwillingness to effectively address TTP's activities in Afghanistan raises concerns", [['Tehrik-e Taliban Pakistan']], ''],
  ['raises concerns about cross-border terrorism and the stability of the region.', [['R3', 'context']], ''],
  ["The Islamic State's Khorasan Province (IS-Khorasan) remains a significant threat", [['IS-Khorasan']], ''],
];

/** Highlights a few findings of the report and opens it there, with its annotations beside it. */
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
  await article.getByRole('heading', { name: 'Our findings provide insights into:' }).evaluate((heading) => {
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
