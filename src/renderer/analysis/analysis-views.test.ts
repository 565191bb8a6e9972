import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rendererStyles } from '../../../tests/unit/support/renderer-styles';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import type { ApiResults, TagSet } from '../../shared/api-contract';
import type * as Harness from './analysis-views.harness';

const page = useChromiumPage({
  // React reads process.env.NODE_ENV, which the bundle for the page leaves as it is (development: the bundle uses the dev JSX runtime).
  bodyHtml: '<script>window.process = { env: { NODE_ENV: "development" } };</script><div id="evidence"></div><div id="cooccurrence"></div>',
  css: rendererStyles('theme.css', 'controls.css', 'views.css', 'analysis.css'),
  modulePath: new URL('./analysis-views.harness.tsx', import.meta.url).pathname,
});

const tag = (id: string, familyId: string, name: string) => ({ id, familyId, name, color: '#b7852a', aliases: [], description: '', statedAt: null });
const tags = {
  families: [
    { id: 'family:groups', name: 'Groups', kind: 'groups' },
    { id: 'family:recommendations', name: 'Recommendations', kind: 'recommendations' },
  ],
  tags: [tag('group:taliban', 'family:groups', 'Taliban'), tag('group:ttp', 'family:groups', 'TTP'), tag('rec:r1', 'family:recommendations', 'R1')],
  usage: {},
} as unknown as TagSet;
const detail = (id: string, quote: string, mark: string | null) => ({ highlightId: id, sourceId: 'report', sourceTitle: 'The Report', quote, start: 10, end: 20, tagIds: [], mark });
const empty = { supports: 0, contradicts: 0, context: 0, weight: 0, shade: 0, highlightIds: [] };
const matrix = {
  rows: [{ id: 'rec:r1', label: 'R1' }],
  columnKind: 'sources',
  columns: [
    { id: 'report', label: 'The Report' },
    { id: 'news', label: 'The News' },
  ],
  cells: [[{ supports: 2, contradicts: 0, context: 1, weight: 2.1, shade: 4, highlightIds: ['h1', 'h2', 'h3'] }, empty]],
  passages: { h1: detail('h1', 'Engagement has worked.', 'A2'), h2: detail('h2', 'Talks resumed in Doha.', null), h3: detail('h3', 'Context on Doha.', '–3') },
} as unknown as ApiResults['analysis.evidenceMatrix'];
const cell = (count: number, coefficient: number, highlightIds: string[]) => ({ count, coefficient, highlightIds });
const cooccurrence = {
  scope: 'paragraph',
  tags: tags.tags.slice(0, 2),
  cells: [
    [cell(3, 1, ['h1']), cell(1, 0.25, ['h1', 'h2'])],
    [cell(1, 0.25, ['h1', 'h2']), cell(2, 1, ['h2'])],
  ],
  passages: { h1: detail('h1', 'The Taliban and TTP met.', null), h2: detail('h2', 'TTP again.', null) },
} as unknown as ApiResults['analysis.cooccurrence'];
const csv = { fileName: 'x.csv', mediaType: 'text/csv', content: 'a,b\r\n' };

type Calls = { method: string; input: unknown }[];
const callsOf = (p: Page, view: string): Promise<Calls> => p.evaluate((v) => (window as unknown as Record<string, { calls: Calls }>)[v]?.calls ?? [], view);

