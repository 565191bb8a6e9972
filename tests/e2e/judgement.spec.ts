import type { Page } from '@playwright/test';
import { readMarkdown } from '../unit/support/read-markdown';
import { apiCaller } from './api-caller';
import { bundledSource } from './bundled-source';
import { expect, test } from './fixtures';

/** Four passages of the report, each to be evidence on the board, as [quote, tags]. */
const PASSAGES = [
  { quote: 'Al Qaeda appears to be reviving and thriving under Taliban rule.', tags: [{ tagId: 'rec:r1', stance: 'supports' }] },
  { quote: "The Taliban's relationship with TTP is particularly concerning.", tags: [{ tagId: 'rec:r1', stance: 'contradicts' }] },
  { quote: 'The findings suggest that Al Qaeda has increased its operations, utilizing Afghanistan as a base for training and recruitment.', tags: [{ tagId: 'rec:r2', stance: 'context' }] },
  { quote: "Recent statements from Al Qaeda's leadership underscore Afghanistan's strategic importance to their operations.", tags: [{ tagId: 'group:taliban' }, { tagId: 'group:al-qaeda' }] },
] as const;

const library = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const annotations = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });
const card = (page: Page, quote: string) => annotations(page).getByRole('article', { name: new RegExp(`^Highlight “${quote.slice(0, 20)}`) });

test('grades weigh the evidence: matrix, competing hypotheses with sensitivity, a typed relation, and graded footnotes', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const report = await bundledSource(call, '004_');
  const ids: string[] = [];
  for (const { quote, tags } of PASSAGES) {
    const start = report.text.indexOf(quote);
    expect(start, quote).toBeGreaterThanOrEqual(0);
    const created = (await call('highlights.create', { sourceId: report.source.id, start, end: start + quote.length, tags })) as { highlight: { id: string } };
    ids.push(created.highlight.id);
  }

  // The report is graded B in Source details; two passages 2 (with the card's control) and 5 (G then 5).
  await library(page).getByRole('link').filter({ hasText: 'The New Jihadi Sphere Under Taliban' }).click();
  await expect(page.getByRole('article', { name: /The New Jihadi Sphere/ })).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('button', { name: 'Source actions' }).click();
  await page.getByRole('menuitem', { name: 'Source details…' }).click();
  const details = page.getByRole('dialog', { name: 'Source details' });
  await details.getByRole('combobox', { name: 'Reliability' }).selectOption('B');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details).toBeHidden();
  await card(page, PASSAGES[0].quote).getByRole('button', { name: 'Grade', exact: true }).click();
  await card(page, PASSAGES[0].quote).getByRole('combobox', { name: 'Credibility' }).selectOption('2');
  await expect(card(page, PASSAGES[0].quote)).toContainText('B2');
  await card(page, PASSAGES[1].quote).focus();
  await page.keyboard.press('g');
  await page.keyboard.press('5');
  await expect(card(page, PASSAGES[1].quote)).toContainText('B5');

  // The evidence matrix: R1 in the report holds one supporting and one contradicting passage.
  await page.goto(`${appUrl}#view=matrix`);
  const matrix = page.getByRole('region', { name: 'Evidence matrix' });
  const cell = matrix.getByRole('button', { name: /^R1 · .* in The New Jihadi Sphere.*: 1 supporting, 1 contradicting, 0 context$/ });
  await expect(cell.locator('[aria-hidden="true"]')).toHaveText('1 / 1 / 0');
  await cell.click();
  await expect(matrix.getByText(PASSAGES[0].quote)).toBeVisible();
  await expect(matrix.getByText(PASSAGES[1].quote)).toBeVisible();

  // A board with three hypotheses and the four passages as evidence. Weights (B × credibility):
  // E1 0.85×0.85 = 0.7225, E2 0.85×0.3 = 0.255, E3 and E4 ungraded 0.85×0.6 = 0.51.
  // Inconsistency: H1 = E1 (I) = 0.7225; H2 = E2 (II) + E4 (I) = 0.51 + 0.51 = 1.02; H3 = E3 (II) + E4 (I) = 1.53.
  // With credibility 1–3 only E1 counts: H2 and H3 have no inconsistency and H1 falls to last.
  const board = (await call('ach.create', { question: 'Why is Al Qaeda reviving in Afghanistan?', hypotheses: ['Taliban protection', 'Weak rivals', 'Foreign funding'] })) as {
    board: { id: string; hypotheses: { id: string }[] };
  };
  const [h1, h2, h3] = board.board.hypotheses.map((h) => h.id);
  const evidence = ids.map((highlightId, i) => ({ id: `e${i + 1}`, highlightId }));
  const rate = (row: string, ratings: [string | undefined, string][]) => Object.fromEntries(ratings.map(([h, rating]) => [`${row}:${h}`, { rating }]));
  await call('ach.save', {
    boardId: board.board.id,
    question: 'Why is Al Qaeda reviving in Afghanistan?',
    hypotheses: board.board.hypotheses,
    evidence,
    ratings: {
      ...rate('e1', [[h1, 'I'], [h2, 'C'], [h3, 'C']]),
      ...rate('e2', [[h1, 'C'], [h2, 'II'], [h3, 'C']]),
      ...rate('e3', [[h1, 'C'], [h2, 'C'], [h3, 'II']]),
      ...rate('e4', [[h1, 'C'], [h2, 'I'], [h3, 'I']]),
    },
  });
  await page.goto(`${appUrl}#view=ach&board=${board.board.id}`);
  const ach = page.getByRole('region', { name: 'Competing hypotheses' });
  const full = ach.getByRole('region', { name: 'Ranking, all evidence' }).getByRole('listitem');
  await expect(full).toHaveCount(3);
  await expect(full.nth(0)).toContainText('H1 Taliban protection — rank 1');
  await expect(full.nth(2)).toContainText('H3 Foreign funding — rank 3');
  await ach.getByRole('combobox', { name: 'Sensitivity' }).selectOption('3');
  const sensitive = ach.getByRole('region', { name: 'Ranking, credibility 1–3 only' }).getByRole('listitem');
  await expect(sensitive.nth(2)).toContainText('H1 Taliban protection');

  // The board as a memo: its footnotes carry the grades.
  await ach.getByRole('button', { name: 'Add to memo' }).click();
  await expect(ach.getByRole('status').filter({ hasText: /^Created the memo/ })).toBeVisible();
  await expect(ach.getByRole('status').filter({ hasText: /^The ranking changes/ })).toBeVisible();
  const memos = (await call('memos.list', {})) as { id: string }[];
  const exported = (await call('memos.exportMarkdown', { memoId: memos[0]!.id })) as { content: string };
  const footnotes = readMarkdown(exported.content)
    .blocks.filter((b) => b.containers.includes('footnote'))
    .map((b) => b.text);
  expect(footnotes.some((f) => f.includes('[B2]'))).toBe(true);
  expect(footnotes.some((f) => f.includes('[B5]'))).toBe(true);

  // A typed relation "hosts" between Taliban and Al Qaeda, backed by a passage, is an edge whose passages open.
  await call('relations.create', { fromTagId: 'group:taliban', toTagId: 'group:al-qaeda', type: 'hosts', highlightIds: [ids[3]] });
  await page.goto(`${appUrl}#view=links`);
  const chart = page.getByRole('region', { name: 'Link chart' });
  await chart.getByRole('button', { name: 'Show the passages of Taliban hosts Al Qaeda' }).click();
  await expect(chart.getByText(PASSAGES[3].quote)).toBeVisible();
});
