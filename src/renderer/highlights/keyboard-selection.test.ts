import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ParsedSource } from '../../core/model/source';
import { useChromiumPage } from '../../../tests/unit/support/chromium-page';
import { rendererStyles } from '../../../tests/unit/support/renderer-styles';
import { sampleSource } from '../../../tests/unit/support/sample-source';
import { groupBlocks } from '../reader/block-groups';
import { indexFootnotes } from '../reader/footnotes';
import { SourceBody } from '../reader/SourceBody';
import type * as KeyboardSelection from './keyboard-selection';
import { selectionStep } from './keyboard-selection';

function sourceMarkup({ text, blocks }: ParsedSource): string {
  const context = { text, blocks, footnotes: indexFootnotes(blocks), scope: 'k', navigate: () => undefined };
  const body = createElement(SourceBody, { groups: groupBlocks(blocks), context, trailerOpen: false, onTrailerToggle: () => undefined });
  return renderToStaticMarkup(createElement('div', { id: 'body', className: 'reader source-body' }, body));
}

const page = useChromiumPage({
  bodyHtml: sourceMarkup(sampleSource),
  css: rendererStyles('theme.css', 'reader.css'),
  modulePath: new URL('./keyboard-selection.ts', import.meta.url).pathname,
});
const { text, blocks } = sampleSource;

/** Starts a selection at the first block and applies the key presses; returns the selected text. */
function selectWith(keys: readonly [string, boolean][]): Promise<string> {
  const steps = keys.map(([key, byWord]) => selectionStep(key, byWord));
  return page().evaluate((steps) => {
    const m = (window as unknown as { modules: typeof KeyboardSelection }).modules;
    const body = document.getElementById('body') as Element;
    const first = body.querySelector('[data-start]')?.firstChild as Text;
    document.getSelection()?.removeAllRanges();
    for (const step of steps) if (step) m.extendSelection(body, step, () => ({ node: first, offset: 0 }));
    return document.getSelection()?.toString() ?? '';
  }, steps);
}

describe('selectionStep', () => {
  it('maps the arrows, Home and End to the steps of a text editor, and nothing else', () => {
    expect(selectionStep('ArrowRight', false)).toEqual({ direction: 'forward', granularity: 'character' });
    expect(selectionStep('ArrowLeft', true)).toEqual({ direction: 'backward', granularity: 'word' });
    expect(selectionStep('ArrowDown', false)).toEqual({ direction: 'forward', granularity: 'line' });
    expect(selectionStep('ArrowUp', true)).toEqual({ direction: 'backward', granularity: 'paragraph' });
    expect(selectionStep('End', false)).toEqual({ direction: 'forward', granularity: 'lineboundary' });
    expect(selectionStep('h', false)).toBeNull();
  });
});

describe('extendSelection', () => {
  it('selects text that is not editable, a character and then a word at a time', async () => {
    const first = text.slice(blocks[0]?.range.start, blocks[0]?.range.end);
    expect(await selectWith([['ArrowRight', false], ['ArrowRight', false]])).toBe(first.slice(0, 2));
    expect(await selectWith([['ArrowRight', true]])).toBe(first.split(' ')[0]);
  });

  it('extends across blocks line by line, and back', async () => {
    const down = await selectWith([['ArrowDown', false], ['ArrowDown', false], ['ArrowDown', false]]);
    expect(down.length).toBeGreaterThan(text.slice(blocks[0]?.range.start, blocks[0]?.range.end).length);
    const back = await selectWith([['ArrowDown', false], ['ArrowDown', false], ['ArrowDown', false], ['ArrowUp', false]]);
    expect(back.length).toBeLessThan(down.length);
  });

  it('keeps extending a selection already in the text rather than starting again', async () => {
    const twice = await page().evaluate(() => {
      const m = (window as unknown as { modules: typeof KeyboardSelection }).modules;
      const body = document.getElementById('body') as Element;
      const paragraph = body.querySelector('.source-paragraph [data-start]')?.firstChild as Text;
      document.getSelection()?.collapse(paragraph, 3);
      const elsewhere = () => ({ node: body.querySelector('[data-start]')?.firstChild as Text, offset: 0 });
      m.extendSelection(body, { direction: 'forward', granularity: 'character' }, elsewhere);
      m.extendSelection(body, { direction: 'forward', granularity: 'character' }, elsewhere);
      return { selected: document.getSelection()?.toString(), expected: paragraph.data.slice(3, 5) };
    });
    expect(twice.selected).toBe(twice.expected);
  });

  it('does nothing when there is nowhere to start', async () => {
    const moved = await page().evaluate(() => {
      const m = (window as unknown as { modules: typeof KeyboardSelection }).modules;
      document.getSelection()?.removeAllRanges();
      return m.extendSelection(document.getElementById('body') as Element, { direction: 'forward', granularity: 'character' }, () => null);
    });
    expect(moved).toBe(false);
  });
});
