import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import type { Block, BlockKind } from '../../core/model/source';
import { outlineOf } from './source-outline';

/** Blocks over a text where each block is one line. */
function source(lines: readonly (readonly [BlockKind, string, number?, boolean?])[]): { text: string; blocks: Block[] } {
  let text = '';
  const blocks = lines.map(([kind, line, level, trailer]) => {
    const start = text.length;
    text += `${line}\n`;
    return { kind, range: { start: charOffset(start), end: charOffset(start + line.length) }, marks: [], ...(level === undefined ? {} : { level }), ...(trailer ? { trailer } : {}) };
  });
  return { text, blocks };
}

describe('outlineOf', () => {
  it('lists the headings in order, nested from the outermost level the source uses', () => {
    const { text, blocks } = source([
      ['heading', 'Executive Summary', 2],
      ['paragraph', 'Body.'],
      ['heading', 'Recommendations', 2],
      ['heading', 'For the region', 3],
    ]);
    expect(outlineOf(text, blocks)).toEqual([
      { index: 0, depth: 1, title: 'Executive Summary' },
      { index: 2, depth: 1, title: 'Recommendations' },
      { index: 3, depth: 2, title: 'For the region' },
    ]);
  });

  it('leaves out the trailer and headings without words, and folds line breaks', () => {
    const { text, blocks } = source([
      ['heading', 'Ways   Forward', 1],
      ['heading', '   ', 1],
      ['heading', 'Related links', 1, true],
    ]);
    expect(outlineOf(text, blocks)).toEqual([{ index: 0, depth: 1, title: 'Ways Forward' }]);
  });

  it('is empty for a source without headings', () => {
    const { text, blocks } = source([['paragraph', 'Only text.']]);
    expect(outlineOf(text, blocks)).toEqual([]);
  });
});
