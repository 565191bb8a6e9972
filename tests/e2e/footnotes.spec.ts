import { expect, test } from './fixtures';

test('a footnote marker previews its note on hover and on focus, inside the reading pane; Escape closes it and the link still leads to the note', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link').filter({ hasText: 'The New Jihadi Sphere Under Taliban' }).click();
  const article = page.getByRole('article', { name: /The New Jihadi Sphere/ });
  await expect(article).toHaveAttribute('aria-busy', 'false');
  const noteText = ((await article.getByRole('note', { name: 'Note 1', exact: true }).textContent()) ?? '').replace('↩', '').trim();
  expect(noteText.length).toBeGreaterThan(10);
  const marker = article.getByRole('link', { name: 'Note 1', exact: true });
  const preview = page.getByRole('tooltip');

  await marker.scrollIntoViewIfNeeded();
  await marker.hover();
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(noteText);
  // The note's text describes the marker while it shows.
  await expect(marker).toHaveAccessibleDescription(new RegExp(noteText.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Inside the pane the reader is in (never over the sidebar or the other pane).
  const pane = await page.locator('[data-pane]').filter({ has: article }).boundingBox();
  const box = await preview.boundingBox();
  expect(box, 'the preview’s box').not.toBeNull();
  expect(pane, 'the pane’s box').not.toBeNull();
  if (box && pane) {
    expect(box.x).toBeGreaterThanOrEqual(pane.x);
    expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
    expect(box.y).toBeGreaterThanOrEqual(pane.y);
  }
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // By keyboard: focus on the marker shows it, Escape closes it.
  await page.mouse.move(0, 0);
  await article.getByRole('link', { name: 'Note 2', exact: true }).focus();
  await expect(preview).toBeVisible();
  await expect(preview).toContainText(((await article.getByRole('note', { name: 'Note 2', exact: true }).textContent()) ?? '').replace('↩', '').trim().slice(0, 40));
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();

  // The marker still leads to its note, and the note back.
  await marker.click();
  const note = article.getByRole('note', { name: 'Note 1', exact: true });
  await expect(note).toBeFocused();
  await note.getByRole('link', { name: 'Back to where note 1 is cited' }).click();
  await expect(marker).toBeFocused();
});
