import { describe, expect, it } from 'vitest';
import { rendererStyles } from '../../../tests/unit/support/renderer-styles';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import type { ApiResults, TagSet } from '../../shared/api-contract';
import type * as Harness from './analysis-views.harness';

const page = useChromiumPage({
  // React reads process.env.NODE_ENV, which the bundle for the page leaves as it is (development: the bundle uses the dev JSX runtime).
  bodyHtml: '<script>window.process = { env: { NODE_ENV: "development" } };</script><div id="root"></div>',
  css: rendererStyles('theme.css', 'controls.css', 'views.css', 'analysis.css'),
  modulePath: new URL('./analysis-views.harness.tsx', import.meta.url).pathname,
});

const group = (id: string, name: string) => ({ id, familyId: 'family:groups', name, color: '#b7852a', aliases: [], description: '', statedAt: null });
const tags = {
  families: [{ id: 'family:groups', name: 'Groups', kind: 'groups' }],
  tags: [group('group:taliban', 'Taliban'), group('group:al-qaeda', 'Al Qaeda'), group('group:ttp', 'TTP')],
  usage: {},
} as unknown as TagSet;
const detail = (id: string, quote: string, tagIds: string[], mark: string | null) => ({ highlightId: id, sourceId: 'report', sourceTitle: 'The Report', quote, start: 10, end: 20, tagIds, mark });
const chart = {
  nodes: [
    { tagId: 'group:taliban', name: 'Taliban', color: '#b7852a', passages: 2 },
    { tagId: 'group:al-qaeda', name: 'Al Qaeda', color: '#db192f', passages: 1 },
    { tagId: 'group:ttp', name: 'TTP', color: '#71782b', passages: 1 },
  ],
  edges: [
    { kind: 'co-occurrence', id: 'co:group:taliban|group:al-qaeda', fromTagId: 'group:taliban', toTagId: 'group:al-qaeda', count: 1, passages: [{ highlightId: 'h1', mark: 'B2' }] },
    { kind: 'relation', id: 'r1', fromTagId: 'group:taliban', toTagId: 'group:ttp', type: 'hosts', note: '', passages: [{ highlightId: 'h2', mark: null }] },
  ],
  passages: { h1: detail('h1', 'The Taliban sheltered al Qaeda.', ['group:taliban', 'group:al-qaeda'], 'B2'), h2: detail('h2', 'TTP fighters live in Kunar.', ['group:ttp'], null) },
} as unknown as ApiResults['analysis.linkChart'];

describe('LinkChartView in a browser', () => {
  it('draws the chart without adding a stylesheet the CSP would refuse, lists the edges, and opens an edge’s passages', async () => {
    const p = page();
    const stylesBefore = await p.evaluate(() => document.querySelectorAll('style').length);
    await p.evaluate((data) => {
      const m = (window as unknown as { modules: typeof Harness }).modules;
      (window as unknown as { fake: unknown }).fake = m.mountAnalysisView(document.getElementById('root') as HTMLElement, 'link-chart', { 'analysis.linkChart': data.chart }, data.tags);
    }, { chart, tags });
    await p.getByRole('region', { name: 'Link chart' }).waitFor();
    await p.locator('.link-chart-canvas canvas').first().waitFor();
    expect(await p.evaluate(() => document.querySelectorAll('style').length)).toBe(stylesBefore);
    expect(await p.getByRole('table', { name: 'Edges' }).getByRole('row').count()).toBe(3);

    await p.getByRole('button', { name: 'Show the passages of Taliban hosts TTP' }).click();
    const passages = p.getByRole('region', { name: /Taliban hosts TTP/ });
    await expect(passages.getByText('TTP fighters live in Kunar.').count()).resolves.toBe(1);
    expect(await passages.getByRole('link', { name: 'Open in source' }).getAttribute('href')).toBe('#source=report&at=10-20');
  });

  it('draws a typed relation backed by a passage chosen by its quote', async () => {
    const p = page();
    const form = p.getByRole('form', { name: 'Draw a relation' });
    await form.getByLabel('From').selectOption('group:ttp');
    await form.getByLabel('To').selectOption('group:al-qaeda');
    await form.getByLabel('Relation').fill('rival of');
    await form.getByLabel(/The Taliban sheltered al Qaeda/).check();
    await form.getByRole('button', { name: 'Draw relation' }).click();
    await p.waitForFunction(() => ((window as unknown as { fake: { calls: { method: string }[] } }).fake.calls.some((c) => c.method === 'relations.create')));
    const created = await p.evaluate(() => (window as unknown as { fake: { calls: { method: string; input: unknown }[] } }).fake.calls.find((c) => c.method === 'relations.create')?.input);
    expect(created).toEqual({ fromTagId: 'group:ttp', toTagId: 'group:al-qaeda', type: 'rival of', highlightIds: ['h1'], note: '' });
  });
});
