import { charOffset, highlightId, sourceId, tagId, textHash, type SourceId } from '../../../src/core/model/ids';
import type { Highlight } from '../../../src/core/model/highlight';

const HASH = textHash('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');

/**
 * The n-th highlight of a source, shaped like a real one: a quote of a sentence or two with its
 * context, two tags (one a recommendation with a stance), and a short comment on some.
 */
export function sampleHighlight(source: SourceId, n: number): Highlight {
  const start = 137 * n;
  const exact = `The Taliban have not severed ties with al-Qaeda, and passage ${n} shows how TTP fighters moved across the border.`;
  const stamp = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
  return {
    id: highlightId(`h-${source}-${n.toString(36).padStart(6, '0')}`),
    target: {
      sourceId: source,
      quote: { type: 'TextQuoteSelector', exact, prefix: 'According to the UN monitoring team, ', suffix: ' This raises questions for donors' },
      position: { type: 'TextPositionSelector', start: charOffset(start), end: charOffset(start + exact.length) },
      textHash: HASH,
    },
    color: n % 3 === 0 ? '#f2c94c' : null,
    tags: [{ tagId: tagId('group-ttp') }, { tagId: tagId('rec-3'), stance: n % 2 === 0 ? 'supports' : 'context' }],
    comment: n % 4 === 0 ? 'Compare with the 2023 Institute of the Middle East analysis.' : '',
    created: stamp,
    modified: stamp,
  };
}

/** The smallest highlight there is: one character of source "s", untagged, ungraded; `extra` changes what a test needs. */
export function bareHighlight(extra: Partial<Highlight> = {}): Highlight {
  return {
    id: highlightId('h'),
    target: {
      sourceId: sourceId('s'),
      quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: charOffset(0), end: charOffset(1) },
      textHash: textHash('0'.repeat(64)),
    },
    color: null,
    tags: [],
    comment: '',
    created: '2025-01-13T09:30:00.000Z',
    modified: '2025-01-13T09:30:00.000Z',
    ...extra,
  };
}
