import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import type { ParsedSource, TextRange } from '../../core/model/source';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import { sampleSource } from '../../../tests/unit/support/sample-source';
import { groupBlocks } from './block-groups';
import type * as DomOffsets from './dom-offsets';
import { indexFootnotes } from './footnotes';
import { SourceBody } from './SourceBody';

/** The reader's markup for a source, exactly as React renders it. */
function sourceMarkup({ text, blocks }: ParsedSource): string {
  const context = { text, blocks, footnotes: indexFootnotes(blocks), scope: 'r', navigate: () => undefined };
  const body = createElement(SourceBody, { groups: groupBlocks(blocks), context, trailerOpen: false, onTrailerToggle: () => undefined });
  return renderToStaticMarkup(createElement('div', { id: 'root' }, body));
}

const samplePage = useChromiumPage({ bodyHtml: sourceMarkup(sampleSource), modulePath: new URL('./dom-offsets.ts', import.meta.url).pathname });
const { text, blocks } = sampleSource;

/** Runs `fn` in the page with the dom-offsets module and the reader's root element. */
function inPage<A, R>(page: Page, fn: (m: typeof DomOffsets, root: Element, arg: A) => R, arg: A): Promise<R> {
  return page.evaluate(
    ({ source, arg }) => {
      const run = new Function(`return (${source})`)() as (m: unknown, root: Element, arg: unknown) => R;
      return run((window as unknown as { modules: unknown }).modules, document.getElementById('root') as Element, arg);
    },
    { source: fn.toString(), arg },
  );
}

const at = (needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" is not in the sample text`);
  return i;
};

describe('pointToOffset and offsetToPoint', () => {
  it('round-trip every offset of every block', async () => {
    const page = samplePage();
    const ranges = blocks.map((b) => [b.range.start, b.range.end] as const);
    const mismatches = await inPage(
      page,
      (m, root, blockRanges) => {
        const wrong: string[] = [];
        for (const [start, end] of blockRanges) {
          for (let o: number = start; o <= end; o += 1) {
            for (const snap of ['forward', 'backward'] as const) {
              if ((snap === 'forward' && o === end) || (snap === 'backward' && o === start)) continue;
              const point = m.offsetToPoint(root, o as never, snap);
              const back = point && m.pointToOffset(root, point.node, point.offset, snap);
              if (back !== o) wrong.push(`${snap} ${o} -> ${back}`);
            }
          }
        }
        return wrong;
      },
      ranges,
    );
    expect(mismatches).toEqual([]);
  });

  it('counts a character outside the Basic Multilingual Plane as two, as the canonical text does', async () => {
    const page = samplePage();
    const globe = at('🌐');
    const point = await inPage(page, (m, root, o) => {
      const p = m.offsetToPoint(root, (o + 2) as never, 'backward');
      return p && { text: p.node.data, offset: p.offset };
    }, globe);
    expect(point).toEqual({ text: 'émphasis 🌐', offset: 'émphasis 🌐'.length });
  });

  it('snaps a point between blocks, or in text of the reader’s own, to the nearest canonical character', async () => {
    const page = samplePage();
    const result = await inPage(page, (m, root) => {
      const note = root.querySelector('.source-note') as Element;
      const backLink = note.querySelector('a') as Element;
      const item = root.querySelector('.source-list-item') as Element;
      return {
        beforeItem: m.pointToOffset(root, item, 0, 'forward'),
        afterNoteForward: m.pointToOffset(root, note, note.childNodes.length, 'forward'),
        afterNoteBackward: m.pointToOffset(root, note, note.childNodes.length, 'backward'),
        inBackLink: m.pointToOffset(root, backLink.firstChild as Node, 1, 'forward'),
        outsideRoot: m.pointToOffset(root, document.body, 0, 'forward'),
      };
    }, null);
    const note = blocks.find((b) => b.kind === 'note');
    const firstItem = blocks.find((b) => b.kind === 'listItem');
    const trailer = blocks.find((b) => b.trailer);
    expect(result).toEqual({
      beforeItem: firstItem?.range.start,
      afterNoteForward: trailer?.range.start,
      afterNoteBackward: note?.range.end,
      inBackLink: trailer?.range.start,
      outsideRoot: null,
    });
  });

  it('gives a gap between blocks the start of the next block going forward and the end of the previous going back', async () => {
    const page = samplePage();
    const [first, second] = blocks;
    const points = await inPage(page, (m, root, gap) => {
      const f = m.offsetToPoint(root, gap as never, 'forward');
      const b = m.offsetToPoint(root, gap as never, 'backward');
      return { forward: f && [f.node.data, f.offset], backward: b && [b.node.data, b.offset] };
    }, (first?.range.end ?? 0) + 1);
    expect(points).toEqual({ forward: [text.slice(second?.range.start, second?.range.end), 0], backward: ['Under Review', 12] });
  });
});

describe('domRangeToTextRange', () => {
  it('reads a Selection made across marks and blocks', async () => {
    const page = samplePage();
    const from = at('began');
    const to = at('item') + 2;
    const range = await inPage(page, (m, root, [start, end]) => {
      const s = m.offsetToPoint(root, start as never, 'forward');
      const e = m.offsetToPoint(root, end as never, 'backward');
      if (!s || !e) return null;
      const selection = document.getSelection() as Selection;
      selection.setBaseAndExtent(s.node, s.offset, e.node, e.offset);
      return m.domRangeToTextRange(root, selection.getRangeAt(0));
    }, [from, to] as const);
    expect(range).toEqual({ start: from, end: to });
  });

  it('is null for a range over the reader’s own text only', async () => {
    const page = samplePage();
    const range = await inPage(page, (m, root) => {
      const dom = document.createRange();
      dom.selectNodeContents(root.querySelector('.trailer-toggle') as Node);
      return m.domRangeToTextRange(root, dom);
    }, null);
    expect(range).toBeNull();
  });
});

describe('textRangeToDomRange', () => {
  const domRange = (page: Page, range: TextRange) =>
    inPage(page, (m, root, r) => {
      const dom = m.textRangeToDomRange(root, r as never);
      return dom && { text: dom.toString(), startsIn: dom.startContainer.parentElement?.parentElement?.tagName ?? null, startOffset: dom.startOffset };
    }, range);

  it('starts a range over a mark inside the mark, not at the end of the text before it', async () => {
    const page = samplePage();
    const start = at('bold and');
    const range = await domRange(page, { start: charOffset(start), end: charOffset(start + 4) });
    expect(range).toEqual({ text: 'bold', startsIn: 'STRONG', startOffset: 0 });
  });

  it('spans blocks, leaving out the unrendered gap between them', async () => {
    const page = samplePage();
    const range = await domRange(page, { start: charOffset(at('follow.')), end: charOffset(at('quoted') + 6) });
    expect(range?.text).toBe('follow.“A quoted');
  });

  it('is null for a range wholly between blocks', async () => {
    const page = samplePage();
    const end = blocks[0]?.range.end ?? 0;
    expect(await domRange(page, { start: charOffset(end), end: charOffset(end + 2) })).toBeNull();
  });
});
