import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { readMarkdown, refMarker } from '../unit/support/read-markdown';
import { dragSelect } from './drag-select';
import { expect, test } from './fixtures';

const REPORT = { entry: 'The New Jihadi Sphere Under Taliban', title: /The New Jihadi Sphere/, from: 'Over two dozen terrorist groups', to: 'de facto rule.' };
const NEWS = { entry: 'US officials weigh wider counter-terrorism cooperation', title: /US officials weigh/, from: 'Biden administration officials', to: 'regime in Kabul' };
const REPORT_QUOTE = "Over two dozen terrorist groups currently operate freely in Afghanistan under the Taliban's de facto rule.";
const NEWS_QUOTE = 'Biden administration officials are discussing expanding cooperation with the Taliban regime in Kabul';

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const annotations = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const memos = (page: Page) => page.getByRole('region', { name: 'Memos' });
const leftPane = (page: Page) => page.getByRole('region', { name: /^Left pane/ });
const rightPane = (page: Page) => page.getByRole('region', { name: /^Right pane/ });
const memoText = (page: Page) => memos(page).getByRole('textbox', { name: 'Memo', exact: true });
const saveStatus = (page: Page) => memos(page).getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved)/ });

async function openSource(page: Page, source: { entry: string; title: RegExp }) {
  await library(page).getByRole('link').filter({ hasText: source.entry }).click();
  await expect(page.getByRole('article', { name: source.title })).toHaveAttribute('aria-busy', 'false');
}

/** Selects from `from` to `to` with the mouse and highlights the selection with the selection toolbar. */
async function highlight(page: Page, from: string, to: string) {
  await dragSelect(page, from, to);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight' }).click();
}

test('a memo cites passages of two sources (card action and @) and exports them as Markdown with footnotes', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await highlight(page, REPORT.from, REPORT.to);
  await expect(annotations(page).getByRole('article', { name: /^Highlight “Over two dozen/ })).toBeVisible();
  await openSource(page, NEWS);
  await highlight(page, NEWS.from, NEWS.to);
  const newsCard = annotations(page).getByRole('article', { name: /^Highlight “Biden administration/ });
  await expect(newsCard).toBeVisible();

  // The memos open in the right pane, beside the source; its annotations then show on request.
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await expect(rightPane(page).getByRole('region', { name: 'Memos' })).toBeVisible();
  await leftPane(page).getByRole('button', { name: 'Annotations' }).click();
  await memos(page).getByRole('button', { name: 'New memo', exact: true }).click();
  await memos(page).getByRole('textbox', { name: 'Memo title' }).fill('Taliban: two sources?');
  await memoText(page).click();
  await page.keyboard.type('US officials consider working with the Taliban: ');

  await newsCard.getByRole('button', { name: 'Cite in memo' }).click();
  await expect(memoText(page).locator('.citation')).toHaveCount(1);
  await expect(memoText(page).locator('.citation').first()).toContainText(NEWS_QUOTE);

  // The citation was added where the cursor was, and the cursor is after it.
  await expect(memoText(page)).toBeFocused();
  await page.keyboard.type('while the report counts ');
  await page.keyboard.type('@dozen terrorist');
  const picker = page.getByRole('listbox', { name: 'Highlights to cite' });
  await expect(picker.getByRole('option')).toHaveCount(1);
  await expect(picker.getByRole('option').first()).toContainText('Over two dozen terrorist groups');
  await page.keyboard.press('Enter');
  await expect(picker).toBeHidden();
  await expect(memoText(page).locator('.citation')).toHaveCount(2);
  await expect(saveStatus(page)).toHaveText('Saved');

  // A citation's source mark opens its source at the passage in the other pane, with the memo still beside it.
  await memoText(page).locator('.citation').nth(1).getByRole('button', { name: /^Mehran 2025 · Introduction, ¶ 2$/ }).click();
  await expect(leftPane(page).getByRole('article', { name: REPORT.title })).toHaveAttribute('aria-busy', 'false');
  await expect(memoText(page).locator('.citation')).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await memos(page).getByRole('button', { name: 'Export Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Taliban two sources.md');
  const path = await download.path();
  const markdown = readMarkdown(await readFile(path, 'utf8'));

  expect(markdown.frontMatter).toMatchObject({ title: 'Taliban: two sources?' });
  expect(markdown.references).toEqual(['1', '2']);
  expect(markdown.footnotes).toEqual(['1', '2']);
  const body = markdown.blocks.filter((b) => b.containers.length === 0).map((b) => b.text);
  expect(body[0]).toContain(`“${NEWS_QUOTE}”${refMarker('1')}`);
  expect(body[0]).toContain(`“${REPORT_QUOTE}”${refMarker('2')}`);
  const footnotes = markdown.blocks.filter((b) => b.containers.includes('footnote')).map((b) => b.text);
  // In the memo's citation style, Chicago notes-bibliography unless it chose another.
  expect(footnotes[0]).toBe('“[US Officials Weigh Wider Counter-Terrorism Cooperation with the Taliban against ISIS-K],” para. 4.');
  expect(footnotes[1]).toBe("Mehran, The New Jihadi Sphere Under Taliban's Rule, para. 2, under “Introduction.”");
});

