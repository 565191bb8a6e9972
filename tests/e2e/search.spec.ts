import type { Locator, Page, Request } from '@playwright/test';
import { apiCaller } from './api-caller';
import { expect, test } from './fixtures';

const REPORT = 'The New Jihadi Sphere Under Taliban';
const NEWS = 'US officials weigh wider counter-terrorism cooperation';

const isCall = (method: string, sourceId?: string) => (request: Request) => {
  if (!request.url().endsWith('/api') || request.method() !== 'POST') return false;
  const body = request.postDataJSON() as { method?: string; input?: { sourceId?: string } } | null;
  return body?.method === method && (sourceId === undefined || body.input?.sourceId === sourceId);
};
const answered = (page: Page, method: string, sourceId?: string) => page.waitForResponse((response) => isCall(method, sourceId)(response.request()));

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search sources' });
const results = (page: Page) => page.getByRole('list', { name: 'Results by source' });
const leftPane = (page: Page) => page.getByRole('region', { name: /^(Left pane|Reading pane)/ });
const rightPane = (page: Page) => page.getByRole('region', { name: /^Right pane/ });

async function openFromLibrary(page: Page, entry: string) {
  await library(page).getByRole('link').filter({ hasText: entry }).click();
  await expect(leftPane(page).getByRole('article')).toHaveAttribute('aria-busy', 'false');
}

/** The start offset of the first block in view in a pane's reader, as the reading position is taken. */
function firstBlockInView(pane: Locator): Promise<number | null> {
  return pane.locator('.reader-scroller').evaluate((scroller) => {
    const line = scroller.getBoundingClientRect().top + 24;
    for (const block of Array.from(scroller.querySelectorAll('[data-block-start]'))) {
      if (block.getClientRects().length > 0 && block.getBoundingClientRect().bottom > line) return Number(block.getAttribute('data-block-start'));
    }
    return null;
  });
}

test('"ISKP" finds IS-Khorasan under its other names in three sources; a hit opens to the side, and both panes keep their place after a reload', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openFromLibrary(page, REPORT);

  await searchBox(page).fill('ISKP');
  const groups = results(page).getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(groups.first()).toBeVisible();
  expect(await groups.count()).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole('group', { name: 'Other names searched' }).getByRole('button', { name: /IS-Khorasan/ })).toHaveAttribute('aria-pressed', 'true');
  // Sources that never write "ISKP" are found by the names they do use.
  const otherNames = groups.filter({ hasNotText: REPORT }).locator('mark').filter({ hasText: /^(IS-Khorasan|ISIS-K|IS-K)$/ });
  await expect(otherNames.first()).toBeVisible();
  const sourcesWithOtherNames = await groups.filter({ has: page.locator('mark', { hasText: /^(IS-Khorasan|ISIS-K|IS-K)$/ }) }).count();
  expect(sourcesWithOtherNames).toBeGreaterThanOrEqual(3);
  await expect(groups.filter({ hasText: NEWS }).getByRole('heading')).toContainText(/\d+ hits · \d+ passages/);

  // The news report's first hit opens beside the report, at the hit.
  const newsHit = groups.filter({ hasText: NEWS }).getByRole('listitem').first();
  const hitText = await newsHit.locator('mark').first().innerText();
  const layoutSaved = answered(page, 'layout.set');
  const newsPositionSaved = answered(page, 'reading.set', 'us-taliban-isis-k-cooperation-2025');
  await newsHit.getByRole('button', { name: 'Open to the side' }).click();
  await layoutSaved;
  await expect(rightPane(page).getByRole('article', { name: /US officials weigh/ })).toHaveAttribute('aria-busy', 'false');
  await expect(leftPane(page).getByRole('article', { name: /The New Jihadi Sphere/ })).toBeVisible();
  await expect(rightPane(page).getByText(hitText).first()).toBeInViewport();
  await newsPositionSaved;

  // The report is scrolled on its own, deep into the text.
  const reportPositionSaved = answered(page, 'reading.set', 'andiana-new-jihadi-sphere-2025');
  await leftPane(page).getByRole('article').hover();
  for (let i = 0; i < 8; i += 1) await page.mouse.wheel(0, 2500);
  await reportPositionSaved;
  const before = { left: await firstBlockInView(leftPane(page)), right: await firstBlockInView(rightPane(page)) };
  expect(before.left).toBeGreaterThan(10_000);
  expect(before.right).toBeGreaterThan(0);

  await page.reload();
  await expect(leftPane(page).getByRole('article', { name: /The New Jihadi Sphere/ })).toHaveAttribute('aria-busy', 'false');
  await expect(rightPane(page).getByRole('article', { name: /US officials weigh/ })).toHaveAttribute('aria-busy', 'false');
  await expect.poll(() => firstBlockInView(leftPane(page))).toBe(before.left);
  await expect.poll(() => firstBlockInView(rightPane(page))).toBe(before.right);
});

