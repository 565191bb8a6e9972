import { describe, expect, it } from 'vitest';
import { parsePlainText } from '../plain-text-source';
import { normalizeLineEnds } from '../decode-text';
import { alignOffsets } from './align-offsets';

describe('alignOffsets', () => {
  it('carries ranges of the text as written onto the canonical text of a plain text import', () => {
    const written = '\r\n  Title line  \r\n\r\n\r\nBody \u0007with 😀 emoji.\rLast line\r\n';
    const canonical = parsePlainText(normalizeLineEnds(written)).text;
    const map = alignOffsets(written, canonical);
    expect(map).not.toBeNull();
    const carry = (quote: string): string => {
      const start = written.indexOf(quote);
      const range = map?.range(start, start + quote.length);
      return range ? canonical.slice(range.start, range.end) : 'nothing kept';
    };
    expect(carry('Title line')).toBe('Title line');
    expect(carry('with 😀 emoji.\rLast')).toBe('with 😀 emoji.\nLast');
    expect(carry('Body \u0007with')).toBe('Body with');
    expect(carry('  \r\n\r\n')).toBe('\n\n');
    expect(carry('\r\n')).toBe('nothing kept');
  });

  it('says so when the canonical text is not made from the text by removals', () => {
    expect(alignOffsets('abc', 'abd')).toBeNull();
  });
});
