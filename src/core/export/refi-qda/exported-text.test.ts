import { describe, expect, it } from 'vitest';
import { exportedText } from './exported-text';

describe('exportedText', () => {
  it('counts code points, so an emoji before a passage moves it back by one', () => {
    const canonical = 'a🙂b 🙂🙂 cd';
    const start = canonical.indexOf('cd');
    const { text, positions } = exportedText(canonical, [start, start + 2, 0, canonical.length]);
    expect(text).toBe(canonical);
    expect([positions.get(0), positions.get(start), positions.get(start + 2), positions.get(canonical.length)]).toEqual([0, 7, 9, 9]);
    expect([...text].slice(7, 9).join('')).toBe('cd');
  });

  it('writes CRLF and lone CR as LF, and places offsets on the text as written', () => {
    const canonical = 'one\r\ntwo\rthree\r\n🙂four';
    const offsets = [canonical.indexOf('two'), canonical.indexOf('three'), canonical.indexOf('four'), canonical.indexOf('\n'), canonical.indexOf('\r')];
    const { text, positions } = exportedText(canonical, offsets);
    expect(text).toBe('one\ntwo\nthree\n🙂four');
    const points = [...text];
    for (const word of ['two', 'three', 'four']) {
      const at = positions.get(canonical.indexOf(word)) ?? -1;
      expect(points.slice(at, at + word.length).join('')).toBe(word);
    }
    // Both halves of a CRLF stand where its LF is written.
    expect(positions.get(canonical.indexOf('\r'))).toBe(3);
    expect(positions.get(canonical.indexOf('\n'))).toBe(3);
  });
});