test('the library marks the two captures of one article; a shared passage opens side by side in the other capture, and its highlight can be copied there', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const passage = 'Poachers can be turned into gamekeepers';
  const call = apiCaller(page, appUrl);
  const { text } = (await call('sources.get', { sourceId: 'fp-taliban-pledge-capture-1' })) as { text: string };
  await call('highlights.create', { sourceId: 'fp-taliban-pledge-capture-1', start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });

  const firstCapture = library(page).getByRole('listitem').filter({ hasText: 'one paragraph per line' });
  await expect(firstCapture).toContainText('100% of its text is also in copy 2 of 2');
  await expect(library(page).getByRole('listitem').filter({ hasText: 'second capture of the same article' })).toContainText('100% of its text is also in copy 1 of 2');
  await expect(library(page).getByRole('listitem').filter({ hasText: REPORT })).not.toContainText('of its text is also in');

  await firstCapture.getByRole('link').click();
  const marker = leftPane(page).getByRole('button', { name: 'Also in copy 2 of 2' });
  await expect(marker.first()).toBeVisible();
  expect(await marker.count()).toBeGreaterThan(20);
  // The marker just above the paragraph that holds the passage.
  const paragraphTop = await leftPane(page).locator('article.reader').getByText(passage).evaluate((element) => element.getBoundingClientRect().top);
  const tops = await marker.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().bottom));
  const nearest = tops.reduce((best, top, i) => (Math.abs(top - paragraphTop) < Math.abs((tops[best] ?? 0) - paragraphTop) ? i : best), 0);
  await marker.nth(nearest).click();
  await page.getByRole('menuitem', { name: 'Open side by side' }).click();
  await expect(rightPane(page).getByRole('article')).toHaveAttribute('aria-busy', 'false');
  await expect(rightPane(page).locator('article.reader').getByText(passage)).toBeInViewport();
  await expect(page.getByRole('separator', { name: 'Resize the panes' })).toBeVisible();

  await marker.nth(nearest).click();
  await page.getByRole('menuitem', { name: 'Copy its highlight to copy 2 of 2' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await rightPane(page).getByRole('button', { name: 'Annotations' }).click();
  const annotations = rightPane(page).getByRole('complementary');
  await expect(annotations).toContainText('1 highlight');
  await expect(annotations.locator('blockquote')).toHaveText(passage);
});

test('find in the open source counts the matches and steps through them; the divider and the panes answer the keyboard', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openFromLibrary(page, REPORT);
  await leftPane(page).getByRole('article').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('ControlOrMeta+f');
  const find = page.getByRole('searchbox', { name: 'Find in this source' });
  await expect(find).toBeFocused();
  await find.fill('kabul');
  const status = leftPane(page).getByRole('search', { name: 'Find in this source' }).getByRole('status');
  await expect(status).toHaveText(/^1 of (\d+)$/);
  const total = Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(`2 of ${total}`);
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(status).toHaveText(`${total} of ${total}`);
  await page.keyboard.press('Escape');
  await expect(find).toHaveCount(0);

  // Shift+Enter on a library entry opens it to the side, as a browser would open a link in a new window.
  await library(page).getByRole('link').filter({ hasText: NEWS }).focus();
  await page.keyboard.press('Shift+Enter');
  await expect(rightPane(page).getByRole('article', { name: /US officials weigh/ })).toHaveAttribute('aria-busy', 'false');
  const divider = page.getByRole('separator', { name: 'Resize the panes' });
  await expect(divider).toHaveAttribute('aria-valuenow', '50');
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', '40');
  await page.keyboard.press('Home');
  await expect(divider).toHaveAttribute('aria-valuenow', '20');

  await leftPane(page).getByRole('article').focus();
  await page.keyboard.press('F6');
  await expect(rightPane(page).getByRole('article')).toBeFocused();
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+ArrowRight');
  await expect(leftPane(page).getByRole('article')).toBeFocused();

  await rightPane(page).getByRole('button', { name: 'Swap panes' }).click();
  await expect(leftPane(page).getByRole('article', { name: /US officials weigh/ })).toBeVisible();
  await expect(rightPane(page).getByRole('article', { name: /The New Jihadi Sphere/ })).toBeVisible();
  await rightPane(page).getByRole('button', { name: 'Close the right pane' }).click();
  await expect(rightPane(page)).toHaveCount(0);
  await expect(library(page).getByRole('link').filter({ hasText: NEWS })).toHaveAttribute('aria-current', 'page');
});

test('a selection lists related passages of other sources, each with its similarity', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openFromLibrary(page, 'Duality of the Afghan Taliban');
  const sentence = leftPane(page).getByText('During the second year of Taliban rule, the number of terrorist attacks', { exact: false });
  await sentence.scrollIntoViewIfNeeded();
  await sentence.selectText();
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Related passages' }).click();
  const related = page.getByRole('list', { name: 'Related passages, most similar first' });
  await expect(related.getByRole('listitem').first()).toBeVisible();
  expect(await related.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
  await expect(related.getByRole('listitem').first()).toContainText(/similarity 0\.\d\d/);
  await expect(related).not.toContainText('Duality of the Afghan Taliban');
  await related.getByRole('listitem').first().getByRole('button', { name: 'Open to the side' }).click();
  await expect(rightPane(page).getByRole('article')).toHaveAttribute('aria-busy', 'false');
});

