import { describe, expect, it } from 'vitest';
import { selectionPlacer, type SelectionToPlace } from './place-selection';

const placeSelection = (text: string, selection: SelectionToPlace) => selectionPlacer(text)(selection);

const slice = (text: string, placed: ReturnType<typeof placeSelection>): string => (placed.ok ? text.slice(placed.start, placed.end) : `not placed: ${placed.reason}`);

describe('selectionPlacer', () => {
  const emoji = 'A 😀 then the envoy spoke.';

  it('reads positions as the specification says: code points from 0, end exclusive', () => {
    const placed = placeSelection(emoji, { name: 'the envoy', startPosition: 9, endPosition: 18 });
    expect(placed).toMatchObject({ ok: true, by: 'positions' });
    expect(slice(emoji, placed)).toBe('the envoy');
  });

  it('takes the reading whose text is the name: UTF-16 units, an inclusive end, CRLF as one', () => {
    expect(slice(emoji, placeSelection(emoji, { name: 'the envoy', startPosition: 10, endPosition: 19 }))).toBe('the envoy');
    expect(slice(emoji, placeSelection(emoji, { name: 'the envoy', startPosition: 9, endPosition: 17 }))).toBe('the envoy');
    const crlf = 'one\r\ntwo\r\nthree four';
    expect(slice(crlf, placeSelection(crlf, { name: 'three', startPosition: 8, endPosition: 13 }))).toBe('three');
    expect(slice(crlf, placeSelection(crlf, { name: 'two three', startPosition: 4, endPosition: 13 }))).toBe('two\r\nthree');
  });

  it('accepts a name cut short with an ellipsis', () => {
    const text = 'The Taliban hosted a meeting with Al Qaeda figures in Kabul.';
    expect(slice(text, placeSelection(text, { name: 'The Taliban hosted a…', startPosition: 0, endPosition: 60 }))).toBe(text);
  });

  it('finds the quote when no reading agrees, nearest to where the selection said', () => {
    const text = 'the envoy came; later the envoy left.';
    const placed = placeSelection(text, { name: 'the envoy', startPosition: 25, endPosition: 30 });
    expect(placed).toMatchObject({ ok: true, by: 'quote', start: 22 });
  });

  it('keeps positions when the name is a label, and refuses what cannot be placed, saying why', () => {
    expect(slice(emoji, placeSelection(emoji, { name: 'Segment 3', startPosition: 0, endPosition: 1 }))).toBe('A');
    expect(placeSelection(emoji, { name: '', startPosition: 30, endPosition: 40 })).toEqual({ ok: false, reason: 'its positions (30–40) lie outside the text of 25 characters' });
    expect(placeSelection(emoji, { name: 'words that are not there', startPosition: 0, endPosition: 5 })).toEqual({ ok: false, reason: 'neither its positions nor its text match the source' });
    expect(placeSelection(emoji, { name: '', startPosition: 4, endPosition: 4 })).toEqual({ ok: false, reason: 'it selects nothing (it starts and ends at 4)' });
    expect(placeSelection(emoji, { name: '', startPosition: Number.NaN, endPosition: 4 })).toMatchObject({ ok: false });
  });
});
