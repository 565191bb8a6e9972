import { describe, expect, it } from 'vitest';
import { parsePlainText } from './plain-text-source';

describe('parsePlainText', () => {
  it('makes a paragraph of each run of lines between blank lines, keeping its line breaks', () => {
    const parsed = parsePlainText('Title line\n\nFirst line\nsecond line   \n \n\n\nLast\n');
    expect(parsed.text).toBe('Title line\n\nFirst line\nsecond line\n\nLast');
    expect(parsed.blocks.map((b) => parsed.text.slice(b.range.start, b.range.end))).toEqual(['Title line', 'First line\nsecond line', 'Last']);
  });

  it('drops control characters and stray byte-order marks', () => {
    expect(parsePlainText('a\u0000b\ufeffc\u0007').text).toBe('abc');
  });

  it('gives no blocks for blank text', () => {
    expect(parsePlainText(' \n\n \n').blocks).toEqual([]);
  });
});
