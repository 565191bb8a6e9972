import { apiCaller } from './api-caller';
import { expect, test } from './fixtures';
import { bundledSource } from './bundled-source';

test('Needs attention lists orphaned highlights across sources with their source, and offers the panel’s actions', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const { source: news, text } = await bundledSource(call, '002_');
  const lines = text.split('\n').filter((line) => line.length > 80);
  const [first, second] = [lines[0]?.slice(0, 60) ?? '', lines[1]?.slice(0, 60) ?? ''];
  for (const quote of [first, second]) await call('highlights.create', { sourceId: news.id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  await call('sources.replace', { sourceId: news.id, text: text.replace(first, 'One new sentence in place of the first.').replace(second, 'Another in place of the second.') });

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Needs attention' }).click();
  const view = page.getByRole('main', { name: 'Needs attention' });
  const items = view.getByRole('list', { name: 'Highlights needing attention' }).getByRole('listitem').filter({ has: page.getByRole('article') });
  await expect(items).toHaveCount(2);
  const orphan = items.filter({ hasText: first });
  await expect(orphan).toContainText(news.title);
  await expect(orphan).toContainText('Orphaned');
  await expect(orphan.getByRole('button', { name: 'Re-place' })).toBeVisible();

  await orphan.getByRole('button', { name: 'Delete' }).click();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(second);

  await items.first().getByRole('button', { name: 'Re-place' }).click();
  await expect(page.getByRole('article', { name: /US officials weigh wider/ })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByRole('region', { name: 'Needs attention (1)' })).toContainText(second);
});