/** WCAG contrast of an element's text against its background colour, both as the browser computed them. */
function contrastOf(p: Page, selector: string): Promise<number> {
  return p.evaluate((sel) => {
    const channels = (css: string): number[] => {
      const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(css);
      if (srgb) return srgb.slice(1, 4).map(Number);
      return (/rgba?\((\d+), (\d+), (\d+)/.exec(css) ?? []).slice(1, 4).map((n) => Number(n) / 255);
    };
    const luminance = (css: string): number => {
      const [r = 0, g = 0, b = 0] = channels(css).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const element = document.querySelector(sel) as HTMLElement;
    const [a, b] = [luminance(getComputedStyle(element).color), luminance(getComputedStyle(element.closest('td') as HTMLElement).backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }, selector);
}

describe('EvidenceMatrixView in a browser', () => {
  it('shows each cell’s counts shaded by weight, named for screen readers, and lists a chosen cell’s passages', async () => {
    const p = page();
    await p.evaluate((data) => {
      const m = (window as unknown as { modules: typeof Harness }).modules;
      (window as unknown as Record<string, unknown>)['evidence'] = m.mountAnalysisView(document.getElementById('evidence') as HTMLElement, 'evidence-matrix', { 'analysis.evidenceMatrix': data.matrix, 'analysis.exportCsv': data.csv }, data.tags);
    }, { matrix, csv, tags });
    const region = p.getByRole('region', { name: 'Evidence matrix' });
    const heavy = region.getByRole('button', { name: 'R1 in The Report: 2 supporting, 0 contradicting, 1 context' });
    expect(await heavy.locator('[aria-hidden="true"]').textContent()).toBe('2 / 0 / 1');
    expect(await p.locator('td[data-shade="4"]').count()).toBe(1);
    for (const scheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ colorScheme: scheme });
      expect(await contrastOf(p, 'td[data-shade="4"] .matrix-cell'), scheme).toBeGreaterThanOrEqual(4.5);
    }
    await p.emulateMedia({ colorScheme: 'light' });

    await heavy.click();
    const passages = region.getByRole('region', { name: /R1 in The Report/ });
    expect(await passages.getByRole('listitem').count()).toBe(3);
    expect(await passages.getByRole('listitem').first().textContent()).toContain('A2');

    await region.getByRole('button', { name: 'Export CSV' }).click();
    await region.getByLabel('Columns').selectOption('family:groups');
    await p.waitForFunction(() => (window as unknown as Record<string, { calls: { method: string }[] }>)['evidence']?.calls.filter((c) => c.method === 'analysis.evidenceMatrix').length === 2);
    const calls = await callsOf(p, 'evidence');
    expect(calls.find((c) => c.method === 'analysis.exportCsv')?.input).toEqual({ kind: 'evidence-matrix', rowFamilyId: 'family:recommendations', columns: 'sources' });
    expect(calls.filter((c) => c.method === 'analysis.evidenceMatrix').map((c) => c.input)).toEqual([
      { rowFamilyId: 'family:recommendations', columns: 'sources' },
      { rowFamilyId: 'family:recommendations', columns: { familyId: 'family:groups' } },
    ]);
  });
});

describe('CooccurrenceView in a browser', () => {
  it('shows counts and c-coefficients, opens a pair’s passages, and asks again for another scope', async () => {
    const p = page();
    await p.evaluate((data) => {
      const m = (window as unknown as { modules: typeof Harness }).modules;
      (window as unknown as Record<string, unknown>)['cooccurrence'] = m.mountAnalysisView(document.getElementById('cooccurrence') as HTMLElement, 'cooccurrence', { 'analysis.cooccurrence': data.cooccurrence }, data.tags);
    }, { cooccurrence, tags });
    const region = p.getByRole('region', { name: 'Co-occurrence' });
    const pair = region.getByRole('button', { name: 'Taliban with TTP: together in 1 place, c = 0.25' });
    expect(await pair.locator('.cell-count').textContent()).toBe('1');
    expect(await pair.locator('.cell-coefficient').textContent()).toBe('0.25');
    await pair.click();
    expect(await region.getByRole('region', { name: /Taliban with TTP/ }).getByRole('listitem').count()).toBe(2);
    await region.getByLabel('Same highlight').check();
    await p.waitForFunction(() => (window as unknown as Record<string, { calls: { method: string }[] }>)['cooccurrence']?.calls.length === 2);
    expect((await callsOf(p, 'cooccurrence')).map((c) => c.input)).toEqual([
      { familyId: 'family:groups', scope: 'paragraph' },
      { familyId: 'family:groups', scope: 'highlight' },
    ]);
  });
});
