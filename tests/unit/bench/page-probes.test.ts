import { describe, expect, it } from 'vitest';
import { paintedOffsets, paintSettled, watchHighlightPainting, watchSourceVisible, wrapHighlightsInMarks } from '../../../bench/page-probes';
import { useChromiumPage } from '../support/chromium-page';

// Text nodes as the reader renders them: "The Taliban have " (0–17), "not severed ties" (17–33), " with al-Qaeda." (33–48).
const READER = `<article class="reader" aria-busy="false"><h1 class="source-title">A report</h1><div class="source-body">
<p data-start="0">The Taliban have </p><p><span data-start="17">not severed ties</span><span data-start="33"> with al-Qaeda.</span></p></div></article>`;

const page = useChromiumPage({ bodyHtml: '<div id="host"></div>' });

async function showReader(): Promise<void> {
  await page().evaluate((html) => {
    (CSS.highlights as unknown as Map<string, Highlight>).clear();
    (document.getElementById('host') as Element).innerHTML = html.replace(/\n/g, '');
  }, READER);
}

describe('the page probes of the browser benchmarks', () => {
  it('reads painted highlights back as offsets into the rendered text', async () => {
    await showReader();
    await page().evaluate(() => {
      const [first, second] = Array.from(document.querySelectorAll('[data-start]'), (el) => el.firstChild as Text);
      const range = document.createRange();
      range.setStart(first as Text, 4);
      range.setEnd(second as Text, 3);
      const other = document.createRange();
      other.setStart(second as Text, 4);
      other.setEnd(second as Text, 11);
      // The DOM typings of this project's Node-side config lack the registry's map methods.
      const registry = CSS.highlights as unknown as Map<string, Highlight>;
      registry.set('notebook-c1f6feb-0', new Highlight(range));
      registry.set('notebook-review', new Highlight(other));
      registry.set('notebook-hover', new Highlight(other));
    });
    const painted = await page().evaluate(paintedOffsets);
    expect(painted.text).toEqual({ textNodes: 3, length: 48 });
    expect(painted.offsets).toEqual([
      [4, 20],
      [21, 28],
    ]);
  });

  it('wraps every highlighted character in as many <mark>s as highlights cover it, leaving the text as it was', async () => {
    await showReader();
    const offsets: [number, number][] = [
      [4, 20],
      [10, 28],
      [21, 28],
      [0, 48],
    ];
    const wrap = await page().evaluate(wrapHighlightsInMarks, { text: { textNodes: 3, length: 48 }, offsets });
    expect(wrap.highlights).toBe(4);
    const coverage = await page().evaluate(() => {
      const body = document.querySelector('.source-body') as Element;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      const perCharacter: number[] = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        let marks = 0;
        for (let parent = node.parentElement; parent !== null && parent !== body; parent = parent.parentElement) if (parent.tagName === 'MARK') marks += 1;
        for (let i = 0; i < (node as Text).length; i++) perCharacter.push(marks);
      }
      return { text: body.textContent, perCharacter };
    });
    expect(coverage.text).toBe('The Taliban have not severed ties with al-Qaeda.');
    expect(coverage.perCharacter).toEqual(Array.from({ length: 48 }, (_, i) => offsets.filter(([start, end]) => start <= i && i < end).length));
    expect(wrap.marks).toBeGreaterThanOrEqual(offsets.length);
  });

  it('refuses to wrap text other than the one the highlights were painted on', async () => {
    await showReader();
    await expect(page().evaluate(wrapHighlightsInMarks, { text: { textNodes: 3, length: 50 }, offsets: [[0, 3] as const] })).rejects.toThrow(/not the 3 and 50/);
  });

  it('sees painting settle once the expected ranges are painted and nothing changed for half a second', async () => {
    await showReader();
    await page().evaluate(watchHighlightPainting);
    expect(await page().evaluate(paintSettled, 2)).toBe(false);
    const probe = await page().evaluate(async () => {
      const text = document.querySelector('[data-start]')?.firstChild as Text;
      const ranges = [0, 4].map((start) => {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + 3);
        return range;
      });
      const highlight = new Highlight();
      (CSS.highlights as unknown as Map<string, Highlight>).set('notebook-cf2c94c-0', highlight);
      for (const range of ranges) (highlight as unknown as Set<Range>).add(range);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return window.__benchPaint;
    });
    expect(probe?.changes).toBe(2);
    expect(probe?.painted).not.toBeNull();
    expect(probe?.painted ?? 0).toBeGreaterThanOrEqual(probe?.lastChange ?? Infinity);
    expect(await page().evaluate(paintSettled, 2)).toBe(false);
    await page().waitForFunction(paintSettled, 2, { timeout: 5_000 });
    expect(await page().evaluate(paintSettled, 3)).toBe(false);
  });

  it('notes when the reader shows the source with the title it waits for', async () => {
    await page().evaluate(() => {
      (document.getElementById('host') as Element).innerHTML = '';
    });
    await page().evaluate(watchSourceVisible, 'A report');
    expect(await page().evaluate(() => window.__benchVisible?.visibleAt)).toBeNull();
    await showReader();
    await page().waitForFunction(() => window.__benchVisible?.visibleAt != null, null, { timeout: 5_000 });
    const visibleAt = await page().evaluate(() => window.__benchVisible?.visibleAt ?? 0);
    expect(Math.abs(visibleAt - Date.now())).toBeLessThan(5_000);
  });
});
