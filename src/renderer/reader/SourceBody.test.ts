import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../core/model/source';
import { bundledSources } from '../../../tests/unit/support/bundled-sources';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import { rendererStyles } from '../../../tests/unit/support/renderer-styles';
import { sampleSource } from '../../../tests/unit/support/sample-source';
import { groupBlocks } from './block-groups';
import { indexFootnotes } from './footnotes';
import { SourceBody } from './SourceBody';

/** The reader's markup for a source, as React renders it, in an element with the given id. */
function sourceMarkup({ text, blocks }: ParsedSource, id: string, trailerOpen: boolean): string {
  const context = { text, blocks, footnotes: indexFootnotes(blocks), scope: id, navigate: () => undefined };
  const body = createElement(SourceBody, { groups: groupBlocks(blocks), context, trailerOpen, onTrailerToggle: () => undefined });
  return renderToStaticMarkup(createElement('div', { id, className: 'source-body' }, body));
}

const corpus = bundledSources();
const page = useChromiumPage({
  bodyHtml: [
    sourceMarkup(sampleSource, 'closed', false),
    sourceMarkup(sampleSource, 'open', true),
    ...corpus.map(({ parsed }, i) => sourceMarkup(parsed, `bundled-${i}`, false)),
  ].join(''),
  css: rendererStyles('theme.css', 'reader.css'),
});
const closed = () => page().locator('#closed');

/** The rendered canonical text under `root`: each data-start span's offset and text, in document order. */
const renderedRuns = (root: ReturnType<typeof closed>) =>
  root.locator('[data-start]').evaluateAll((els) => els.map((el) => ({ start: Number(el.getAttribute('data-start')), text: el.textContent ?? '', children: el.childNodes.length })));

/** Checks that the runs are canonical text at their offsets and, joined where they touch, exactly the blocks. */
function expectRunsTileBlocks(runs: Awaited<ReturnType<typeof renderedRuns>>, source: ParsedSource) {
  for (const run of runs) {
    expect(run.children).toBe(1);
    expect(run.text).toBe(source.text.slice(run.start, run.start + run.text.length));
  }
  const joined: [number, number][] = [];
  for (const run of runs) {
    const last = joined.at(-1);
    if (last && last[1] === run.start) last[1] += run.text.length;
    else joined.push([run.start, run.start + run.text.length]);
  }
  expect(joined).toEqual(source.blocks.map((b) => [b.range.start, b.range.end]));
}

describe('SourceBody', () => {
  it('puts every character of every block in a data-start span at its offset, once and in order', async () => {
    expectRunsTileBlocks(await renderedRuns(closed()), sampleSource);
  });

  it('does so for every bundled source', async () => {
    expect(corpus).toHaveLength(5);
    for (const [i, { parsed }] of corpus.entries()) expectRunsTileBlocks(await renderedRuns(page().locator(`#bundled-${i}`)), parsed);
  });

  it('resolves every in-reader link of every bundled source to an element that can take focus', async () => {
    const unresolved = await page().evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('[id^="bundled-"] a[href^="#"]')]
        .map((a) => ({ href: a.getAttribute('href') ?? '', target: document.getElementById((a.getAttribute('href') ?? '').slice(1)) }))
        .filter(({ target }) => !target || !(target instanceof HTMLAnchorElement || target.tabIndex === -1))
        .map(({ href }) => href),
    );
    expect(unresolved).toEqual([]);
    // The report cites 143 notes; each marker is a link and each note links back.
    const report = page().locator(`#bundled-${corpus.findIndex(({ file }) => file.startsWith('004_'))}`);
    expect(await report.getByRole('note').count()).toBe(143);
    expect(await report.locator('.note-back-link').count()).toBe(143);
  });

  it('adds no text of its own but the back-link and the trailer’s label', async () => {
    const stray = await closed().evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const found: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.hasAttribute('data-start')) found.push(n.nodeValue ?? '');
      return found;
    });
    expect(stray).toEqual(['↩', 'Trailer: links the aggregator appended to the capture', 'Show 2 entries']);
  });

  it('places the source’s headings below the reader’s title', async () => {
    await expect.poll(() => closed().getByRole('heading', { level: 2, name: 'Under Review' }).count()).toBe(1);
    await expect.poll(() => closed().getByRole('heading', { level: 3, name: 'Introduction' }).count()).toBe(1);
    expect(await closed().locator('h1').count()).toBe(0);
  });

  it('links every footnote marker to its note, and the note back to the first marker', async () => {
    const markers = closed().getByRole('link', { name: 'Note 1', exact: true });
    expect(await markers.count()).toBe(2);
    expect(await markers.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['#closed-note-1', '#closed-note-1']);
    const note = closed().getByRole('note', { name: 'Note 1' });
    expect(await note.getAttribute('id')).toBe('closed-note-1');
    expect(await note.getAttribute('tabindex')).toBe('-1');
    const back = note.getByRole('link', { name: 'Back to where note 1 is cited' });
    expect(await back.getAttribute('href')).toBe(`#${await markers.first().getAttribute('id')}`);
  });

  it('links a table-of-contents entry to its heading, which can take focus', async () => {
    const entry = closed().getByRole('navigation', { name: 'Table of contents' }).getByRole('link', { name: 'Introduction' });
    const target = (await entry.getAttribute('href'))?.slice(1) ?? '';
    const heading = closed().locator(`[id="${target}"]`);
    expect(await heading.evaluate((h) => [h.tagName, h.textContent, h.getAttribute('tabindex')])).toEqual(['H3', 'Introduction', '-1']);
  });

  it('opens source links outside the notebook, without handing it over', async () => {
    const link = closed().getByRole('link', { name: 'a link' });
    expect(await link.evaluate((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      'https://example.org/talks',
      '_blank',
      'noopener noreferrer',
    ]);
  });

  it('draws list markers at their depth without putting them in the text', async () => {
    const items = closed().locator('.source-list-item').first().locator('xpath=..').locator('li');
    const markers = await items.evaluateAll((lis) => lis.map((li) => [getComputedStyle(li, '::before').content, li.style.getPropertyValue('--depth')]));
    expect(markers).toEqual([
      ['"1."', '0'],
      ['"•"', '1'],
    ]);
  });

  it('sets the trailer apart in a named region, collapsed until asked', async () => {
    const name = 'Trailer: links the aggregator appended to the capture';
    for (const [root, open] of [[closed(), false], [page().locator('#open'), true]] as const) {
      const region = root.getByRole('region', { name });
      // The chevron is decoration: the button's name starts with the label.
      const toggle = region.getByRole('button', { name: new RegExp(`^${name} (Show 2 entries|Hide)$`) });
      expect(await toggle.getAttribute('aria-expanded')).toBe(String(open));
      expect(await region.getByText('Another story - Some Site').isVisible()).toBe(open);
    }
  });
});
