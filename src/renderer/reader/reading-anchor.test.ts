import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../core/model/source';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import { rendererStyles } from '../../../tests/unit/support/renderer-styles';
import { sampleSource } from '../../../tests/unit/support/sample-source';
import { groupBlocks } from './block-groups';
import { indexFootnotes } from './footnotes';
import type * as ReadingAnchor from './reading-anchor';
import { SourceBody } from './SourceBody';

/** The reader's markup for a source, with its trailer collapsed, inside a scrolling element. */
function scrollerMarkup({ text, blocks }: ParsedSource): string {
  const context = { text, blocks, footnotes: indexFootnotes(blocks), scope: 'r', navigate: () => undefined };
  const body = createElement(SourceBody, { groups: groupBlocks(blocks), context, trailerOpen: false, onTrailerToggle: () => undefined });
  return renderToStaticMarkup(createElement('div', { id: 'scroller', className: 'reader-scroller' }, createElement('div', { className: 'reader source-body' }, body)));
}

// The app's own styles, in a small window; the padding lets the last blocks scroll to the top too.
const css = `${rendererStyles('theme.css', 'reader.css')} #scroller { height: 240px; width: 360px; } .reader { padding-bottom: 240px; }`;

const page = useChromiumPage({ bodyHtml: scrollerMarkup(sampleSource), css, modulePath: new URL('./reading-anchor.ts', import.meta.url).pathname });

function inPage<A, R>(fn: (m: typeof ReadingAnchor, scroller: HTMLElement, arg: A) => R, arg: A): Promise<R> {
  return page().evaluate(
    ({ source, arg }) => {
      const run = new Function(`return (${source})`)() as (m: unknown, scroller: HTMLElement, arg: unknown) => R;
      return run((window as unknown as { modules: unknown }).modules, document.getElementById('scroller') as HTMLElement, arg);
    },
    { source: fn.toString(), arg },
  );
}

const { blocks } = sampleSource;
const shown = blocks.filter((b) => !b.trailer);

describe('firstVisibleBlockStart', () => {
  it('is the first block at the top of the source', async () => {
    const first = await inPage((m, scroller) => {
      scroller.scrollTop = 0;
      return m.firstVisibleBlockStart(scroller);
    }, null);
    expect(first).toBe(blocks[0]?.range.start);
  });

  it('counts a block whose top has scrolled away while most of it shows, but not one with a sliver left', async () => {
    const [mostShowing, sliverShowing] = await inPage((m, scroller) => {
      const paragraph = scroller.querySelector('.source-paragraph') as HTMLElement;
      const scrollTo = (y: number) => {
        scroller.scrollTop = 0;
        scroller.scrollTop = paragraph.getBoundingClientRect().top - scroller.getBoundingClientRect().top + y;
        return m.firstVisibleBlockStart(scroller);
      };
      return [scrollTo(10), scrollTo(paragraph.offsetHeight - 10)];
    }, null);
    const paragraph = blocks.findIndex((b) => b.kind === 'paragraph');
    expect(mostShowing).toBe(blocks[paragraph]?.range.start);
    expect(sliverShowing).toBe(blocks[paragraph + 1]?.range.start);
  });

  it('is null when nothing is rendered', async () => {
    expect(await inPage((m) => m.firstVisibleBlockStart(document.createElement('div')), null)).toBeNull();
  });
});

describe('scrollToOffset', () => {
  it('brings the block holding an offset to the top, where firstVisibleBlockStart finds it again', async () => {
    const found = await inPage(
      (m, scroller, offsets) =>
        offsets.map((offset) => {
          scroller.scrollTop = 0;
          return m.scrollToOffset(scroller, offset as never) ? m.firstVisibleBlockStart(scroller) : null;
        }),
      shown.map((b) => b.range.start + 1),
    );
    expect(found).toEqual(shown.map((b) => b.range.start));
  });

  it('skips blocks of a collapsed section, stopping at the last block shown before it', async () => {
    const trailerItem = blocks.filter((b) => b.trailer).at(-1);
    const found = await inPage((m, scroller, offset) => {
      scroller.scrollTop = 0;
      m.scrollToOffset(scroller, offset as never);
      return m.firstVisibleBlockStart(scroller);
    }, trailerItem?.range.start ?? 0);
    expect(found).toBe(shown.at(-1)?.range.start);
  });

  it('reports that it could not scroll when no block starts at or before the offset', async () => {
    expect(await inPage((m) => m.scrollToOffset(document.createElement('div'), 10 as never), null)).toBe(false);
  });
});
