import { describe, expect, it } from 'vitest';
import { charOffset, sourceId } from '../../core/model/ids';
import type { SharedTextPair } from '../../core/shared-text/shared-text-types';
import { percent, sharedPassagesOf, twinNotes } from './shared-passages';

const range = (start: number, end: number) => ({ start: charOffset(start), end: charOffset(end) });
const A = sourceId('a');
const B = sourceId('b');
const C = sourceId('c');
const pairs: SharedTextPair[] = [
  { a: A, b: B, shareOfA: 0.42, shareOfB: 0.999, twins: true, passages: [{ a: range(0, 10), b: range(5, 15) }, { a: range(50, 60), b: range(70, 80) }] },
  { a: A, b: C, shareOfA: 0.05, shareOfB: 0.1, twins: false, passages: [{ a: range(20, 30), b: range(0, 10) }] },
];

describe('sharedPassagesOf', () => {
  it('lists a source’s shared passages from either side of its pairs, in text order', () => {
    expect(sharedPassagesOf(pairs, A)).toEqual([
      { range: range(0, 10), twinId: B, twinRange: range(5, 15) },
      { range: range(20, 30), twinId: C, twinRange: range(0, 10) },
      { range: range(50, 60), twinId: B, twinRange: range(70, 80) },
    ]);
    expect(sharedPassagesOf(pairs, B)).toEqual([
      { range: range(5, 15), twinId: A, twinRange: range(0, 10) },
      { range: range(70, 80), twinId: A, twinRange: range(50, 60) },
    ]);
    expect(sharedPassagesOf(pairs, sourceId('d'))).toEqual([]);
  });
});

describe('twinNotes', () => {
  it('notes both sources of a pair of twins with the share each has in the other, and no other pair', () => {
    expect(twinNotes(pairs)).toEqual(
      new Map([
        [A, [{ twinId: B, share: 0.42 }]],
        [B, [{ twinId: A, share: 0.999 }]],
      ]),
    );
  });

  it('never rounds a share up to all of the text', () => {
    expect([percent(1), percent(0.999), percent(0.424), percent(0)]).toEqual(['100%', '99%', '42%', '0%']);
  });
});
