import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../core/model/source';
import { bundledSources } from '../../../tests/unit/support/bundled-sources';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import { seededRandom } from '../../../tests/support/seeded-random';
import { groupBlocks } from '../reader/block-groups';
import { indexFootnotes } from '../reader/footnotes';
import { SourceBody } from '../reader/SourceBody';
import type * as Painter from './highlight-painter';
import type { PaintItem } from './paint-layers';

/** The reader's markup for a source, exactly as React renders it. */
function sourceMarkup({ text, blocks }: ParsedSource, id: string): string {
  const context = { text, blocks, footnotes: indexFootnotes(blocks), scope: id, navigate: () => undefined };
  const body = createElement(SourceBody, { groups: groupBlocks(blocks), context, trailerOpen: false, onTrailerToggle: () => undefined });
  return renderToStaticMarkup(createElement('div', { id, className: 'source-body' }, body));
}

const report = bundledSources().find(({ file }) => file.startsWith('004_'))?.parsed;
if (!report) throw new Error('The bundled report is missing.');
const { text } = report;

const page = useChromiumPage({ bodyHtml: sourceMarkup(report, 'report'), modulePath: new URL('./highlight-painter.ts', import.meta.url).pathname });

/** Runs `fn` in the page with the painter module and the report's root element. */
function inPage<A, R>(fn: (m: typeof Painter, root: Element, arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page().evaluate(
    async ({ source, arg }) => {
      const run = new Function(`return (${source})`)() as (m: unknown, root: Element, arg: unknown) => R | Promise<R>;
      return run((window as unknown as { modules: unknown }).modules, document.getElementById('report') as Element, arg);
    },
    { source: fn.toString(), arg },
  );
}

const at = (needle: string) => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in the report`);
  return { start, end: start + needle.length };
};

const item = (id: string, needle: string, color = '#f2c94c', needsReview = false) => ({ id, range: at(needle), color, needsReview }) as unknown as PaintItem;

/** Every registered layer of the page with the text of each of its ranges. */
const layerTexts = () =>
  inPage(() => {
    const layers: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) layers[name] = [...highlight].map((r) => r.toString()).sort();
    return layers;
  }, null);

/** Paints `items` on a fresh painter, runs `after` with it, and disposes of it. */
function withPainter<R, A = null>(items: readonly PaintItem[], after: (painter: Painter.HighlightPainter, arg: A) => R | Promise<R>, arg: A = null as A) {
  return inPage(
    async (m, root, { items, after, arg }) => {
      const painter = m.createHighlightPainter(root);
      if (!painter) throw new Error('This Chromium has no CSS Custom Highlight API.');
      painter.paint(items as never);
      await painter.whenPainted();
      const run = new Function(`return (${after})`)() as (p: typeof painter, arg: unknown) => unknown;
      try {
        return await run(painter, arg);
      } finally {
        painter.dispose();
      }
    },
    { items, after: after.toString(), arg },
  ) as Promise<R>;
}

const sentence = "The Taliban's relationship with TTP is particularly concerning.";

describe('HighlightPainter', () => {
  it('registers each highlight’s passage in the layer of its colour, without changing the text', async () => {
    const before = await inPage((_, root) => root.innerHTML, null);
    const layers = await withPainter(
      [item('a', 'Executive Summary'), item('b', 'Strategic Engagement', '#0fa626')],
      () => Object.fromEntries([...CSS.highlights].filter(([, h]) => h.size > 0).map(([name, h]) => [name, [...h].map((r) => r.toString())])),
    );
    expect(layers).toEqual({ 'notebook-cf2c94c-0': ['Executive Summary'], 'notebook-c0fa626-0': ['Strategic Engagement'] });
    expect(await inPage((_, root) => root.innerHTML, null)).toBe(before);
  });

  it('gives the text’s own colour rules for every lane of a colour it paints', async () => {
    const rules = await withPainter([item('a', 'Executive Summary', '#1F6FEB')], () =>
      [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((r) => r.includes('1f6feb')),
    );
    expect(rules.join('\n')).toContain('::highlight(notebook-c1f6feb-0)');
    expect(rules.join('\n')).toContain('::highlight(notebook-c1f6feb-3)');
    expect(rules.some((r) => r.startsWith(':root[data-theme="dark"]'))).toBe(true);
  });

  it('keeps overlapping highlights of one colour in separate lanes, so the overlap reads darker', async () => {
    const wide = 'On October 7, 2023';
    const layers = await withPainter([item('a', `${wide}, following Hamas`), item('b', wide)], () =>
      Object.fromEntries([...CSS.highlights].filter(([, h]) => h.size > 0).map(([name, h]) => [name, [...h].map((r) => r.toString())])),
    );
    expect(layers).toEqual({ 'notebook-cf2c94c-0': [`${wide}, following Hamas`], 'notebook-cf2c94c-1': [wide] });
  });

  it('paints a passage needing review apart from the highlights, and one crossing blocks without the gap between them', async () => {
    const heading = 'Executive Summary';
    const crossing = { id: 'x', range: { start: at(heading).start, end: at(heading).end + 10 }, color: '#f2c94c', needsReview: true } as unknown as PaintItem;
    const layers = await withPainter([crossing], () => Object.fromEntries([...CSS.highlights].filter(([, h]) => h.size > 0).map(([name, h]) => [name, [...h].map((r) => r.toString())])));
    expect(layers).toEqual({ 'notebook-review': [`${heading}${text.slice(at(heading).end + 2, at(heading).end + 10)}`] });
  });

  it('changes only what changed when painted again, and removes what is gone', async () => {
    const kept = item('a', 'Executive Summary');
    const recoloured = { ...item('c', 'Long-Term Strategy'), color: '#0fa626' };
    const result = await withPainter([kept, item('b', 'Strategic Engagement'), item('c', 'Long-Term Strategy')], async (painter, again) => {
      const ranges = () => new Map([...CSS.highlights].flatMap(([, h]) => [...h]).map((r) => [r.toString(), r]));
      const first = ranges();
      painter.paint(again as never);
      await painter.whenPainted();
      const second = ranges();
      return {
        texts: [...second.keys()].sort(),
        keptSameRange: first.get('Executive Summary') === second.get('Executive Summary'),
        recoloured: [...(CSS.highlights.get('notebook-c0fa626-0') ?? [])].map((r) => r.toString()),
      };
    }, [kept, recoloured]);
    expect(result).toEqual({ texts: ['Executive Summary', 'Long-Term Strategy'], keptSameRange: true, recoloured: ['Long-Term Strategy'] });
  });

  it('finds the highlights under a character, in text order', async () => {
    const wide = at(sentence);
    const ttp = wide.start + sentence.indexOf('TTP');
    const inner = { id: 'inner', range: { start: ttp, end: ttp + 3 }, color: '#0fa626', needsReview: false } as unknown as PaintItem;
    const probes = [at('Executive Summary').start, ttp + 1, wide.start + 1, wide.end];
    const found = await withPainter([inner, item('outer', sentence), item('elsewhere', 'Executive Summary')], (painter, offsets) => offsets.map((o) => painter.highlightsAt(o as never)), probes);
    expect(found).toEqual([['elsewhere'], ['outer', 'inner'], ['outer'], []]);
  });

  it('marks the hovered, the pending and the emphasised passages in their own layers, and clears them', async () => {
    const shown = await withPainter([item('a', sentence)], async (painter, range) => {
      const texts = (name: string) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString());
      painter.showHover(['a' as never]);
      painter.showPending(range as never);
      painter.emphasise(range as never, 50);
      const during = [texts('notebook-hover'), texts('notebook-pending'), texts('notebook-emphasis')];
      painter.showHover([]);
      painter.showPending(null);
      await new Promise((done) => setTimeout(done, 80));
      return { during, after: [texts('notebook-hover'), texts('notebook-pending'), texts('notebook-emphasis')] };
    }, at(sentence));
    expect(shown).toEqual({ during: [[sentence], [sentence], [sentence]], after: [[], [], []] });
  });

  it('leaves no range behind when disposed', async () => {
    await withPainter([item('a', sentence), item('b', 'Executive Summary', '#0fa626', true)], () => undefined);
    const left = await layerTexts();
    expect(Object.values(left).flat()).toEqual([]);
  });

  it('paints 5,000 highlights on the report in short slices of work, reporting how long it took', async () => {
    const random = seededRandom(20251122);
    const colors = ['#db192f', '#0fa626', '#1392d4', '#bc42f7', '#f2c94c', '#e8710a', '#12a4a4', '#8d6e63'];
    const blocks = report.blocks.filter((b) => b.range.end - b.range.start > 40);
    const items = Array.from({ length: 5000 }, (_, i) => {
      const block = random.pick(blocks);
      const length = Math.min(20 + random.below(280), block.range.end - block.range.start);
      const start = block.range.start + random.below(block.range.end - block.range.start - length + 1);
      return { id: `h${i}`, range: { start, end: start + length }, color: random.pick(colors), needsReview: i % 97 === 0 };
    });
    const figures = await inPage(
      async (m, root, items) => {
        const longTasks: number[] = [];
        const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
        observer.observe({ type: 'longtask' });
        // Times paint() and each slice of painting work after it (timer tasks).
        const slices: number[] = [];
        const timed = (run: () => void) => {
          const from = performance.now();
          run();
          slices.push(performance.now() - from);
        };
        const setTimer = window.setTimeout;
        window.setTimeout = ((callback: () => void, ms?: number) => setTimer(() => timed(callback), ms)) as typeof window.setTimeout;
        const painter = m.createHighlightPainter(root);
        if (!painter) throw new Error('This Chromium has no CSS Custom Highlight API.');
        const registered = () => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
        const started = performance.now();
        timed(() => painter.paint(items as never));
        const afterFirstSlice = registered();
        await painter.whenPainted();
        const registerMs = performance.now() - started;
        window.setTimeout = setTimer;
        const ranges = registered();
        // Let a frame be drawn with them, then scroll through the report while they are painted.
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        const scroller = document.scrollingElement as Element;
        const frameStart = performance.now();
        let frames = 0;
        let worstFrameMs = 0;
        await new Promise<void>((done) => {
          let last = performance.now();
          const step = () => {
            const now = performance.now();
            worstFrameMs = Math.max(worstFrameMs, now - last);
            last = now;
            frames += 1;
            scroller.scrollTop += 400;
            if (frames < 60) requestAnimationFrame(step);
            else done();
          };
          requestAnimationFrame(step);
        });
        const scrollMs = performance.now() - frameStart;
        await new Promise((done) => setTimeout(done, 0));
        observer.disconnect();
        painter.dispose();
        scroller.scrollTop = 0;
        return { afterFirstSlice, registerMs, busyMs: slices.reduce((a, b) => a + b, 0), slices: slices.length, longestSliceMs: Math.max(...slices), ranges, longTasks, worstFrameMs, scrollMs };
      },
      items,
    );
    console.info(
      `Painting 5,000 highlights on the report: registered in ${figures.registerMs.toFixed(1)} ms (${figures.busyMs.toFixed(1)} ms of work in ${figures.slices} slices, longest ${figures.longestSliceMs.toFixed(1)} ms); long tasks: ${figures.longTasks.map((d) => d.toFixed(0)).join(', ') || 'none'}; 60 scrolled frames in ${figures.scrollMs.toFixed(0)} ms, worst ${figures.worstFrameMs.toFixed(1)} ms.`,
    );
    // Timings depend on the machine and what else runs on it, so they are reported, not asserted;
    // what is asserted is that the work is split into tasks and that all of it gets done.
    expect(figures.afterFirstSlice).toBe(0);
    expect(figures.slices).toBeGreaterThan(1);
    expect(figures.ranges).toBe(5000);
  });
});
