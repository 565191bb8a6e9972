import { describe, expect, it } from 'vitest';
import { charOffset } from '../../core/model/ids';
import type { Snippet, SnippetOffset } from '../../core/search/search-types';
import { snippetParts } from './snippet-parts';

const at = (n: number) => n as SnippetOffset;
const snippet = (text: string, highlights: [number, number][], clippedStart = false, clippedEnd = false): Snippet => ({
  text,
  start: charOffset(100),
  highlights: highlights.map(([from, to]) => [at(from), at(to)] as const),
  clippedStart,
  clippedEnd,
});

describe('snippetParts', () => {
  it('marks the hits between the plain text', () => {
    expect(snippetParts(snippet('known as IS-K, or ISKP', [[9, 13], [18, 22]]))).toEqual([
      { text: 'known as ', hit: false },
      { text: 'IS-K', hit: true },
      { text: ', or ', hit: false },
      { text: 'ISKP', hit: true },
    ]);
  });

  it('shows an ellipsis where the passage goes on before or after', () => {
    expect(snippetParts(snippet('ISKP claimed it', [[0, 4]], true, true))).toEqual([
      { text: '… ', hit: false },
      { text: 'ISKP', hit: true },
      { text: ' claimed it', hit: false },
      { text: ' …', hit: false },
    ]);
  });
});
