import { describe, expect, it } from 'vitest';
import type { Highlight } from '../model/highlight';
import { charOffset, highlightId, sourceId, textHash, type HighlightId } from '../model/ids';
import { evidenceMatrix } from './evidence-matrix';
import { matrixMemo } from './matrix-memo';
import { passage, tag } from './test-passages';

const r1 = { ...tag('rec:r1', 'R1', 'family:recommendations'), description: 'Engage the Taliban on counter-terrorism.' };
const r2 = tag('rec:r2', 'R2', 'family:recommendations');
const sources = [
  { id: sourceId('s1'), title: 'Report' },
  { id: sourceId('s2'), title: 'News' },
];
const passages = [passage('h1', { source: 's1', tags: [['rec:r1', 'supports']] }), passage('h2', { source: 's2', tags: ['rec:r1'] })];

function highlight(id: string, source: string, quote: string, tags: Highlight['tags']): Highlight {
  const stamp = '2026-01-01T00:00:00.000Z';
  return {
    id: highlightId(id),
    target: { sourceId: sourceId(source), quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: charOffset(0), end: charOffset(quote.length) }, textHash: textHash('0') },
    color: null,
    tags,
    comment: '',
    created: stamp,
    modified: stamp,
  };
}

const highlights = new Map<HighlightId, Highlight>([
  [highlightId('h1'), highlight('h1', 's1', 'Engagement works.', passages[0]?.tags ?? [])],
  [highlightId('h2'), highlight('h2', 's2', 'Talks resumed.', passages[1]?.tags ?? [])],
]);

describe('matrixMemo', () => {
  it('writes a section per row with its counts, a sub-section per column, and each passage as a citation after its stance', () => {
    const doc = matrixMemo(evidenceMatrix([r1, r2], { kind: 'sources', sources }, passages), [r1, r2], (id) => highlights.get(id));
    const cite = (id: string, source: string, quote: string) => ({ type: 'paragraph', content: [{ type: 'citation', attrs: { highlightId: id, display: 'block', quote, sourceId: source } }] });
    const words = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });
    const heading = (level: number, value: string) => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text: value }] });
    expect(doc).toEqual({
      type: 'doc',
      content: [
        heading(2, 'R1'),
        words('Engage the Taliban on counter-terrorism.'),
        words('2 passages: 1 supporting, 0 contradicting, 1 context.'),
        heading(3, 'Report'),
        { type: 'paragraph', content: [{ type: 'text', text: 'Supports:', marks: [{ type: 'bold' }] }] },
        cite('h1', 's1', 'Engagement works.'),
        heading(3, 'News'),
        cite('h2', 's2', 'Talks resumed.'),
        heading(2, 'R2'),
        words('No passages are tagged “R2” in these columns.'),
      ],
    });
  });
});