test('Enter opens every result in the search view: all the hits for "ISKP", a page at a time, copies of one article folded, narrowed by filters', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await openFromLibrary(page, REPORT);
  const call = apiCaller(page, appUrl);
  const counted = (await call('search.query', { query: 'ISKP' })) as { total: number; sources: { passageCount: number }[] };
  const passages = counted.sources.reduce((sum, source) => sum + source.passageCount, 0);
  expect(counted.total).toBe(137);

  await searchBox(page).fill('ISKP');
  await searchBox(page).press('Enter');
  const view = rightPane(page).getByRole('main', { name: 'Search', exact: true });
  await expect(view.getByRole('searchbox', { name: 'Search all sources' })).toHaveValue('ISKP');
  const summary = view.getByRole('status').filter({ hasText: 'hits in' });
  await expect(summary).toHaveText(`137 hits in ${counted.sources.length} sources · 50 of ${passages} passages loaded`);
  const list = view.getByRole('list', { name: 'Search results' });
  await expect(list.getByRole('heading').first()).toContainText(REPORT);
  await expect(list.getByRole('heading').first()).toContainText('84 hits · 45 passages');
  await expect(leftPane(page).getByRole('article', { name: /The New Jihadi Sphere/ })).toBeVisible();

  await view.getByRole('button', { name: 'Load more' }).click();
  await expect(summary).toHaveText(`137 hits in ${counted.sources.length} sources · all ${passages} passages shown`);
  await expect(view.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // The list is one tab stop; the arrow keys and End walk it, drawing the rows they reach.
  const first = list.getByRole('link').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('link').nth(1)).toBeFocused();
  expect(await list.locator('a[tabindex="0"]').count()).toBe(1);
  await page.keyboard.press('End');
  const last = list.locator('a:focus');
  await expect(last).toBeInViewport();
  // The second capture of the Foreign Policy article is folded into the first one's group.
  const folded = list.getByRole('heading', { name: /Pledge to Fight Terrorism\? \(copy 1 of 2\)/ });
  await expect(folded).toContainText('also in copy 2 of 2 (11 hits, the same passages)');
  await expect(list.getByText('Also in copy 2 of 2', { exact: true })).toHaveCount(0);
  await expect(list.getByRole('heading', { name: /copy 2 of 2\)/ })).toHaveCount(0);
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', /^\d+$/);

  // Enter opens the passage's source beside the view, scrolled to the hit.
  const at = Number(/at=(\d+)-/.exec((await last.getAttribute('href')) ?? '')?.[1]);
  await page.keyboard.press('Enter');
  await expect(leftPane(page).getByRole('article', { name: /Pledge to Fight Terrorism/ })).toHaveAttribute('aria-busy', 'false');
  await expect
    .poll(() =>
      leftPane(page)
        .locator('.reader-scroller')
        .evaluate((scroller, offset) => {
          // The text span holding the hit's first character, and whether it is within the pane.
          const spans = Array.from(scroller.querySelectorAll<HTMLElement>('[data-start]')).filter((span) => Number(span.dataset.start) <= offset);
          const span = spans.reduce<HTMLElement | null>((best, next) => (best === null || Number(next.dataset.start) >= Number(best.dataset.start) ? next : best), null);
          const box = span?.getBoundingClientRect();
          const view = scroller.getBoundingClientRect();
          return box !== undefined && box.bottom > view.top && box.top < view.bottom;
        }, at),
    )
    .toBe(true);

  // Filters: one source; then a date range that leaves out the undated captures.
  await view.getByText('Filters', { exact: true }).click();
  await view.getByRole('combobox', { name: 'Source' }).selectOption({ label: "Duality of the Afghan Taliban's counter-terrorist policy and its consequences for the international community" });
  await expect(summary).toHaveText(/^13 hits in 1 source · all 9 passages shown$/);
  await view.getByRole('button', { name: 'Clear filters' }).click();
  await view.getByLabel('From').fill('2025-01-01');
  await expect(summary).toHaveText(/^102 hits in 2 sources/);

  // NOT leaves out the passages naming the Taliban.
  const without = (await call('search.query', { query: 'ISKP NOT Taliban', filter: { from: '2025-01-01' } })) as { total: number; sources: unknown[] };
  expect(without.total).toBeLessThan(102);
  await view.getByRole('searchbox', { name: 'Search all sources' }).fill('ISKP NOT Taliban');
  await expect(summary).toHaveText(new RegExp(`^${without.total} hits in ${without.sources.length} source`));
});
