import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { assembleSource } from '../../../tests/unit/support/sample-source';
import { BlockView } from './BlockView';
import { indexFootnotes } from './footnotes';
import type { SourceViewContext } from './source-view-context';

const { text, blocks } = assembleSource([
  { kind: 'heading', level: 1, text: 'Introduction' },
  { kind: 'paragraph', text: 'A paragraph a page begins in.' },
  { kind: 'note', note: 1, text: 'A note two pages begin in.' },
]);
const context = (pageStarts?: SourceViewContext['pageStarts']): SourceViewContext => ({ text, blocks, footnotes: indexFootnotes(blocks), pageStarts, scope: 'r', navigate: () => undefined });
const markup = (index: number, pageStarts?: SourceViewContext['pageStarts']) => renderToStaticMarkup(createElement(BlockView, { index, context: context(pageStarts) }));
const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

describe('BlockView: page markers', () => {
  const starts = new Map([
    [1, ['12']],
    [2, ['13', '14']],
  ]);

  it('marks a block a page begins in with its label and a tooltip, adding no text to the block', () => {
    const paragraph = markup(1, starts);
    expect(paragraph).toMatch(/^<p [^>]*data-page-start="12" title="Page 12 begins in this paragraph"/);
    expect(textOf(paragraph)).toBe('A paragraph a page begins in.');
    expect(markup(2, starts)).toMatch(/data-page-start="13–14" data-page-range="" title="Pages 13–14 begin in this note"/);
    expect(paragraph).not.toContain('data-page-range');
  });

  it('marks no other block, and nothing in a source without pages', () => {
    expect(markup(0, starts)).not.toContain('data-page-start');
    expect(markup(1)).not.toContain('data-page-start');
    expect(markup(1)).not.toContain('title=');
  });
});