test('a memo drafted from a tag keeps a deleted highlight’s quote, survives a reload, and comes back after Undo of its deletion', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await highlight(page, REPORT.from, REPORT.to);
  const card = annotations(page).getByRole('article', { name: /^Highlight “Over two dozen/ });
  await card.getByRole('button', { name: 'Tags' }).click();
  const tagPicker = card.getByRole('dialog', { name: 'Tags for the highlight' });
  await tagPicker.getByRole('combobox', { name: 'Tags' }).fill('Tehrik-e Taliban Pakistan');
  await page.keyboard.press('Enter');
  await tagPicker.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await memos(page).getByRole('button', { name: 'New memo from tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'New memo from tags' });
  await dialog.getByRole('checkbox', { name: /^Tehrik-e Taliban Pakistan/ }).check();
  await dialog.getByRole('button', { name: 'Draft memo' }).click();
  await expect(memos(page).getByRole('textbox', { name: 'Memo title' })).toHaveValue('Memo from tag: Tehrik-e Taliban Pakistan');
  await expect(memoText(page).getByRole('heading', { level: 2 })).toHaveText('Tehrik-e Taliban Pakistan');
  const citation = memoText(page).locator('.citation');
  await expect(citation).toContainText(REPORT_QUOTE);

  await leftPane(page).getByRole('button', { name: 'Annotations' }).click();
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(citation).toContainText('passage no longer highlighted');
  await expect(citation).toContainText(REPORT_QUOTE);

  await memoText(page).press('Control+End');
  await page.keyboard.type('Conclusion: more sources needed.');
  await expect(saveStatus(page)).toHaveText('Saved');
  // The memo is still open beside the source after a reload; from the list it opens again too.
  await page.reload();
  await expect(memoText(page)).toContainText('Conclusion: more sources needed.');
  await memos(page).getByRole('button', { name: '← All memos' }).click();
  await memos(page).getByRole('button', { name: /^Memo from tag: Tehrik-e Taliban Pakistan/ }).click();
  await expect(memoText(page)).toContainText('Conclusion: more sources needed.');
  await expect(memoText(page).locator('.citation')).toContainText('passage no longer highlighted');

  await memos(page).getByRole('button', { name: 'Delete memo' }).click();
  await expect(memos(page).getByRole('status').filter({ hasText: 'Deleted “Memo from tag: Tehrik-e Taliban Pakistan”.' })).toBeVisible();
  await expect(memos(page).getByRole('list', { name: 'Memos' })).toHaveCount(0);
  await memos(page).getByRole('button', { name: 'Undo' }).click();
  await expect(memoText(page)).toContainText('Conclusion: more sources needed.');
});

test('a memo beside the report opens a cited passage in the other pane, and a reload restores both panes', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await highlight(page, REPORT.from, REPORT.to);
  await expect(annotations(page).getByRole('article', { name: /^Highlight “Over two dozen/ })).toBeVisible();

  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await rightPane(page).getByRole('button', { name: 'New memo', exact: true }).click();
  await memos(page).getByRole('textbox', { name: 'Memo title' }).fill('Groups under the Taliban');
  await leftPane(page).getByRole('button', { name: 'Annotations', expanded: false }).click();
  await leftPane(page).getByRole('article', { name: /^Highlight “Over two dozen/ }).getByRole('button', { name: 'Cite in memo' }).click();
  await expect(rightPane(page).getByRole('textbox', { name: 'Memo', exact: true }).locator('.citation')).toContainText(REPORT_QUOTE);
  await expect(saveStatus(page)).toHaveText('Saved');

  // Another source in the left pane; the citation brings the report back there, at the passage.
  await openSource(page, NEWS);
  await expect(leftPane(page).getByRole('article', { name: NEWS.title })).toBeVisible();
  await rightPane(page).getByRole('button', { name: /^Mehran 2025 · Introduction, ¶ 2$/ }).click();
  const report = leftPane(page).getByRole('article', { name: REPORT.title });
  await expect(report).toHaveAttribute('aria-busy', 'false');
  await expect(report.getByText('Over two dozen terrorist groups').first()).toBeInViewport();
  await expect(rightPane(page).getByRole('textbox', { name: 'Memo title' })).toHaveValue('Groups under the Taliban');

  await page.reload();
  await expect(leftPane(page).getByRole('article', { name: REPORT.title })).toHaveAttribute('aria-busy', 'false');
  await expect(rightPane(page).getByRole('textbox', { name: 'Memo title' })).toHaveValue('Groups under the Taliban');
  await expect(rightPane(page).getByRole('textbox', { name: 'Memo', exact: true }).locator('.citation')).toContainText(REPORT_QUOTE);
});

