import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleSource } from '../../../tests/unit/support/sample-source';
import { charOffset } from '../model/ids';
import { createPassageLocator, locatePassage } from './locate-passage';
import { parseSource } from './parse-source';

const source = assembleSource([
  { kind: 'paragraph', text: 'Before any heading.' },
  { kind: 'heading', level: 1, text: 'Executive Summary' },
  { kind: 'paragraph', text: 'First paragraph.' },
  { kind: 'listItem', depth: 0, marker: '•', text: 'A list item counts as a paragraph.' },
  { kind: 'heading', level: 2, text: 'Recommendations' },
  { kind: 'paragraph', text: 'Recommendation one.' },
  { kind: 'quote', text: 'A quoted passage.' },
]);
const at = (needle: string): number => {
  const i = source.text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" is not in the sample`);
  return i;
};

describe('locatePassage', () => {
  it('gives the nearest preceding heading and the ordinal of the block within its section', () => {
    expect(locatePassage(source, at('First paragraph'))).toEqual({ heading: 'Executive Summary', paragraph: 1 });
    expect(locatePassage(source, at('list item'))).toEqual({ heading: 'Executive Summary', paragraph: 2 });
    expect(locatePassage(source, at('Recommendation one') + 5)).toEqual({ heading: 'Recommendations', paragraph: 1 });
    expect(locatePassage(source, at('quoted passage'))).toEqual({ heading: 'Recommendations', paragraph: 2 });
  });

  it('has no heading before the first one, and paragraph 0 inside a heading', () => {
    expect(locatePassage(source, 0)).toEqual({ heading: null, paragraph: 1 });
    expect(locatePassage(source, at('Summary'))).toEqual({ heading: 'Executive Summary', paragraph: 0 });
  });

  it('puts an offset between blocks in the block after it, and one past the end in the last block', () => {
    const afterFirst = at('First paragraph.') + 'First paragraph.'.length;
    expect(locatePassage(source, afterFirst)).toEqual({ heading: 'Executive Summary', paragraph: 2 });
    expect(locatePassage(source, afterFirst + 1)).toEqual({ heading: 'Executive Summary', paragraph: 2 });
    expect(locatePassage(source, source.text.length)).toEqual({ heading: 'Recommendations', paragraph: 2 });
  });

  it('locates a passage of the bundled report under its section heading', () => {
    const report = parseSource(readFileSync(new URL('../../../resources/sources/004_22ba044b9207139b.txt', import.meta.url), 'utf8'), 'markdown');
    const locate = createPassageLocator(report);
    const headings = report.blocks.filter((b) => b.kind === 'heading');
    const second = headings[1];
    if (second === undefined) throw new Error('the report has fewer than two headings');
    const title = report.text.slice(second.range.start, second.range.end);
    const next = report.blocks[report.blocks.indexOf(second) + 1];
    expect(next?.kind).not.toBe('heading');
    expect(locate(next?.range.start ?? -1)).toEqual({ heading: title, paragraph: 1 });
  });

  it('has nothing to say of a source without blocks', () => {
    expect(locatePassage({ text: '', blocks: [] }, 0)).toEqual({ heading: null, paragraph: 0 });
  });

  it('gives the pages of a passage of a paginated source, from its start to its end', () => {
    const boundary = at('list item');
    const paginated = {
      ...source,
      pages: [
        { index: 1, label: '11', range: { start: charOffset(0), end: charOffset(boundary) } },
        { index: 2, label: '12', range: { start: charOffset(boundary), end: charOffset(source.text.length) } },
      ],
    };
    const locate = createPassageLocator(paginated);
    const first = at('First paragraph');
    expect(locate(first, first + 5)).toEqual({ heading: 'Executive Summary', paragraph: 1, pages: 'p. 11' });
    expect(locate(first, boundary + 4)).toEqual({ heading: 'Executive Summary', paragraph: 1, pages: 'pp. 11–12' });
    // The end is exclusive: a passage ending where its page ends is on that page alone.
    expect(locate(first, boundary)).toEqual({ heading: 'Executive Summary', paragraph: 1, pages: 'p. 11' });
    expect(locatePassage(paginated, boundary)).toEqual({ heading: 'Executive Summary', paragraph: 2, pages: 'p. 12' });
  });

  it('gives no pages for a source without them', () => {
    expect(locatePassage(source, 0, 10)).not.toHaveProperty('pages');
  });
});
