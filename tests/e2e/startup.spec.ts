import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const repoRoot = resolve(import.meta.dirname, '..', '..');

/** The address the server printed, with its launch token replaced (or removed, for null). */
function withToken(appUrl: string, token: string | null): string {
  const url = new URL(appUrl);
  if (token === null) url.searchParams.delete('token');
  else url.searchParams.set('token', token);
  return url.toString();
}

/** The page shows one explanation of how to open Notebook, and nothing that offers to retry. */
async function expectOneExplanation(page: Page) {
  const explanation = page.getByRole('main', { name: 'Open Notebook from its start command' });
  await expect(explanation).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(explanation).toContainText('npm start');
  await expect(page.getByRole('heading', { name: 'Open Notebook from its start command' })).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Library' })).toHaveCount(0);
}

test('a page opened without its launch token explains once how to open Notebook', async ({ page, appUrl }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api')) calls.push(request.url());
  });
  await page.goto(withToken(appUrl, null));
  await expectOneExplanation(page);
  // Without a token every call would be refused, so none is made.
  expect(calls).toEqual([]);
});

test('a page opened with the token of an earlier run explains once how to open Notebook', async ({ page, appUrl }) => {
  await page.goto(withToken(appUrl, 'token-of-an-earlier-run'));
  await expectOneExplanation(page);
});

test('the page opened from the printed address shows Notebook, not the explanation', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
  await expect(page.getByRole('main', { name: 'Open Notebook from its start command' })).toHaveCount(0);
});

test('the server prints its usage for --help and -h, and exits 0', () => {
  for (const flag of ['--help', '-h']) {
    const run = spawnSync(process.execPath, [join(repoRoot, 'out', 'main', 'server.js'), flag], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run serve -- \[--port N\] \[--data-dir DIR\] \[--no-open\]/);
    for (const listed of ['--port N', '--data-dir DIR', '--no-open', '-h, --help']) expect(run.stdout).toContain(listed);
  }
});
