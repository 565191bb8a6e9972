import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { apiCaller } from './api-caller';
import { expect, test } from './fixtures';
import { bundledSource } from './bundled-source';
import { dragSelect } from './drag-select';

const REPORT = /The New Jihadi Sphere/;
/** A sentence of the report that mentions TTP, the first time it appears. */
const SENTENCE = "The Taliban's relationship with TTP is particularly concerning.";

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const reader = (page: Page) => page.getByRole('article', { name: REPORT });
const annotations = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
/** A highlight's card in the panel; its name holds the start of the quote (long quotes are shortened). */
const card = (page: Page, quote: string) => annotations(page).getByRole('article', { name: `Highlight “${quote.slice(0, 40)}` });
const status = (page: Page) => page.getByRole('contentinfo').getByRole('status');

async function openReport(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await library(page).getByRole('link').filter({ hasText: 'The New Jihadi Sphere Under Taliban' }).click();
  await expect(reader(page)).toHaveAttribute('aria-busy', 'false');
  // The source's highlights load after its text; a selection made before they arrive would be
  // dropped by the re-render that paints them.
  await expect(page.getByRole('complementary', { name: 'Annotations' }).getByText(/^\d[\d,]* highlights?$/)).toBeVisible();
}

/** Every range painted in the page's highlight layers, as text. */
const paintedTexts = (page: Page) =>
  page.evaluate(() => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('notebook-c')) highlight.forEach((range) => texts.push((range as Range).toString()));
    });
    return texts;
  });

async function chooseTags(picker: Locator, page: Page, ...queries: string[]) {
  const combobox = picker.getByRole('combobox', { name: 'Tags' });
  for (const query of queries) {
    await combobox.fill(query);
    await page.keyboard.press('Enter');
  }
}