test('“Cite in memo” with no memo open asks which memo, and the citation lands in the one chosen', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await highlight(page, REPORT.from, REPORT.to);
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await rightPane(page).getByRole('button', { name: 'New memo', exact: true }).click();
  await memos(page).getByRole('textbox', { name: 'Memo title' }).fill('Sanctuaries');
  await expect(saveStatus(page)).toHaveText('Saved');
  await memos(page).getByRole('button', { name: '← All memos' }).click();
  await expect(memos(page).getByRole('list', { name: 'Memos' })).toBeVisible();

  const card = () => leftPane(page).getByRole('article', { name: /^Highlight “Over two dozen/ });
  await leftPane(page).getByRole('button', { name: 'Annotations', expanded: false }).click();
  await card().getByRole('button', { name: 'Cite in memo' }).click();
  let ask = page.getByRole('dialog', { name: 'Cite in which memo?' });
  await expect(ask.getByRole('list', { name: 'Memos to cite in' }).getByRole('button')).toHaveCount(1);
  // Nothing is cited when the person thinks better of it.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(memos(page).getByRole('list', { name: 'Memos' }).getByRole('button', { name: /^Sanctuaries/ })).toContainText('0 citations');

  await card().getByRole('button', { name: 'Cite in memo' }).click();
  ask = page.getByRole('dialog', { name: 'Cite in which memo?' });
  await ask.getByRole('button', { name: /^Sanctuaries/ }).click();
  await expect(rightPane(page).getByRole('textbox', { name: 'Memo title' })).toHaveValue('Sanctuaries');
  await expect(memoText(page).locator('.citation')).toContainText(REPORT_QUOTE);
  await expect(saveStatus(page)).toHaveText('Saved');

  // From the list again, "New memo" in the question makes one holding the citation.
  await memos(page).getByRole('button', { name: '← All memos' }).click();
  await card().getByRole('button', { name: 'Cite in memo' }).click();
  await page.getByRole('dialog', { name: 'Cite in which memo?' }).getByRole('button', { name: 'New memo' }).click();
  await expect(memos(page).getByRole('status').filter({ hasText: 'Cited in a new memo.' })).toBeVisible();
  await expect(memoText(page).locator('.citation')).toContainText(REPORT_QUOTE);
  await expect(memos(page).getByRole('textbox', { name: 'Memo title' })).toHaveValue('');
});

test('“Open to the side” onto an open memo asks first, and Cancel keeps the memo', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openSource(page, REPORT);
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await rightPane(page).getByRole('button', { name: 'New memo', exact: true }).click();
  await memos(page).getByRole('textbox', { name: 'Memo title' }).fill('Working notes');
  await memoText(page).click();
  await page.keyboard.type('Half a thought');

  const openNewsToSide = () => library(page).getByRole('button', { name: /^Open to the side: “\[?US officials weigh.*”$/ }).click();
  await openNewsToSide();
  let ask = page.getByRole('alertdialog', { name: 'Replace “Working notes” in the right pane?' });
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(memoText(page)).toContainText('Half a thought');

  await openNewsToSide();
  ask = page.getByRole('alertdialog', { name: 'Replace “Working notes” in the right pane?' });
  await ask.getByRole('button', { name: 'Replace the memo' }).click();
  await expect(rightPane(page).getByRole('article', { name: NEWS.title })).toHaveAttribute('aria-busy', 'false');
  // The memo was saved as it went, and opens again from Memos.
  await page.getByRole('button', { name: 'Memos', exact: true }).click();
  await memos(page).getByRole('button', { name: /^Working notes/ }).click();
  await expect(memoText(page)).toContainText('Half a thought');
});
