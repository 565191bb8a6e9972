import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const group = (page: Page) => page.getByRole('region', { name: /^IS-Khorasan \d+ passages$/ });
const inText = (page: Page) => group(page).getByRole('list', { name: 'In the text' });
/** The words that name the group in a mention's passage (one passage may hold two mentions). */
const named = (page: Page) => inText(page).getByRole('listitem').first().locator('strong');
const passages = async (page: Page): Promise<number> => Number(/(\d+) passages/.exec((await group(page).getByRole('heading').textContent()) ?? '')?.[1]);

test('mentions of a group start with the prose, set headings and contents apart, and can be dismissed, undone and kept to one source', async ({ page, appUrl }) => {
  await page.goto(`${appUrl}#view=mentions&tag=group:is-khorasan`);
  await expect(group(page)).toBeVisible();

  // The report's first mention is a contents line: it is set apart, the list starts in running text.
  const first = inText(page).getByRole('listitem').first();
  await expect(first).toContainText('The New Jihadi Sphere');
  await expect(named(page)).toHaveText("Islamic State's Khorasan Province");
  await expect(first).not.toContainText('Contents line');
  const apart = group(page).getByRole('group');
  await apart.getByText(/more in headings, contents lines and references/).click();
  await expect(apart.getByRole('listitem').filter({ hasText: 'Contents line' }).first()).toContainText('IS-Khorasan and the Taliban');

  // Dismissing the first one takes it off the list; Undo brings it back.
  const total = await passages(page);
  await first.getByRole('button', { name: 'Dismiss' }).click();
  await expect(group(page).getByRole('heading')).toContainText(`${total - 1} passages`);
  await expect(named(page)).toHaveText('IS-Khorasan');
  await expect(inText(page).getByRole('listitem').first().getByRole('button', { name: /^Highlight and tag/ })).toBeFocused();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(group(page).getByRole('heading')).toContainText(`${total} passages`);
  await expect(named(page)).toHaveText("Islamic State's Khorasan Province");

  // The source filter keeps to one source.
  const source = group(page).getByRole('combobox', { name: 'Source' });
  const option = source.getByRole('option').filter({ hasText: /^Duality of the Afghan Taliban/ });
  await source.selectOption({ label: (await option.textContent()) ?? '' });
  const kept = await passages(page);
  expect(kept).toBeLessThan(total);
  await expect(inText(page).getByRole('listitem')).toHaveCount(kept);
  for (const item of await inText(page).getByRole('listitem').all()) await expect(item).toContainText('Duality of the Afghan Taliban');
});
