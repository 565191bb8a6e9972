import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startServer, test } from './fixtures';

const TAG = 'Backup Brigade';

/** Calls the API of a running server from the test itself, as the page would. */
async function call(url: string, method: string, input: unknown): Promise<unknown> {
  const address = new URL(url);
  const response = await fetch(new URL('/api', address), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Notebook-Token': address.searchParams.get('token') ?? '' },
    body: JSON.stringify({ method, input }),
  });
  const result = (await response.json()) as { ok: boolean; value: unknown };
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result)}`);
  return result.value;
}

/**
 * A notebook with a tag of the person's own, backed up at a start, whose tags.json was then
 * damaged: the next start moves it aside and offers that backup.
 */
const withDamagedTags = test.extend({
  dataDir: async ({ dataDir }, use) => {
    const first = await startServer(dataDir);
    try {
      await call(first.url, 'tags.create', { familyId: 'family:groups', name: TAG });
    } finally {
      await first.stop();
    }
    // This start backs up the notebook holding the tag.
    await (await startServer(dataDir)).stop();
    await writeFile(join(dataDir, 'tags.json'), '{"schemaVersion":1,"families":[');
    await use(dataDir);
  },
});

/** The tag, as the search's tag filter offers it once the notebook's tags are loaded. */
const tagOption = (page: Page) => page.getByRole('search').getByRole('option', { name: TAG, exact: true });

withDamagedTags('the notice about a damaged file restores the backup holding it, after a confirmation', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const alert = page.getByRole('alert').filter({ hasText: 'tags.json' });
  await expect(page.getByRole('search').getByRole('option', { name: 'Taliban' }).first()).toBeAttached();
  await expect(tagOption(page)).toHaveCount(0);

  await alert.getByRole('button', { name: /^Restore backup from / }).click();
  const confirm = page.getByRole('alertdialog', { name: /^Restore the backup from / });
  await expect(confirm).toContainText('A safety backup of the notebook as it is now is taken first');
  await confirm.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(tagOption(page).first()).toBeAttached();
});

withDamagedTags('the Backups dialog lists the backups and restores one, keeping the notebook as it was as a backup', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  const entries = dialog.getByRole('list', { name: 'Backups, newest first' }).getByRole('listitem');
  // Only the start after the tag was made: this one found nothing to back up once tags.json was moved aside.
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(/1 file, [\d.]+ KB, taken at start/);

  await entries.first().getByRole('button', { name: /^Restore the backup from / }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('A safety backup of the notebook as it is now is taken first');
  await confirm.getByRole('button', { name: 'Restore' }).click();

  await expect(page.getByRole('dialog', { name: 'Backups' })).toHaveCount(0);
  await expect(tagOption(page).first()).toBeAttached();
  await page.getByRole('button', { name: 'Backups…' }).click();
  await expect(page.getByRole('dialog', { name: 'Backups' }).getByRole('listitem').first()).toContainText('the notebook just before a restore');
});
