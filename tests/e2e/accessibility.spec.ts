import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { apiCaller } from './api-caller';
import { bundledSource } from './bundled-source';
import { expect, test } from './fixtures';

/**
 * axe-core on every main view, light and dark: no critical or serious violation. Each view is
 * arranged through the API (a tagged, graded, commented highlight, a memo citing it, a board) so
 * the views show their real content rather than empty states, which hide most of what can fail.
 */

type Arrange = (page: Page, appUrl: string, ids: Arranged) => Promise<void>;

interface Arranged {
  readonly reportId: string;
  readonly tagId: string;
  readonly memoId: string;
  readonly boardId: string;
}

const article = (page: Page) => page.getByRole('article', { name: /The New Jihadi Sphere/ });

const VIEWS: readonly { readonly name: string; readonly open: Arrange }[] = [
  {
    name: 'reader with annotations',
    open: async (page, appUrl, { reportId }) => {
      await page.goto(`${appUrl}#source=${reportId}`);
      await expect(article(page)).toHaveAttribute('aria-busy', 'false');
      const panel = page.getByRole('complementary', { name: 'Annotations' });
      if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Annotations' }).first().click();
      await expect(panel.getByRole('article').first()).toBeVisible();
    },
  },
  {
    name: 'search results',
    open: async (page, appUrl, { reportId }) => {
      await page.goto(`${appUrl}#source=${reportId}`);
      await page.getByRole('searchbox', { name: 'Search sources' }).fill('Taliban');
      await expect(page.getByText(/\d+ hits? in \d+ sources?/).first()).toBeVisible();
    },
  },
  {
    name: 'tag passages',
    open: async (page, appUrl, { tagId }) => {
      await page.goto(`${appUrl}#view=tag&tag=${tagId}`);
      await expect(page.getByText('Over two dozen terrorist groups').first()).toBeVisible();
    },
  },
  {
    name: 'tags',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=tags`);
      await expect(page.getByRole('main', { name: 'Tags' }).getByRole('heading', { name: /^Groups/ })).toBeVisible();
    },
  },
  {
    name: 'memo',
    open: async (page, appUrl, { memoId }) => {
      await page.goto(`${appUrl}#view=memo&memo=${memoId}`);
      await expect(page.getByRole('textbox', { name: 'Memo', exact: true }).locator('.citation').first()).toBeVisible();
    },
  },
  {
    name: 'evidence matrix',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=matrix`);
      await expect(page.getByRole('table').first()).toBeVisible();
    },
  },
  {
    name: 'co-occurrence',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=cooccurrence`);
      await expect(page.getByRole('table').first()).toBeVisible();
    },
  },
  {
    name: 'competing hypotheses',
    open: async (page, appUrl, { boardId }) => {
      await page.goto(`${appUrl}#view=ach&board=${boardId}`);
      await expect(page.getByText('The Taliban shelter Al Qaeda').first()).toBeVisible();
    },
  },
  {
    name: 'link chart',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=links`);
      await expect(page.locator('main')).toBeVisible();
    },
  },
  {
    name: 'search view',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=search&q=ISKP`);
      await expect(page.getByText(/137 hits in 5 sources/).first()).toBeVisible();
    },
  },
  {
    name: 'split view, annotations beside the memo',
    open: async (page, appUrl, { reportId, memoId }) => {
      await page.goto(`${appUrl}#source=${reportId}`);
      await expect(article(page)).toHaveAttribute('aria-busy', 'false');
      await page.goto(`${appUrl}#view=memo&memo=${memoId}`);
      await expect(page.getByRole('textbox', { name: 'Memo', exact: true })).toBeVisible();
    },
  },
  {
    name: 'command palette',
    open: async (page, appUrl, { reportId }) => {
      await page.goto(`${appUrl}#source=${reportId}`);
      await expect(article(page)).toHaveAttribute('aria-busy', 'false');
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    },
  },
  {
    name: 'reading settings',
    open: async (page, appUrl, { reportId }) => {
      await page.goto(`${appUrl}#source=${reportId}`);
      await expect(article(page)).toHaveAttribute('aria-busy', 'false');
      await page.getByRole('button', { name: 'Reading settings' }).first().click();
      await expect(page.getByRole('radio', { name: 'Dark' })).toBeVisible();
    },
  },
  {
    name: 'help',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=help`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    },
  },
  {
    name: 'problems',
    open: async (page, appUrl) => {
      await page.goto(`${appUrl}#view=problems`);
      await expect(page.locator('main')).toBeVisible();
    },
  },
];

async function arrange(page: Page, appUrl: string): Promise<Arranged> {
  await page.goto(appUrl);
  const call = apiCaller(page, appUrl);
  const report = await bundledSource(call, '004_');
  const quote = 'Over two dozen terrorist groups currently operate freely in Afghanistan';
  const start = report.text.indexOf(quote);
  const tags = (await call('tags.list', {})) as { tags: { id: string; name: string }[] };
  const alQaeda = tags.tags.find((tag) => tag.name === 'Al Qaeda');
  if (alQaeda === undefined) throw new Error('The bundled tag set has no Al Qaeda tag.');
  const created = (await call('highlights.create', {
    sourceId: report.source.id,
    start,
    end: start + quote.length,
    tags: [{ tagId: alQaeda.id }],
    comment: 'Counts groups, not fighters.',
  })) as { highlight: { id: string } };
  const highlightId = created.highlight.id;
  await call('highlights.update', { highlightId, credibility: 2 });
  const memo = (await call('memos.create', { title: 'Who shelters whom' })) as { id: string };
  const citation = { highlightId, display: 'inline', quote, sourceId: report.source.id };
  await call('memos.save', {
    memoId: memo.id,
    title: 'Who shelters whom',
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The report counts the groups. ' }, { type: 'citation', attrs: citation }] }] },
  });
  const board = (await call('ach.create', { question: 'Who hosts whom?', hypotheses: ['The Taliban shelter Al Qaeda', 'Al Qaeda left Afghanistan'] })) as { board: { id: string } };
  return { reportId: report.source.id, tagId: alQaeda.id, memoId: memo.id, boardId: board.board.id };
}

for (const scheme of ['light', 'dark'] as const) {
  for (const view of VIEWS) {
    test(`axe finds no critical or serious violation: ${view.name} (${scheme})`, async ({ page, appUrl }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const ids = await arrange(page, appUrl);
      await view.open(page, appUrl, ids);
      // label-content-name-mismatch is experimental in axe, so off unless asked for; a review found it.
      const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
      const found = results.violations
        .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
        .map((violation) => {
          // The element each node is, without its place in a list: one line per kind of element.
          const kinds = [...new Set(violation.nodes.map((node) => String(node.target.at(-1)).split(' > ').at(-1)?.replace(/:nth-child\(\d+\)/g, '')))];
          return `${violation.id} (${violation.impact}, ${violation.nodes.length} nodes): ${kinds.join(' | ')}`;
        });
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}