test('a sentence highlighted and tagged survives a reload, shows in the panel and the tag view, and its deletion undoes and redoes', async ({ page, appUrl }) => {
  await openReport(page, appUrl);
  await dragSelect(page, SENTENCE);
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Highlight' }).click();
  await expect(status(page)).toHaveText('Saved');
  const highlight = card(page, SENTENCE);
  await expect(highlight).toBeVisible();
  await expect.poll(() => paintedTexts(page)).toEqual([SENTENCE]);

  await highlight.getByRole('button', { name: 'Tags' }).click();
  const picker = highlight.getByRole('dialog', { name: 'Tags for the highlight' });
  // The sentence names TTP (and the Taliban): the picker offers those groups first.
  await expect(picker.getByRole('option').first()).toHaveAccessibleName(/mentioned in the passage/);
  await chooseTags(picker, page, 'IS-Khorasan', 'Strategic Engagement');
  await expect(picker.getByRole('option', { name: 'IS-Khorasan', exact: true })).toHaveAttribute('aria-selected', 'true');
  const stance = picker.getByRole('radiogroup', { name: 'Stance on R2 · Strategic Engagement' });
  await expect(stance.getByRole('radio', { name: 'context' })).toBeChecked();
  await stance.getByRole('radio', { name: 'supports' }).check();
  await expect(status(page)).toHaveText('Saved');
  await picker.getByRole('button', { name: 'Done' }).click();
  await expect(highlight.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([/^IS-Khorasan$/, /^R2 · Strategic Engagement\s*supports$/]);

  await page.reload();
  await expect(reader(page)).toHaveAttribute('aria-busy', 'false');
  const reloaded = card(page, SENTENCE);
  await expect(reloaded.getByRole('link', { name: 'IS-Khorasan' })).toBeVisible();
  await expect(reloaded.getByRole('link', { name: /R2 · Strategic Engagement.*supports/ })).toBeVisible();
  await expect.poll(() => paintedTexts(page)).toEqual([SENTENCE]);

  await reloaded.getByRole('link', { name: 'IS-Khorasan' }).click();
  const tagView = page.getByRole('main', { name: 'Tag view' });
  await expect(tagView.getByRole('combobox', { name: 'Tag' })).toHaveValue('group:is-khorasan');
  const inReport = tagView.getByRole('region', { name: /The New Jihadi Sphere/ });
  await expect(inReport.getByRole('heading')).toContainText('1');
  await expect(inReport.getByRole('link', { name: SENTENCE })).toBeVisible();
  // The passage opens in the other pane, beside the tag view, whose annotations show on request.
  await inReport.getByRole('link', { name: SENTENCE }).click();
  const rightPane = page.getByRole('region', { name: /^Right pane/ });
  await expect(rightPane.getByRole('article', { name: REPORT })).toBeFocused();
  await expect(reader(page).getByText(SENTENCE)).toBeInViewport();
  await expect(tagView).toBeVisible();
  await rightPane.getByRole('button', { name: 'Annotations', expanded: false }).click();

  await card(page, SENTENCE).getByRole('button', { name: 'Delete' }).click();
  await expect(card(page, SENTENCE)).toHaveCount(0);
  await expect(status(page)).toHaveText('Saved');
  await page.keyboard.press('Control+z');
  await expect(status(page)).toHaveText('Undone: Delete highlight');
  await expect(card(page, SENTENCE).getByRole('link', { name: 'IS-Khorasan' })).toBeVisible();
  await expect.poll(() => paintedTexts(page)).toEqual([SENTENCE]);
  await page.keyboard.press('Control+Shift+Z');
  await expect(status(page)).toHaveText('Redone: Delete highlight');
  await expect(card(page, SENTENCE)).toHaveCount(0);
  await expect.poll(() => paintedTexts(page)).toEqual([]);
});

test('a passage can be selected and highlighted with the keyboard alone', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const entries = library(page).getByRole('link');
  await entries.first().focus();
  await page.keyboard.press('Enter');
  await expect(reader(page)).toHaveAttribute('aria-busy', 'false');
  for (let i = 0; i < 40 && !(await reader(page).evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(reader(page)).toBeFocused();

  await page.keyboard.press('Shift+ArrowDown');
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  const selected = (await page.evaluate(() => document.getSelection()?.toString() ?? '')).trim();
  expect(selected.length).toBeGreaterThan(10);
  await page.keyboard.press('h');
  await expect(status(page)).toHaveText('Saved');
  await expect(annotations(page).getByRole('article')).toHaveCount(1);
  await expect(annotations(page).locator('blockquote')).toHaveText(selected.replace(/\s+/g, ' '), { useInnerText: true });
  await expect(reader(page)).toBeFocused();
});

test('a highlight can cross from one paragraph into the next, and is painted across both', async ({ page, appUrl }) => {
  await openReport(page, appUrl);
  await dragSelect(page, 'prevent Afghanistan from becoming', 'Province (IS-Khorasan)');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight' }).click();
  const quote = annotations(page).locator('blockquote');
  await expect(quote).toHaveCount(1);
  await expect(quote).toContainText('hostile groups.');
  await expect(quote).toContainText('IS-Khorasan Dynamics:');
  await expect.poll(async () => (await paintedTexts(page)).join('|')).toMatch(/^prevent Afghanistan from becoming .*hostile groups\.IS-Khorasan Dynamics: .*Province \(IS-Khorasan\)$/);

  // Hovering its text in the second paragraph shows its card; a click keeps it, Escape puts it away.
  const word = reader(page).getByText(/^IS-Khorasan Dynamics:$/);
  await word.hover();
  const popover = reader(page).getByRole('dialog', { name: 'Highlight' });
  await expect(popover.getByRole('article', { name: /^Highlight “prevent Afghanistan/ })).toBeVisible();
  await word.click();
  await expect(popover).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
});

test('deleting a tag asks what happens to the highlights carrying it, and Cancel changes nothing', async ({ page, appUrl }) => {
  await openReport(page, appUrl);
  await dragSelect(page, SENTENCE);
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tags for the selected passage' });
  // A tag made from the picker: the name matches none, so the first option creates it in Groups.
  await picker.getByRole('combobox', { name: 'Tags' }).fill('Kabul cell');
  await expect(picker.getByRole('option').first()).toHaveText('Create tag “Kabul cell” in Groups');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('option', { name: 'Kabul cell', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(status(page)).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await expect(picker).toHaveCount(0);
  await expect(reader(page)).toBeFocused();
  await expect(card(page, SENTENCE).getByRole('link', { name: 'Kabul cell', exact: true })).toBeVisible();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Manage tags' }).click();
  const groups = page.getByRole('main', { name: 'Tags' }).getByRole('region', { name: /^Groups/ });
  await groups.getByRole('button', { name: 'Delete Kabul cell', exact: true }).click();
  let dialog = page.getByRole('alertdialog', { name: 'Delete the tag “Kabul cell”?' });
  await expect(dialog).toContainText('1 highlight carries it.');
  await expect(dialog.getByRole('button')).toHaveText(['Remove the tag from them', 'Delete the 1 highlight too', 'Cancel']);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(groups.getByText('Kabul cell', { exact: true })).toBeVisible();

  await groups.getByRole('button', { name: 'Delete Kabul cell', exact: true }).click();
  dialog = page.getByRole('alertdialog', { name: 'Delete the tag “Kabul cell”?' });
  await dialog.getByRole('button', { name: 'Remove the tag from them' }).click();
  await expect(status(page)).toHaveText('Saved');
  await expect(groups.getByText('Kabul cell', { exact: true })).toHaveCount(0);

  await page.goBack();
  await expect(card(page, SENTENCE)).toBeVisible();
  await expect(card(page, SENTENCE).getByRole('list', { name: 'Tags' })).toHaveCount(0);
});

test('merging a tag moves its highlights to the other tag, and one undo restores both', async ({ page, appUrl }) => {
  await openReport(page, appUrl);
  const call = apiCaller(page, appUrl);
  const { source: report, text } = await bundledSource(call, '004_');
  await call('highlights.create', { sourceId: report.id, start: text.indexOf(SENTENCE), end: text.indexOf(SENTENCE) + SENTENCE.length, tags: [{ tagId: 'group:ttp' }] });
  // Made behind the window's back, so the window reads the notebook again.
  await page.reload();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Manage tags' }).click();
  const groups = page.getByRole('main', { name: 'Tags' }).getByRole('region', { name: /^Groups/ });
  await groups.getByRole('button', { name: 'Merge Tehrik-e Taliban Pakistan into another tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge “Tehrik-e Taliban Pakistan” into another tag' });
  await dialog.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Tahreek-e-Jihad Pakistan' });
  await expect(dialog).toContainText('1 highlight carries “Tehrik-e Taliban Pakistan”; it will carry “Tahreek-e-Jihad Pakistan” instead');
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(status(page)).toHaveText('Saved');
  await expect(groups.getByText('Tehrik-e Taliban Pakistan', { exact: true })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(status(page)).toHaveText(/^Undone: /);
  await expect(groups.getByText('Tehrik-e Taliban Pakistan', { exact: true })).toBeVisible();
  await page.goBack();
  await expect(card(page, SENTENCE).getByRole('link', { name: 'Tehrik-e Taliban Pakistan' })).toBeVisible();
});

test('a mention of a group is one keystroke from being highlighted and tagged', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Mentions' }).click();
  const view = page.getByRole('main', { name: 'Mentions' });
  await view.getByRole('navigation', { name: 'Groups' }).getByRole('link', { name: /^IS-Khorasan/ }).click();
  const group = view.getByRole('region', { name: /^IS-Khorasan/ });
  const buttons = group.getByRole('button', { name: 'Highlight and tag “IS-Khorasan”' });
  await expect(buttons.first()).toBeVisible();
  const before = await buttons.count();
  const passage = (await group.locator('.mention-passage').first().textContent()) ?? '';
  await buttons.first().focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Saved');
  // The passage may name the group twice ("Islamic State's Khorasan Province (IS-Khorasan)"): its highlight covers both.
  await expect.poll(() => buttons.count()).toBeLessThan(before);
  await expect(buttons.first()).toBeFocused();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Tag view' }).click();
  await page.getByRole('main', { name: 'Tag view' }).getByRole('combobox', { name: 'Tag' }).selectOption({ label: 'IS-Khorasan (1)' });
  await expect(page.getByRole('main', { name: 'Tag view' }).getByRole('link', { name: passage })).toBeVisible();
});

test('a new version of a source re-anchors its highlights, reports how they fared, and an orphan can be placed again', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const { source: news, text } = await bundledSource(call, '002_');
  const kept = 'Faced with the growing threat of global terrorism';
  const dropped = text.split('\n').find((line) => line.length > 80 && !line.includes(kept))?.slice(0, 60) ?? '';
  for (const quote of [kept, dropped]) await call('highlights.create', { sourceId: news.id, start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });

  await library(page).getByRole('link').filter({ hasText: 'US officials weigh wider' }).click();
  const article = page.getByRole('article', { name: /US officials weigh wider/ });
  await expect(article).toHaveAttribute('aria-busy', 'false');
  await expect(annotations(page).getByRole('article')).toHaveCount(2);

  await article.getByRole('button', { name: 'Source actions' }).click();
  await page.getByRole('menuitem', { name: 'Replace with new version…' }).click();
  const dialog = page.getByRole('dialog', { name: /Replace “.*” with a new version/ });
  await dialog.getByRole('textbox', { name: 'Or paste the new text' }).fill(text.replace(dropped, 'A sentence the new version says instead of the old one.'));
  await dialog.getByRole('button', { name: 'Replace' }).click();
  const counts = dialog.getByRole('status');
  await expect(counts).toContainText('2 highlights were found again');
  await expect(counts.getByRole('definition')).toHaveText(['1', '0', '0', '1']);
  await expect(dialog.getByRole('list', { name: 'Highlights to check' }).getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();

  const attention = annotations(page).getByRole('region', { name: 'Needs attention (1)' });
  await expect(attention).toContainText(dropped);
  await attention.getByRole('button', { name: 'Re-place' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Re-placing' })).toBeVisible();
  await dragSelect(page, 'A sentence the new version says instead of the old one.');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Place here' }).click();
  await expect(status(page)).toHaveText('Saved');
  await expect(annotations(page).getByRole('region', { name: /Needs attention/ })).toHaveCount(0);
  await expect(card(page, 'A sentence the new version says instead')).toBeVisible();
});

test('a change the notebook refuses is reported with Retry and not shown as saved', async ({ page, appUrl }) => {
  let refusals = 1;
  await page.route('**/api', async (route) => {
    const body = route.request().postDataJSON() as { method?: string } | null;
    if (body?.method === 'highlights.create' && refusals > 0) {
      refusals -= 1;
      await route.fulfill({ json: { ok: false, error: { code: 'storage-failed', message: 'The disk is full; nothing was written.' } } });
      return;
    }
    await route.continue();
  });
  await openReport(page, appUrl);
  await dragSelect(page, SENTENCE);
  await page.keyboard.press('h');
  const alert = page.getByRole('contentinfo').getByRole('alert');
  await expect(alert).toContainText('The passage could not be highlighted.');
  await expect(alert).toContainText('The disk is full; nothing was written.');
  await expect(status(page)).not.toHaveText('Saved');
  await expect(annotations(page).getByRole('article')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(status(page)).toHaveText('Saved');
  await expect(alert).toHaveCount(0);
  await expect(card(page, SENTENCE)).toBeVisible();
});

test('a source’s highlights download as W3C Web Annotation JSON-LD and as CSV', async ({ page, appUrl }) => {
  await openReport(page, appUrl);
  const call = apiCaller(page, appUrl);
  const { source: report, text } = await bundledSource(call, '004_');
  await call('highlights.create', { sourceId: report.id, start: text.indexOf(SENTENCE), end: text.indexOf(SENTENCE) + SENTENCE.length });

  const download = async (item: string) => {
    await reader(page).getByRole('button', { name: 'Source actions' }).click();
    const started = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    const file = await started;
    return { name: file.suggestedFilename(), content: await readFile(await file.path(), 'utf8') };
  };
  const w3c = await download('Download highlights as W3C Web Annotation (JSON-LD)');
  expect(w3c.content).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(w3c.content).toContain(JSON.stringify(SENTENCE).slice(1, -1));
  const csv = await download('Download highlights as CSV');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.content).toContain(SENTENCE);
});
